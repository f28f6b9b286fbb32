// @ts-check
/**
 * The adapter of a <textarea>: its text is .value, its selection setSelectionRange; the rects of a span come from
 * an invisible mirror element styled like it (one layout for all the marks). The mirror is created once and its
 * text changed in place, so typing never inserts nodes into the document (which would break the browser's undo
 * grouping).
 */

const MIRRORED_STYLES = ['boxSizing', 'width', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle', 'fontFamily',
  'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'letterSpacing', 'lineHeight', 'textTransform',
  'textIndent', 'wordSpacing', 'tabSize', 'whiteSpace', 'wordWrap', 'overflowWrap', 'wordBreak', 'direction'];

/** @param {HTMLTextAreaElement} textarea */
export function textareaAdapter(textarea) {
  /** @type {HTMLDivElement | null} */
  let mirror = null;
  const doc = textarea.ownerDocument;
  const win = /** @type {Window & typeof globalThis} */ (doc.defaultView);

  /**
   * Lay the text out once in the hidden twin of the textarea and measure every span there with a Range.
   * Returns, per span, one rect per line, clipped to the visible area.
   * @param {Array<{start: number, end: number}>} spans
   * @returns {DOMRect[][]}
   */
  function rectsForSpans(spans) {
    if (!mirror) {
      mirror = doc.createElement('div');
      mirror.setAttribute('aria-hidden', 'true');
      mirror.setAttribute('data-postcoach-mirror', '');
      mirror.append(doc.createTextNode(''));
      (doc.body || doc.documentElement).appendChild(mirror);
    }
    const style = win.getComputedStyle(textarea);
    const mirrorStyle = /** @type {any} */ (mirror.style);
    for (const prop of MIRRORED_STYLES) mirrorStyle[prop] = /** @type {any} */ (style)[prop];
    Object.assign(mirror.style, {
      position: 'absolute', visibility: 'hidden', pointerEvents: 'none', top: '0', left: '-100000px',
      overflow: 'hidden', whiteSpace: 'pre-wrap', overflowWrap: 'break-word', height: 'auto',
      // the scrollbar takes width from the text area, not from the mirror
      width: `${textarea.clientWidth + parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth)}px`,
    });
    const text = textarea.value;
    const textNode = /** @type {Text} */ (mirror.firstChild);
    if (textNode.data !== `${text}\u200b`) textNode.data = `${text}\u200b`;
    const range = doc.createRange();
    const mirrorBox = mirror.getBoundingClientRect();
    const box = textarea.getBoundingClientRect();
    const dx = box.left - mirrorBox.left - textarea.scrollLeft;
    const dy = box.top - mirrorBox.top - textarea.scrollTop;
    const top = box.top + textarea.clientTop;
    const bottom = top + textarea.clientHeight;
    return spans.map(({ start, end }) => {
      /** @type {Array<{left: number, right: number, top: number, height: number}>} */
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
        .map((l) => new win.DOMRect(l.left + dx, l.top + dy, l.right - l.left, l.height))
        .filter((r) => r.bottom > top && r.top < bottom);
    });
  }

  return {
    kind: /** @type {'textarea'} */ ('textarea'),
    editor: 'textarea',
    element: textarea,
    readText: () => textarea.value,
    textModel: () => /** @type {null} */ (null),
    /** @type {(start: number, end: number, model?: unknown) => Range | null} */
    rangeFor: () => null,
    rectsFor: (/** @type {number} */ start, /** @type {number} */ end) => rectsForSpans([{ start, end }])[0],
    rectsForSpans,
    select(/** @type {number} */ start, /** @type {number} */ end) {
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
