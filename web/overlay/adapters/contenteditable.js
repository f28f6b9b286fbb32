// @ts-check
/**
 * The adapter of a contenteditable root (any editor: Lexical, Quill, Draft.js, ProseMirror/TipTap, Slate, a plain
 * editable, one inside a shadow root or a same-origin frame). Text and offsets come from text/model.js; this file
 * adds the DOM: ranges, client rects, and the selection (read through the shadow root when there is one, since
 * Chromium retargets the document's selection to the shadow host).
 */
import { positionAt, readTextModel, textNodeOffset } from '../text/model.js';

/** @typedef {import('../text/model.js').TextModel} TextModel */

/**
 * The selection object that sees inside `root`'s tree (Chromium: the shadow root's own getSelection()).
 * @param {Element} root
 * @returns {Selection | null}
 */
export function selectionOf(root) {
  const tree = /** @type {any} */ (root.getRootNode());
  if (tree && tree !== root.ownerDocument && typeof tree.getSelection === 'function') return tree.getSelection();
  return root.ownerDocument.getSelection();
}

/**
 * The selection's first range as seen inside `root`'s tree, or null.
 * @param {Element} root
 * @returns {AbstractRange | null}
 */
function currentRange(root) {
  const selection = selectionOf(root);
  if (!selection || selection.rangeCount === 0) return null;
  const tree = root.getRootNode();
  const composed = /** @type {any} */ (selection).getComposedRanges;
  if (tree !== root.ownerDocument && typeof composed === 'function') {
    try { return composed.call(selection, { shadowRoots: [tree] })[0] || null; } catch { /* older signature */ }
  }
  return selection.getRangeAt(0);
}

/** @param {HTMLElement} root @param {string} editor the editor detected (adapters/index.js) */
export function contentEditableAdapter(root, editor) {
  const doc = root.ownerDocument;

  /** The text offset of a DOM position inside root. */
  function offsetOf(/** @type {TextModel} */ model, /** @type {Node} */ node, /** @type {number} */ offset) {
    const direct = textNodeOffset(model.segments, node, offset);
    if (direct !== null) return direct;
    // An element position (or a text node the model leaves out): the first segment at or after it.
    const probe = doc.createRange();
    probe.setStart(node, offset);
    for (const seg of model.segments) {
      if (probe.comparePoint(seg.node, 0) >= 0) return seg.start;
    }
    return model.segments.length ? model.segments[model.segments.length - 1].end : 0;
  }

  const adapter = {
    kind: /** @type {'contenteditable'} */ ('contenteditable'),
    editor,
    element: root,
    readText: () => readTextModel(root).text,
    /** The text and its DOM segments, to map many spans with one walk (pass it to rangeFor). */
    textModel: () => readTextModel(root),
    /** A live Range over [start, end). */
    rangeFor(/** @type {number} */ start, /** @type {number} */ end, model = readTextModel(root)) {
      const a = positionAt(root, model.segments, start, 'start');
      const b = positionAt(root, model.segments, end, 'end');
      const range = doc.createRange();
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      return range;
    },
    /** @param {number} start @param {number} end @param {TextModel} [model] */
    rectsFor(start, end, model) {
      return Array.from(adapter.rangeFor(start, end, model).getClientRects()).filter((r) => r.width > 0 || r.height > 0);
    },
    /** @param {Array<{start: number, end: number}>} spans */
    rectsForSpans(spans) {
      const model = readTextModel(root);
      return spans.map(({ start, end }) => adapter.rectsFor(start, end, model));
    },
    /** Put the document's selection on [start, end). */
    select(/** @type {number} */ start, /** @type {number} */ end) {
      const range = adapter.rangeFor(start, end);
      const selection = selectionOf(root);
      if (!selection) return;
      selection.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
    },
    /** The selection as {start, end} offsets, or null when it is outside the field. */
    selection() {
      const range = currentRange(root);
      if (!range || !root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
      const model = readTextModel(root);
      return {
        start: offsetOf(model, range.startContainer, range.startOffset),
        end: offsetOf(model, range.endContainer, range.endOffset),
      };
    },
    focus: () => root.focus({ preventScroll: true }),
    destroy() {},
  };
  return adapter;
}
