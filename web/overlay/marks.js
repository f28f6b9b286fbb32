// @ts-check
/**
 * Inline marks under each finding's span, drawn without touching the editor's DOM.
 *
 * Contenteditable fields use the CSS Custom Highlight API: one `Highlight` per side, registered in the page's
 * `CSS.highlights`, shared by every field of the document, styled by static `::highlight()` rules added once to
 * the page scope (a constructed stylesheet, or a <style> element where adoptedStyleSheets is unavailable).
 * Textareas (whose text is not in the DOM) and browsers without the API get positioned boxes in a Shadow DOM
 * layer, recomputed from the field's client rects on every scroll, resize and edit.
 */
import { adoptStyles, createShadowHost, el } from './dom.js';
import { HIGHLIGHT_NAMES, MARKS_CSS, PAGE_HIGHLIGHT_CSS, SIDE_CLASS } from './styles.js';

/**
 * @typedef {'sales'|'value'} Side
 * @typedef {{side: Side, start: number, end: number, index: number}} Span
 * @typedef {{side: Side, range: Range, index: number}} MarkRange
 * @typedef {{supported: boolean, fields: Map<object, MarkRange[]>, highlights?: Record<Side, Highlight>}} Registry
 */

/** Per document: the ranges every field contributes to each highlight. @type {WeakMap<Document, Registry>} */
const registries = new WeakMap();

/** @param {Document} doc @returns {Registry} */
function highlightRegistry(doc) {
  let reg = registries.get(doc);
  if (reg) return reg;
  const win = /** @type {any} */ (doc.defaultView);
  reg = { supported: false, fields: new Map() };
  if (win && win.CSS && win.CSS.highlights && typeof win.Highlight === 'function') {
    try {
      reg.highlights = { sales: new win.Highlight(), value: new win.Highlight() };
      win.CSS.highlights.set(HIGHLIGHT_NAMES.sales, reg.highlights.sales);
      win.CSS.highlights.set(HIGHLIGHT_NAMES.value, reg.highlights.value);
      adoptStyles(doc, doc, PAGE_HIGHLIGHT_CSS);
      reg.supported = true;
    } catch { /* e.g. a content-script world that cannot reach the page's registry: use boxes */ }
  }
  registries.set(doc, reg);
  return reg;
}

/** @param {Registry} reg */
function rebuild(reg) {
  const highlights = /** @type {Record<Side, Highlight>} */ (reg.highlights);
  highlights.sales.clear();
  highlights.value.clear();
  for (const ranges of reg.fields.values()) {
    for (const { side, range } of ranges) highlights[side].add(range);
  }
}

/** Shadow roots that have the ::highlight() rules (page-scope rules do not reach into a shadow tree). */
const styledTrees = new WeakSet();

/**
 * Which mark a finding gets: 'sales' (sales and platform findings) or 'value'.
 * @param {import('../engine/types.js').Finding} finding
 * @returns {Side}
 */
export const markSide = (finding) => /** @type {Side} */ (SIDE_CLASS[finding.side] || 'sales');

/**
 * The marks of one field.
 * @param {import('./adapters/index.js').Adapter} adapter
 */
export function createMarks(adapter) {
  const doc = adapter.element.ownerDocument;
  const reg = highlightRegistry(doc);
  const useHighlights = reg.supported && adapter.kind === 'contenteditable';
  const tree = /** @type {Document | ShadowRoot} */ (adapter.element.getRootNode());
  if (useHighlights && tree !== doc && !styledTrees.has(tree)) {
    styledTrees.add(tree);
    adoptStyles(doc, tree, PAGE_HIGHLIGHT_CSS);
  }
  const key = {};
  /** @type {{host: HTMLElement, root: ShadowRoot} | null} */
  let layer = null;
  /** @type {Span[]} */
  let spans = [];
  /** @type {Array<{side: Side, index: number, rect: DOMRect}>} the fallback boxes drawn last (tests, hit-testing) */
  let boxes = [];
  let frame = 0;

  function render() {
    frame = 0;
    if (useHighlights) {
      const ranges = [];
      const model = adapter.textModel();
      for (const s of spans) {
        try { ranges.push({ side: s.side, range: adapter.rangeFor(s.start, s.end, model), index: s.index }); } catch { /* node gone */ }
      }
      reg.fields.set(key, ranges);
      rebuild(reg);
      return;
    }
    if (!layer) layer = createShadowHost(doc, MARKS_CSS, 'marks');
    boxes = [];
    const clip = adapter.element.getBoundingClientRect();
    const rects = adapter.rectsForSpans(spans);
    // reuse the box elements of the last drawing; only changed attributes touch the DOM
    const pool = /** @type {NodeListOf<HTMLElement>} */ (layer.root.querySelectorAll('.mark'));
    let used = 0;
    for (const [i, s] of spans.entries()) {
      for (const r of rects[i]) {
        if (r.bottom < clip.top || r.top > clip.bottom) continue;
        const box = pool[used] || layer.root.appendChild(el(doc, 'div'));
        used++;
        const className = `mark ${s.side}`;
        const css = `left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px;`;
        if (box.className !== className) box.className = className;
        if (box.dataset.finding !== String(s.index)) box.dataset.finding = String(s.index);
        if (box.style.cssText !== css) box.style.cssText = css;
        boxes.push({ side: s.side, index: s.index, rect: r });
      }
    }
    for (let i = used; i < pool.length; i++) pool[i].remove();
  }

  return {
    usesHighlights: useHighlights,
    /** Show the phrase findings of a report (post-scope findings have no inline mark). */
    show(/** @type {import('../engine/types.js').Report | null} */ report) {
      spans = (report?.findings || [])
        .map((f, index) => ({ side: markSide(f), start: f.span.start_utf16, end: f.span.end_utf16, index, scope: f.scope }))
        .filter((s) => s.scope !== 'post' && s.end > s.start)
        .map(({ side, start, end, index }) => ({ side, start, end, index }));
      render();
    },
    /**
     * Keep the marks on their phrases while the user types, before the next analysis: move each span with
     * `map` (see editMapping); a span the edit touched is dropped until the engine has seen the new text.
     */
    follow(/** @type {(offset: number) => number | null} */ map) {
      spans = spans.flatMap((s) => {
        const start = map(s.start);
        const end = map(s.end);
        return start === null || end === null || end - start !== s.end - s.start ? [] : [{ ...s, start, end }];
      });
      if (!frame) frame = requestAnimationFrame(render);
    },
    /** Re-align after scroll, resize or an edit (coalesced to one frame). */
    reposition() {
      if (useHighlights && spans.length === 0) return;
      if (!frame) frame = requestAnimationFrame(render);
    },
    /** Drawn marks: [{side, index, start, end, rects}] (ranges for highlights, boxes otherwise). */
    snapshot() {
      if (useHighlights) {
        return (reg.fields.get(key) || []).map(({ side, range, index }) => ({
          side, index, text: range.toString(), rects: Array.from(range.getClientRects()).map((r) => r.toJSON()),
        }));
      }
      return boxes.map(({ side, index, rect }) => ({ side, index, rects: [rect.toJSON()] }));
    },
    clear() {
      spans = [];
      render();
    },
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      reg.fields.delete(key);
      if (useHighlights) rebuild(reg);
      layer?.host.remove();
    },
  };
}
