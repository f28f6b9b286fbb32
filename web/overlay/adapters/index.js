// @ts-check
/**
 * Field adapters: one small interface over the two kinds of editable the overlay coaches.
 *
 *   adapter.kind            'textarea' | 'contenteditable'
 *   adapter.editor          the editor recognised (diagnostics only; nothing branches on it): see detectEditor
 *   adapter.readText()      the draft as one string (UTF-16 offsets are what every other call counts in)
 *   adapter.rangeFor(s, e)  a DOM Range over [s, e) (contenteditable only; null for a textarea); an optional third
 *                           argument, adapter.textModel(), saves re-reading the field when mapping many spans
 *   adapter.rectsFor(s, e)  client rects of [s, e), one per line box
 *   adapter.rectsForSpans([{start, end}])  the same for many spans with one read (and, for a textarea, one layout)
 *   adapter.select(s, e)    put the editor's selection on [s, e)
 *   adapter.selection()     the current selection as {start, end} offsets, or null when it is outside the field
 */
import { contentEditableAdapter } from './contenteditable.js';
import { textareaAdapter } from './textarea.js';

/** @typedef {ReturnType<typeof contentEditableAdapter> | ReturnType<typeof textareaAdapter>} Adapter */

/** Marks of the editor libraries, for diagnostics (`field.editor`). */
const EDITORS = [
  ['lexical', '[data-lexical-editor]'], ['slate', '[data-slate-editor]'], ['prosemirror', '.ProseMirror'],
  ['quill', '.ql-editor'], ['draft', '.public-DraftEditor-content, .DraftEditor-root *'], ['ckeditor', '.ck-editor__editable'],
  ['trix', 'trix-editor'], ['tinymce', '.mce-content-body'],
];

/**
 * Which editor library (if any) drives this element.
 * @param {Element} element
 */
export function detectEditor(element) {
  if (element.localName === 'textarea') return 'textarea';
  const found = EDITORS.find(([, selector]) => element.matches(selector));
  return found ? found[0] : 'plain';
}

/**
 * @param {HTMLElement} element a textarea or a contenteditable root (of any document or shadow tree)
 * @returns {Adapter}
 */
export function createAdapter(element) {
  return element.localName === 'textarea'
    ? textareaAdapter(/** @type {HTMLTextAreaElement} */ (element))
    : contentEditableAdapter(element, detectEditor(element));
}
