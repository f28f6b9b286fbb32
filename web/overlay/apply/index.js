// @ts-check
/**
 * Applying an edit safely in any editor: select the range, let the editor see the selection, offer the edit
 * through the input paths of strategy.js in order, and after each one read the field back. The edit counts only
 * when the field holds exactly the expected text, and then the caret is after the inserted text. When a path left
 * something else, the original text is put back the same way before the next path is tried; when no path applies
 * the edit exactly, the caller tells the user (with the suggestion to copy) and re-analyses.
 *
 *   const result = await applyEdit(adapter, start, end, text, expected);
 *   result.ok                       the field now holds the expected text
 *   result.reason                   'stale' (the draft changed first) | 'refused' | 'restored' | 'broken'
 *   result.path                     the input path that decided it
 */
import { diffEdit, spliceText, sameDraft } from '../text/edits.js';
import { inputPaths, judge } from './strategy.js';
import { INPUT_PATHS } from './paths.js';

/** @typedef {import('../adapters/index.js').Adapter} Adapter */
/**
 * @typedef {{ok: boolean, reason?: 'stale'|'refused'|'restored'|'broken', path?: string}} ApplyResult
 *   ok: the field holds the expected text; else why not, and the path that decided it
 */

/** How long an editor may take to show an edit it claimed (re-rendering is asynchronous in React editors). */
const SETTLE_MS = 250;
const POLL_MS = 10;
const CARET_LOOK_MS = 25;

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolve after the document's next selectionchange (editors such as Draft.js and Slate read the selection
 * there), or after 50 ms.
 * @param {Document} doc
 */
function selectionSettled(doc) {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      doc.removeEventListener('selectionchange', finish);
      // one more task so that the editor's own selectionchange handler has run
      setTimeout(resolve, 0);
    };
    doc.addEventListener('selectionchange', finish);
    setTimeout(finish, 50);
  });
}

/**
 * Resolve in the next animation frame, after the callbacks editors asked for before us (or after 50 ms, where
 * frames are not run): what follows runs before the user's next key can.
 * @param {Document} doc
 */
function nextFrame(doc) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 50);
    doc.defaultView?.requestAnimationFrame(() => { clearTimeout(timer); resolve(undefined); });
  });
}

/**
 * The field's text once it holds `expected`, or after SETTLE_MS, whichever comes first. Watched with a
 * MutationObserver as well as polled, so that the caret can be put right (caretAfter) in the same task as the
 * editor's rendering, before the user's next key.
 * @param {Adapter} adapter @param {string} expected
 * @returns {Promise<string>}
 */
function readBack(adapter, expected) {
  return new Promise((resolve) => {
    const win = /** @type {Window & typeof globalThis} */ (adapter.element.ownerDocument.defaultView);
    const observer = new win.MutationObserver(check);
    const poll = setInterval(check, POLL_MS);
    const timer = setTimeout(() => done(adapter.readText()), SETTLE_MS);
    observer.observe(adapter.element, { childList: true, characterData: true, subtree: true });
    function check() {
      const text = adapter.readText();
      if (sameDraft(text, expected)) done(text);
    }
    function done(/** @type {string} */ text) {
      observer.disconnect();
      clearInterval(poll);
      clearTimeout(timer);
      resolve(text);
    }
    check();
  });
}

/**
 * Offer one edit through one path and judge what it did.
 * @param {Adapter} adapter @param {import('./strategy.js').InputPath} path
 * @param {string} before the field's text now @param {{start: number, end: number, text: string}} edit
 */
async function attempt(adapter, path, before, edit) {
  const expected = spliceText(before, edit.start, edit.end, edit.text);
  adapter.focus();
  adapter.select(edit.start, edit.end);
  await selectionSettled(adapter.element.ownerDocument);
  const current = adapter.readText();
  // an earlier path's edit that the editor showed late counts; any other change is the user's
  if (sameDraft(current, expected)) return { outcome: /** @type {const} */ ('applied'), after: current };
  if (!sameDraft(current, before)) return { outcome: /** @type {const} */ ('moved'), after: current };
  const claimed = INPUT_PATHS[path](adapter, edit.start, edit.end, edit.text);
  // an editor may take an event without cancelling it and show the edit on its next frame (Trix)
  if (!claimed) await nextFrame(adapter.element.ownerDocument);
  const now = adapter.readText();
  const after = !claimed && sameDraft(now, before) ? now : await readBack(adapter, expected);
  return { outcome: judge({ before, expected, after, claimed }), after };
}

/**
 * Offer an edit through each input path in turn until one decides it. A path that left the field holding neither
 * text is undone the same way (the editor that took the edit takes the undoing edit, offered through the paths
 * in their order) and the next path is tried; when even the undoing fails, the result is 'broken'.
 * @param {Adapter} adapter @param {string} before @param {{start: number, end: number, text: string}} edit
 * @param {boolean} [undoing] this is the undoing of a broken edit: no undoing of its own
 * @returns {Promise<ApplyResult>}
 */
async function offer(adapter, before, edit, undoing = false) {
  let restored = false;
  for (const path of inputPaths({ kind: adapter.kind, text: edit.text })) {
    const { outcome, after } = await attempt(adapter, path, before, edit);
    if (outcome === 'untouched') continue;
    if (outcome === 'applied') return { ok: true, path };
    if (outcome === 'moved') return { ok: false, reason: 'stale', path };   // the user typed: their text wins
    if (outcome === 'refused') return { ok: false, reason: restored ? 'restored' : 'refused', path };
    if (undoing) return { ok: false, reason: 'broken', path };
    const undo = await offer(adapter, after, diffEdit(after, before), true);
    if (!undo.ok) return { ok: false, reason: 'broken', path };
    restored = true;
  }
  return { ok: false, reason: restored ? 'restored' : 'refused' };
}

/**
 * Replace [start, end) of the field with `text`, provided the field still holds `expected` (the text the edit
 * was computed from); otherwise nothing is changed.
 * @param {Adapter} adapter
 * @param {number} start @param {number} end @param {string} text
 * @param {string} [expected]
 * @returns {Promise<ApplyResult>}
 */
export async function applyEdit(adapter, start, end, text, expected = adapter.readText()) {
  const before = adapter.readText();
  if (!sameDraft(before, expected)) return { ok: false, reason: 'stale' };
  const result = await offer(adapter, before, { start, end, text });
  if (result.ok) await caretAfter(adapter, start + text.length);
  return result;
}

/**
 * Put the caret right after the inserted text unless the editor did: typing then goes on there. (Trix, for one,
 * keeps a replacement's old selection, so the next key would replace part of the draft.)
 * @param {Adapter} adapter @param {number} caret
 */
async function caretAfter(adapter, caret) {
  // an editor may put its own (old) selection back when it renders, a frame or two later: look again
  for (let look = 0; look < 4; look++) {
    const selection = adapter.selection();
    if (!selection || selection.start !== caret || selection.end !== caret) {
      const doc = adapter.element.ownerDocument;
      adapter.select(caret, caret);
      // tell the editor now, not in a task the user's next key could overtake (the browser's own event follows)
      doc.dispatchEvent(new Event('selectionchange'));
      await selectionSettled(doc);
    }
    await sleep(CARET_LOOK_MS);
  }
}
