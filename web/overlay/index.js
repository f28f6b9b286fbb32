// @ts-check
/**
 * THE overlay: coaches editable fields in place. Used unchanged by the extension's content script and by the
 * workshop page (www/). Public API (docs/ARCHITECTURE.md, "The overlay"):
 *
 *   const coach = createCoach({ engine, platform: 'linkedin', sensitivity: 'normal', debounceMs: 250 });
 *   const field = coach.attach(element);   // textarea or contenteditable root (Lexical, Quill, Draft.js, plain)
 *   coach.setPlatform('facebook'); coach.setSensitivity('strict');   // re-score every attached field
 *   const off = coach.onReport((field, report) => {});              // after each analysis
 *   field.report; field.text;               // latest report and the text it describes
 *   await field.refresh();                  // analyse now; resolves with the report of the current text
 *   field.focusFinding(i); field.openRewrite();
 *   await field.applySuggestion(findingIndex, suggestionIndex);     // false when refused (stale) or not taken
 *   await field.applyRewrite();
 *   field.marks();                          // drawn marks [{side, index, text?, rects}] (tests, workshop meter)
 *   field.timing;                           // {requestedAt, receivedAt, drawnAt} of the last analysis shown
 *   field.detach(); coach.destroy();
 *
 * Keyboard, while the field has focus: Alt+Shift+N opens the next finding's card, Alt+Shift+R the rewrite,
 * Alt+Shift+B the badge's summary. Clicking inside a marked phrase opens its card.
 *
 * Analysis is debounced and never blocks typing: one request in flight per field; a reply whose text no longer
 * matches the field is dropped and the field re-analysed. Suggestions are refused when the text changed since
 * the analysis they came from, and the marks refresh instead.
 */
import { createAdapter } from './adapters/index.js';
import { createMarks } from './marks.js';
import { editMapping } from './text/edits.js';
import { createBadge } from './badge.js';
import { createCard } from './card.js';
import { applyEdit } from './apply/index.js';

export { badgeLabel } from './badge.js';

/**
 * @param {{ engine: import('../engine/types.js').EngineClient, platform?: string, sensitivity?: string,
 *           debounceMs?: number, document?: Document }} options
 */
export function createCoach({ engine, platform = 'facebook', sensitivity = 'normal', debounceMs = 250, document: doc = globalThis.document }) {
  const fields = new Set();
  const listeners = new Set();
  const options = { platform, sensitivity };
  let card = null;
  let cardOwner = null;     // the field whose card is showing: shortcuts pressed inside the card go to it
  const getCard = (owner) => {
    cardOwner = owner;
    return (card ??= createCard(doc, { onShortcut: (code) => cardOwner?._shortcut(code) }));
  };

  const onViewportChange = () => { for (const f of fields) f.reposition(); };
  doc.defaultView.addEventListener('scroll', onViewportChange, { capture: true, passive: true });
  doc.defaultView.addEventListener('resize', onViewportChange, { passive: true });
  const onOutsidePointer = (event) => {
    if (card?.isOpen && !event.composedPath().includes(card.host)) card.close('outside');
  };
  doc.addEventListener('pointerdown', onOutsidePointer, true);

  const coach = {
    get platform() { return options.platform; },
    get sensitivity() { return options.sensitivity; },
    get fields() { return Array.from(fields); },
    attach(element) {
      for (const f of fields) if (f.element === element) return f;
      const field = createField(element, { engine, options, debounceMs, getCard, emit, onDetach: (f) => fields.delete(f) });
      fields.add(field);
      return field;
    },
    setPlatform(next) {
      if (next === options.platform) return;
      options.platform = next;
      for (const f of fields) f.refresh();
    },
    setSensitivity(next) {
      if (next === options.sensitivity) return;
      options.sensitivity = next;
      for (const f of fields) f.refresh();
    },
    onReport(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      for (const f of Array.from(fields)) f.detach();
      card?.destroy();
      card = null;
      doc.defaultView.removeEventListener('scroll', onViewportChange, { capture: true });
      doc.defaultView.removeEventListener('resize', onViewportChange);
      doc.removeEventListener('pointerdown', onOutsidePointer, true);
      listeners.clear();
    },
  };

  function emit(field, report) {
    for (const listener of listeners) {
      try { listener(field, report); } catch (error) { console.error('postcoach: onReport listener failed', error); }
    }
  }
  return coach;
}

const phraseFindings = (report) => (report?.findings || [])
  .map((finding, index) => ({ finding, index }))
  .filter(({ finding }) => finding.scope !== 'post' && finding.span.end_utf16 > finding.span.start_utf16)
  .sort((a, b) => a.finding.span.start_utf16 - b.finding.span.start_utf16);

