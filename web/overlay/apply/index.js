// @ts-check
/**
 * Applying an edit safely in any editor: select the range, let the editor see the selection, offer the edit
 * through the input paths of strategy.js in order, and after each one read the field back. The edit counts only
 * when the field holds exactly the expected text. When a path left something else, the original text is put
 * back the same way before the next path is tried; when no path applies the edit exactly, the caller tells the
 * user (with the suggestion to copy) and re-analyses.
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
 * The field's text once it holds `expected`, or after SETTLE_MS, whichever comes first.
 * @param {Adapter} adapter @param {string} expected
 */
async function readBack(adapter, expected) {
  const deadline = performance.now() + SETTLE_MS;
  await sleep(0);
  let text = adapter.readText();
  while (!sameDraft(text, expected) && performance.now() < deadline) {
    await sleep(POLL_MS);
    text = adapter.readText();
  }
  return text;
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
  if (!sameDraft(adapter.readText(), before)) return { outcome: /** @type {const} */ ('moved'), after: adapter.readText() };
  const claimed = INPUT_PATHS[path](adapter, edit.start, edit.end, edit.text);
  // an unclaimed event that changed nothing at once needs no waiting
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
  return offer(adapter, before, { start, end, text });
}
