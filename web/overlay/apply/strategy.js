// @ts-check
/**
 * Which input paths an edit is offered through, in order, and what to do after each: pure decisions, unit-tested
 * in tests/unit/apply-strategy.test.mjs; paths.js carries them out and index.js runs the loop.
 *
 * Editors that own a model (Slate, Lexical, ProseMirror, Quill, ...) must receive an edit through an event they
 * listen to, or their model and the DOM drift apart. So a contenteditable is offered the edit first as a
 * cancelable `beforeinput` (insertReplacementText with the target range and the text as data and text/plain, or
 * deleteContentBackward), which such editors take and cancel. Text with line breaks that nobody took that way is
 * offered as a `paste` (text/plain), which editors that ignore synthetic beforeinput (Draft.js, ProseMirror)
 * turn into their own paragraphs (a multi-line insertText loses the breaks in some and breaks Draft.js's DOM).
 * Only when nobody claimed an event does the browser's own editing run (`execCommand`), which a plain
 * contenteditable, Draft.js and ProseMirror follow through DOM mutations and the native undo stack. A
 * textarea takes `execCommand` (keeps undo), else `setRangeText`.
 *
 * After each path the field is read back and judged:
 *   applied    the field holds exactly the expected text: done
 *   untouched  nobody claimed the path and nothing changed: try the next path
 *   refused    an editor claimed the edit (cancelled the event) but the text did not change: stop. A path that
 *              bypasses the editor would now change the DOM behind its model.
 *   broken     the text changed, but not into the expected text (ProseMirror's plain-text paste, for one, merges
 *              blank lines): put the original back the same way, then try the next path
 */

/** @typedef {'paste'|'beforeinput'|'execCommand'|'setRangeText'} InputPath */
/** @typedef {'applied'|'untouched'|'refused'|'broken'} Outcome */

import { sameDraft } from '../text/edits.js';

/**
 * @param {{kind: 'textarea'|'contenteditable', text: string}} edit the field's kind and the text to insert
 * @returns {InputPath[]}
 */
export function inputPaths({ kind, text }) {
  if (kind === 'textarea') return ['execCommand', 'setRangeText'];
  return text.includes('\n') ? ['beforeinput', 'paste', 'execCommand'] : ['beforeinput', 'execCommand'];
}

/**
 * The beforeinput event that asks an editor for an edit: its inputType, its data, and whether the text also goes
 * as text/plain in a DataTransfer (where browsers put a replacement; Slate and Lexical split its lines into
 * paragraphs). Not where the page cannot read a DataTransfer the caller filled (a Firefox content script: the
 * editor would take an empty edit), except for lines, which `data` alone does not make paragraphs of.
 * @param {string} text the text to insert ('' removes the range)
 * @param {{pageReadsOurData: boolean}} context
 * @returns {{inputType: string, data: string | null, plainText: boolean}}
 */
export function beforeInputFor(text, { pageReadsOurData }) {
  if (!text) return { inputType: 'deleteContentBackward', data: null, plainText: false };
  return { inputType: 'insertReplacementText', data: text, plainText: pageReadsOurData || text.includes('\n') };
}

/**
 * @param {{before: string, expected: string, after: string, claimed: boolean}} reading
 *   the text before the path ran, the text it should produce, the text read back, whether the path was claimed
 * @returns {Outcome}
 */
export function judge({ before, expected, after, claimed }) {
  if (sameDraft(after, expected)) return 'applied';
  if (sameDraft(after, before)) return claimed ? 'refused' : 'untouched';
  return 'broken';
}
