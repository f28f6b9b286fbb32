/**
 * Field adapters: one small interface over the two kinds of editable the overlay coaches.
 *
 *   adapter.kind            'textarea' | 'contenteditable'
 *   adapter.editor          which editor was recognised: 'lexical' | 'quill' | 'draft' | 'plain' | 'textarea'
 *   adapter.readText()      the draft as one string (UTF-16 offsets are what every other call counts in)
 *   adapter.rangeFor(s, e)  a DOM Range over [s, e) (contenteditable only; null for a textarea); an optional third
 *                           argument, adapter.textModel(), saves re-reading the field when mapping many spans
 *   adapter.rectsFor(s, e)  client rects of [s, e), one per line box
 *   adapter.rectsForSpans([{start, end}])  the same for many spans with one read (and, for a textarea, one layout)
 *   adapter.select(s, e)    put the editor's selection on [s, e)
 *   adapter.selection()     the current selection as {start, end} offsets, or null when it is outside the field
 *
 * Contenteditable text is read by walking text nodes in document order; a <br> is "\n" and the boundary between
 * two block elements (paragraphs of Lexical, Quill and Draft.js) is one "\n". Offsets map back to DOM positions
 * through the same walk, so reading and marking can never disagree. A textarea's text is its .value; its rects
 * come from an invisible mirror element styled like it.
 */

const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE',
  'SECTION', 'ARTICLE', 'TABLE', 'TR', 'FIGURE']);

/** @param {HTMLElement} element */
export function createAdapter(element) {
  return element instanceof HTMLTextAreaElement || element.localName === 'textarea'
    ? textareaAdapter(element) : contentEditableAdapter(element);
}

/** Which editor library (if any) drives this element: used for diagnostics and editor-specific settling. */
export function detectEditor(element) {
  if (element.localName === 'textarea') return 'textarea';
  if (element.hasAttribute('data-lexical-editor')) return 'lexical';
  if (element.classList.contains('ql-editor')) return 'quill';
  if (element.classList.contains('public-DraftEditor-content') || element.closest('.DraftEditor-root')) return 'draft';
  return 'plain';
}

// ---------------------------------------------------------------------------------------------------------------
// contenteditable

/**
 * Walk the editable root once: the text, plus where each text node and line break sits in it.
 * @returns {{ text: string, segments: Array<{node: Node, start: number, end: number, br?: boolean}> }}
 */