function createField(element, { engine, options, debounceMs, getCard, emit, onDetach }) {
  const doc = element.ownerDocument;
  const adapter = createAdapter(element);
  const marks = createMarks(adapter);
  let report = null;
  let analysedText = null;
  let markedText = null;      // the text the drawn marks currently fit (analysedText, then moved along by edits)
  let timer = 0;
  let inFlight = null;        // promise of the running analysis
  let again = false;          // the text changed while an analysis was running
  let cursor = -1;            // position (in phraseFindings order) of the finding last opened by keyboard
  let detached = false;
  let lastRewrite = null;     // {original, rewrite}
  let cardSelection = null;
  let timing = null;          // performance.now() stamps of the last analysis shown: requested, received, drawn   // the field's selection when its first card opened (restored on close)

  const badge = createBadge(element, { onActivate: () => field.openSummary() });

  // --- analysis ----------------------------------------------------------------------------------------------
  function schedule(delay = debounceMs) {
    clearTimeout(timer);
    timer = setTimeout(() => { timer = 0; run(); }, delay);
  }

  /** Analyse the current text; resolves with the report that matches the field when it settles. */
  function run() {
    if (detached) return Promise.resolve(report);
    if (inFlight) { again = true; return inFlight; }
    const requestedAt = performance.now();
    const text = adapter.readText();
    const request = { ...options };
    inFlight = engine.analyze(text, request).then((result) => {
      const receivedAt = performance.now();
      inFlight = null;
      if (detached) return report;
      if (adapter.readText() !== text || again || request.platform !== options.platform || request.sensitivity !== options.sensitivity) {
        again = false;
        return run();   // the draft moved on while we were away: this result would mark the wrong characters
      }
      report = result;
      analysedText = markedText = text;
      marks.show(result);
      badge.update(result);
      timing = { requestedAt, receivedAt, drawnAt: performance.now() };
      emit(field, result);
      return result;
    }, (error) => {
      inFlight = null;
      again = false;
      console.warn('postcoach: analysis failed', error);
      return report;
    });
    return inFlight;
  }

  function onChange() {
    const current = adapter.readText();
    if (current !== analysedText) badge.setPending(true);
    if (markedText !== null && current !== markedText) {
      marks.follow(editMapping(markedText, current));   // keep marks on their words until the next report
      markedText = current;
    }
    marks.reposition();
    badge.place();
    schedule();
  }

  // --- events ------------------------------------------------------------------------------------------------
  const observer = adapter.kind === 'contenteditable'
    ? new MutationObserver(onChange) : null;
  observer?.observe(element, { childList: true, characterData: true, subtree: true });
  const resizeObserver = typeof ResizeObserver === 'function' ? new ResizeObserver(() => { marks.reposition(); badge.place(); }) : null;
  resizeObserver?.observe(element);

  function onInput() { onChange(); }

  const shortcuts = { KeyN: () => field.nextFinding(), KeyR: () => field.openRewrite(), KeyB: () => field.openSummary() };

  function onKeyDown(event) {
    if (!(event.altKey && event.shiftKey) || event.ctrlKey || event.metaKey || !shortcuts[event.code]) return;
    event.preventDefault();
    event.stopPropagation();
    shortcuts[event.code]();
  }

  function onClick() {
    // after the browser has placed the caret
    setTimeout(() => {
      if (!report || adapter.readText() !== analysedText) return;
      const sel = adapter.selection();
      if (!sel || sel.start !== sel.end) return;
      const hit = phraseFindings(report).find(({ finding }) => finding.span.start_utf16 <= sel.start && sel.start < finding.span.end_utf16);
      if (hit) openFinding(hit.index, sel);
    }, 0);
  }

  element.addEventListener('input', onInput);
  element.addEventListener('keydown', onKeyDown, true);
  element.addEventListener('click', onClick);

  // --- card --------------------------------------------------------------------------------------------------
  /** The selection to give back when the card closes: the field's own, or the saved one if a card is already up. */
  function selectionToRestore() {
    const card = getCard(field);
    if (!card.isOpen || !cardSelection) cardSelection = adapter.selection();
    return cardSelection;
  }

  /** Hand focus back to the field with the caret (or selection) it had. */
  const restoreTo = (sel) => (reason) => {
    if (detached || reason === 'replaced' || reason === 'destroy' || reason === 'outside') return;
    adapter.focus();
    if (sel && adapter.readText() === analysedText) {
      try { adapter.select(sel.start, sel.end); } catch { /* text moved on */ }
    }
  };

  function anchorFor(finding) {
    const rects = finding ? adapter.rectsFor(finding.span.start_utf16, finding.span.end_utf16) : [];
    return rects[0] || element.getBoundingClientRect();
  }

  function openFinding(index, sel = selectionToRestore()) {
    const finding = report?.findings[index];
    if (!finding) return false;
    if (finding.scope !== 'post') {
      const rects = adapter.rectsFor(finding.span.start_utf16, finding.span.end_utf16);
      if (rects.length === 0 || rects[0].top < 0 || rects[0].bottom > (doc.defaultView?.innerHeight ?? 0)) {
        (adapter.rangeFor(finding.span.start_utf16, finding.span.end_utf16)?.startContainer.parentElement || element)
          .scrollIntoView({ block: 'nearest' });
      }
    }
    getCard(field).openFinding({
      anchor: finding.scope === 'post' ? badge.element.getBoundingClientRect() : anchorFor(finding),
      finding,
      onSuggestion: (i) => field.applySuggestion(index, i),
      onRewrite: () => field.openRewrite(),
      onClose: restoreTo(sel),
    });
    return true;
  }

  /**
   * After an apply: re-analyse at once (a refused apply too), and when the editor did not take the edit (rather
   * than the user having typed meanwhile), say so and offer the text to copy.
   * @param {import('./apply/index.js').ApplyResult} result @param {string} text @param {DOMRect} [anchor]
   */
  async function settleApply(result, text, anchor) {
    if (!result.ok && result.reason !== 'stale' && !detached) {
      getCard(field).openNotice({
        anchor: anchor || element.getBoundingClientRect(),
        title: 'This editor did not take the change',
        message: result.reason === 'broken'
          ? 'postcoach could not apply the suggestion here and could not put your draft back exactly: press Ctrl+Z to undo. You can copy the suggestion and paste it yourself.'
          : 'postcoach could not apply the suggestion here. Your draft is unchanged. You can copy the suggestion and paste it yourself.',
        copyText: text,
        onClose: restoreTo(selectionToRestore()),
      });
    }
    await field.refresh();
    return result.ok;
  }

  // --- the field -----------------------------------------------------------------------------------------------
  const field = {
    element,
    adapter,
    get report() { return report; },
    get text() { return analysedText; },
    get editor() { return adapter.editor; },
    /** {requestedAt, receivedAt, drawnAt} (performance.now()) of the analysis behind `report`. */
    get timing() { return timing; },
    refresh() {
      clearTimeout(timer);
      timer = 0;
      if (inFlight) again = true;
      return run();
    },
    marks: () => marks.snapshot(),
    focusFinding(i) {
      if (!report || adapter.readText() !== analysedText) { field.refresh(); return false; }
      const order = phraseFindings(report).findIndex((p) => p.index === i);
      if (order >= 0) cursor = order;
      return openFinding(i);
    },
    nextFinding() {
      const list = phraseFindings(report);
      if (!list.length) return field.openSummary();
      cursor = (cursor + 1) % list.length;
      return field.focusFinding(list[cursor].index);
    },
    openSummary() {
      if (!report) return false;
      const sel = selectionToRestore();
      getCard(field).openSummary({
        anchor: badge.element.getBoundingClientRect(), report,
        onFinding: (i) => field.focusFinding(i),
        onRewrite: () => field.openRewrite(),
        onClose: restoreTo(sel),
      });
      return true;
    },
    async openRewrite() {
      const sel = selectionToRestore();
      const original = adapter.readText();
      const rewrite = await engine.rewrite(original, { ...options });
      if (detached || adapter.readText() !== original) return false;
      lastRewrite = { original, rewrite };
      getCard(field).openRewrite({
        anchor: badge.element.getBoundingClientRect(), original, rewrite,
        onApply: () => field.applyRewrite(),
        onClose: restoreTo(sel),
      });
      return true;
    },
    async applySuggestion(findingIndex, suggestionIndex) {
      const suggestion = report?.findings[findingIndex]?.suggestions?.[suggestionIndex];
      if (!suggestion) return false;
      if (adapter.readText() !== analysedText) {   // stale: the draft changed since this advice was given
        await field.refresh();
        return false;
      }
      const { start_utf16: start, end_utf16: end } = suggestion.span;
      const result = await applyEdit(adapter, start, end, suggestion.text, analysedText);
      cursor = -1;
      return settleApply(result, suggestion.text, adapter.rectsFor(start, start)[0]);
    },
    async applyRewrite() {
      const current = adapter.readText();
      let rewrite = lastRewrite?.original === current ? lastRewrite.rewrite : null;
      if (!rewrite) {
        rewrite = await engine.rewrite(current, { ...options });
        if (adapter.readText() !== current) return false;
      }
      lastRewrite = null;
      if (rewrite.text === current) return true;
      const result = await applyEdit(adapter, 0, current.length, rewrite.text, current);
      return settleApply(result, rewrite.text, badge.element.getBoundingClientRect());
    },
    detach() {
      if (detached) return;
      detached = true;
      clearTimeout(timer);
      observer?.disconnect();
      resizeObserver?.disconnect();
      element.removeEventListener('input', onInput);
      element.removeEventListener('keydown', onKeyDown, true);
      element.removeEventListener('click', onClick);
      marks.destroy();
      badge.destroy();
      adapter.destroy();
      onDetach(field);
    },
    /** Re-align the badge and marks with the field (after it moved on the screen). */
    reposition() { marks.reposition(); badge.place(); },
    _shortcut(code) { shortcuts[code]?.(); },
  };

  badge.update(null);
  schedule(0);
  return field;
}
