// @ts-check
/**
 * The text model of a contenteditable field: the draft as one string, and where each text node and line break
 * sits in it, so that UTF-16 offsets (what the engine's spans count in) map to DOM positions and back by the same
 * walk: reading and marking can never disagree. Pure: it reads only nodeType, tagName, data, firstChild,
 * nextSibling, parentNode and getAttribute, so it runs (and is unit-tested) without a browser.
 *
 * Rules of the walk: a text node is its data, with no-break spaces read as spaces (editors write a space that HTML
 * would collapse as U+00A0; the draft has a space there, one unit for one, so offsets do not move); a <br> is
 * "\n"; the boundary between two block elements (paragraphs of Lexical, Quill, Draft.js, ProseMirror, Slate) is
 * one "\n"; a trailing boundary is not text.
 * Left out: scripts and styles, subtrees hidden from assistive technology (aria-hidden="true": the placeholder
 * Slate renders inside the editable), and text nodes made only of zero-width characters (the U+FEFF Slate and
 * others keep in empty lines so that the caret has somewhere to sit).
 */

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
export const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE',
  'PRE', 'SECTION', 'ARTICLE', 'TABLE', 'TR', 'FIGURE']);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE']);
const ZERO_WIDTH_ONLY = /^[\u200b\ufeff]+$/;

/**
 * @typedef {{node: Node, start: number, end: number, br?: boolean}} Segment
 * @typedef {{text: string, segments: Segment[]}} TextModel
 * @typedef {{node: Node, offset: number}} DomPosition
 */

/**
 * Walk the editable root once: the text, plus where each text node and line break sits in it.
 * @param {Node} root
 * @returns {TextModel}
 */
export function readTextModel(root) {
  let text = '';
  /** @type {Segment[]} */
  const segments = [];
  const breakBeforeBlock = () => {
    if (text.length > 0 && !text.endsWith('\n')) text += '\n';
  };
  /** @param {Node} parent */
  const walk = (parent) => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === TEXT_NODE) {
        const data = /** @type {Text} */ (node).data;
        if (data.length === 0 || ZERO_WIDTH_ONLY.test(data)) continue;
        segments.push({ node, start: text.length, end: text.length + data.length });
        text += data.includes('\u00a0') ? data.replace(/\u00a0/g, ' ') : data;
      } else if (node.nodeType === ELEMENT_NODE) {
        const element = /** @type {Element} */ (node);
        const tag = element.tagName.toUpperCase();
        if (tag === 'BR') {
          // A lone <br> in an otherwise empty block is the editors' placeholder for an empty line.
          segments.push({ node, start: text.length, end: text.length + 1, br: true });
          text += '\n';
        } else if (SKIPPED_TAGS.has(tag) || element.getAttribute('aria-hidden') === 'true') {
          continue;
        } else if (BLOCK_TAGS.has(tag)) {
          breakBeforeBlock();
          walk(node);
          breakBeforeBlock();
        } else {
          walk(node);
        }
      }
    }
  };
  walk(root);
  // A trailing "\n" produced only by a block boundary is not part of the draft.
  const last = segments[segments.length - 1];
  if (text.endsWith('\n') && !(last && last.br && last.end === text.length)) text = text.slice(0, -1);
  else if (last && last.br && last.end === text.length && text.length === 1) text = '';
  return { text, segments };
}

/** @param {Node} node */
function indexOf(node) {
  let i = 0;
  for (let n = node.previousSibling; n; n = n.previousSibling) i++;
  return i;
}

/** @param {Node} node */
function childCount(node) {
  let n = 0;
  for (let c = node.firstChild; c; c = c.nextSibling) n++;
  return n;
}

/**
 * The DOM position of a text offset. `affinity` 'start' prefers the next node at a boundary, 'end' the previous.
 * @param {Node} root
 * @param {Segment[]} segments
 * @param {number} offset
 * @param {'start'|'end'} affinity
 * @returns {DomPosition}
 */
export function positionAt(root, segments, offset, affinity) {
  /** @type {DomPosition | null} */
  let candidate = null;
  for (const seg of segments) {
    const parent = /** @type {Node} */ (seg.node.parentNode);
    if (seg.br) {
      if (offset === seg.start) return { node: parent, offset: indexOf(seg.node) };
      if (offset === seg.end && affinity === 'end') candidate = { node: parent, offset: indexOf(seg.node) + 1 };
      continue;
    }
    if (offset >= seg.start && offset < seg.end) return { node: seg.node, offset: offset - seg.start };
    if (offset === seg.end) {
      candidate = { node: seg.node, offset: seg.end - seg.start };
      if (affinity === 'end') return candidate;
    }
    if (seg.start > offset) break;
  }
  if (candidate) return candidate;
  // Past the end (or an empty field): the end of the root.
  return { node: root, offset: childCount(root) };
}

/**
 * The text offset of a position inside a text node the model knows, or null (element positions need the DOM's
 * ordering: see adapters/contenteditable.js).
 * @param {Segment[]} segments
 * @param {Node} node
 * @param {number} offset
 */
export function textNodeOffset(segments, node, offset) {
  const seg = segments.find((s) => s.node === node);
  return seg ? seg.start + Math.min(offset, seg.end - seg.start) : null;
}