export function readTextModel(root) {
  let text = '';
  const segments = [];
  const breakBeforeBlock = () => {
    if (text.length > 0 && !text.endsWith('\n')) text += '\n';
  };
  const walk = (parent) => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === Node.TEXT_NODE) {
        const data = node.data;
        if (data.length === 0) continue;
        segments.push({ node, start: text.length, end: text.length + data.length });
        text += data;
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const tag = node.tagName;
        if (tag === 'BR') {
          // A lone <br> in an otherwise empty block is the editors' placeholder for an empty line.
          segments.push({ node, start: text.length, end: text.length + 1, br: true });
          text += '\n';
        } else if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') {
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

/** The DOM position of a text offset. `affinity` 'start' prefers the next node at a boundary, 'end' the previous. */
function positionAt(root, segments, offset, affinity) {
  let candidate = null;
  for (const seg of segments) {
    if (seg.br) {
      if (offset === seg.start) return { node: seg.node.parentNode, offset: indexOf(seg.node) };
      if (offset === seg.end && affinity === 'end') candidate = { node: seg.node.parentNode, offset: indexOf(seg.node) + 1 };
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
  return { node: root, offset: root.childNodes.length };
}

function indexOf(node) {
  let i = 0;
  for (let n = node.previousSibling; n; n = n.previousSibling) i++;
  return i;
}

/** The text offset of a DOM position inside root, by the same walk as readTextModel. */
function offsetOf(root, segments, node, offset) {
  if (node.nodeType === Node.TEXT_NODE) {
    const seg = segments.find((s) => s.node === node);
    if (seg) return seg.start + Math.min(offset, seg.end - seg.start);
  }
  // An element position: the first segment at or after the child at `offset`.
  const probe = document.createRange();
  probe.setStart(node, offset);
  for (const seg of segments) {
    if (probe.comparePoint(seg.node, 0) >= 0) return seg.start;
  }
  return segments.length ? segments[segments.length - 1].end : 0;
}

function contentEditableAdapter(root) {
  const adapter = {
    kind: 'contenteditable',
    editor: detectEditor(root),
    element: root,
    readText: () => readTextModel(root).text,
    /** The text and its DOM segments, to map many spans with one walk (pass it to rangeFor). */
    textModel: () => readTextModel(root),
    rangeFor(start, end, model = readTextModel(root)) {
      const { segments } = model;
      const a = positionAt(root, segments, start, 'start');
      const b = positionAt(root, segments, end, 'end');
      const range = document.createRange();
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      return range;
    },
    rectsFor(start, end, model) {
      return Array.from(adapter.rangeFor(start, end, model).getClientRects()).filter((r) => r.width > 0 || r.height > 0);
    },
    rectsForSpans(spans) {
      const model = readTextModel(root);
      return spans.map(({ start, end }) => adapter.rectsFor(start, end, model));
    },
    select(start, end) {
      const range = adapter.rangeFor(start, end);
      const selection = root.ownerDocument.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    },
    selection() {
      const selection = root.ownerDocument.getSelection();
      if (!selection || selection.rangeCount === 0) return null;
      const range = selection.getRangeAt(0);
      if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
      const { segments } = readTextModel(root);
      return {
        start: offsetOf(root, segments, range.startContainer, range.startOffset),
        end: offsetOf(root, segments, range.endContainer, range.endOffset),
      };
    },
    focus: () => root.focus({ preventScroll: true }),
    destroy() {},
  };
  return adapter;
}

// ---------------------------------------------------------------------------------------------------------------
// textarea

const MIRRORED_STYLES = ['boxSizing', 'width', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle', 'fontFamily',
  'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'letterSpacing', 'lineHeight', 'textTransform',
  'textIndent', 'wordSpacing', 'tabSize', 'whiteSpace', 'wordWrap', 'overflowWrap', 'wordBreak', 'direction'];

function textareaAdapter(textarea) {
  let mirror = null;
  const doc = textarea.ownerDocument;

  /**
   * Lay the text out once in a hidden twin of the textarea and measure every span there with a Range: one
   * layout for all the marks. Returns, per span, one rect per line, clipped to the visible area.
   */
  function rectsForSpans(spans) {
    if (!mirror) {
      mirror = doc.createElement('div');
      mirror.setAttribute('aria-hidden', 'true');
      mirror.setAttribute('data-postcoach-mirror', '');
      (doc.body || doc.documentElement).appendChild(mirror);
    }
    const style = getComputedStyle(textarea);
    for (const prop of MIRRORED_STYLES) mirror.style[prop] = style[prop];
    Object.assign(mirror.style, {
      position: 'absolute', visibility: 'hidden', pointerEvents: 'none', top: '0', left: '-100000px',
      overflow: 'hidden', whiteSpace: 'pre-wrap', overflowWrap: 'break-word', height: 'auto',
      // the scrollbar takes width from the text area, not from the mirror
      width: `${textarea.clientWidth + parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth)}px`,
    });
    const text = textarea.value;
    if (mirror.firstChild?.data !== `${text}\u200b`) mirror.textContent = `${text}\u200b`;
    const textNode = mirror.firstChild;
    const range = doc.createRange();
    const mirrorBox = mirror.getBoundingClientRect();
    const box = textarea.getBoundingClientRect();
    const dx = box.left - mirrorBox.left - textarea.scrollLeft;
    const dy = box.top - mirrorBox.top - textarea.scrollTop;
    const top = box.top + textarea.clientTop;
    const bottom = top + textarea.clientHeight;
    return spans.map(({ start, end }) => {
      const lines = [];
      range.setStart(textNode, Math.min(start, text.length));
      range.setEnd(textNode, Math.min(end, text.length));
      for (const r of range.getClientRects()) {
        if (r.width === 0) continue;
        const last = lines[lines.length - 1];
        if (last && Math.abs(last.top - r.top) < 1) last.right = Math.max(last.right, r.right);   // same line
        else lines.push({ left: r.left, right: r.right, top: r.top, height: r.height });
      }
      return lines
        .map((l) => new DOMRect(l.left + dx, l.top + dy, l.right - l.left, l.height))
        .filter((r) => r.bottom > top && r.top < bottom);
    });
  }

  return {
    kind: 'textarea',
    editor: 'textarea',
    element: textarea,
    readText: () => textarea.value,
    textModel: () => null,
    rangeFor: () => null,
    rectsFor: (start, end) => rectsForSpans([{ start, end }])[0],
    rectsForSpans,
    select(start, end) {
      textarea.setSelectionRange(start, end);
    },
    selection: () => ({ start: textarea.selectionStart, end: textarea.selectionEnd }),
    focus: () => textarea.focus({ preventScroll: true }),
    destroy() {
      mirror?.remove();
      mirror = null;
    },
  };
}
