// @ts-check
/**
 * The input paths an edit can take into a field (see strategy.js for the order). Each one puts [start, end) of
 * the field's text in the editor's hands as the given text and answers whether somebody claimed it: the editor
 * cancelled the event, or the browser's editing command ran.
 */
import { beforeInputFor } from './strategy.js';

/** @typedef {import('../adapters/index.js').Adapter} Adapter */
/** @typedef {(adapter: Adapter, start: number, end: number, text: string) => boolean} InputPathRunner */

/**
 * A DataTransfer carrying `text` as text/plain, or null where it cannot be built.
 * @param {Window & typeof globalThis} win @param {string} text
 */
function plainText(win, text) {
  try {
    const data = new win.DataTransfer();
    data.setData('text/plain', text);
    return data;
  } catch {
    return null;
  }
}

/** @type {Record<import('./strategy.js').InputPath, InputPathRunner>} */
export const INPUT_PATHS = {
  /** A `paste` event carrying text/plain: what every rich editor turns into its own paragraphs, with undo. */
  paste(adapter, _start, _end, text) {
    const win = /** @type {Window & typeof globalThis} */ (adapter.element.ownerDocument.defaultView);
    const clipboardData = plainText(win, text);
    if (!clipboardData) return false;
    const event = new win.ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true, composed: true });
    return !adapter.element.dispatchEvent(event);
  },

  /** A cancelable `beforeinput` with the target range: the path model-owning editors listen to. */
  beforeinput(adapter, start, end, text) {
    const range = adapter.rangeFor(start, end);
    if (!range) return false;
    const win = /** @type {Window & typeof globalThis} */ (adapter.element.ownerDocument.defaultView);
    // a Firefox content script sees the page through Xrays (wrappedJSObject); its DataTransfer is unreadable there
    const pageReadsOurData = /** @type {any} */ (win).wrappedJSObject === undefined;
    const { inputType, data, plainText: withPlainText } = beforeInputFor(text, { pageReadsOurData });
    /** @type {InputEventInit & {targetRanges?: StaticRange[]}} */
    const init = { inputType, data, bubbles: true, cancelable: true, composed: true };
    try {
      init.targetRanges = [new win.StaticRange({ startContainer: range.startContainer, startOffset: range.startOffset,
        endContainer: range.endContainer, endOffset: range.endOffset })];
    } catch { /* no StaticRange: the editor uses its selection, which is on the range already */ }
    if (withPlainText) init.dataTransfer = plainText(win, text);
    const target = range.startContainer.nodeType === 1 ? /** @type {Element} */ (range.startContainer) : range.startContainer.parentElement;
    return !(target || adapter.element).dispatchEvent(new win.InputEvent('beforeinput', init));
  },

  /** The browser's own editing: updates the DOM (and a textarea's value) with native undo. */
  execCommand(adapter, _start, _end, text) {
    try {
      return adapter.element.ownerDocument.execCommand('insertText', false, text);
    } catch {
      return false;
    }
  },

  /** A textarea nobody else edited: set the text and announce it as typing would. */
  setRangeText(adapter, start, end, text) {
    const element = adapter.element;
    if (element.localName !== 'textarea') return false;
    /** @type {HTMLTextAreaElement} */ (element).setRangeText(text, start, end, 'end');
    const win = /** @type {Window & typeof globalThis} */ (element.ownerDocument.defaultView);
    element.dispatchEvent(new win.InputEvent('input', { inputType: 'insertText', data: text, bubbles: true }));
    return true;
  },
};
