/**
 * What the extension tests (Chromium through playwright-core, Firefox through webdriver.mjs) read from a fixture
 * page and from the reports the test build announces: the same checks in both browsers.
 *
 * The `*InPage` functions run inside the page (passed by source to page.evaluate / page.waitForFunction or to
 * webdriver.mjs's evaluate / waitFor), so they use nothing from this module.
 */
import assert from 'node:assert/strict';

/** The badge's accessible name for a report (what extension/src/overlay/badge.js must say). */
export const badgeLabel = (report) => `postcoach: salesiness ${report.salesiness}, value ${report.value}, ${report.verdict.replace(/-/g, ' ')}`;

/** A test report's findings that mark a phrase (not the whole post), each with its index in the report. */
export const phraseFindings = (report) => report.report.findings
  .map((f, index) => ({ ...f, index }))
  .filter((f) => f.scope !== 'post' && f.span.end_utf16 > f.span.start_utf16);

/** The first salesy phrase finding with a suggestion to apply (asserts there is one). */
export function firstFixableSalesFinding(report) {
  const found = phraseFindings(report).find((f) => f.side !== 'value' && f.suggestions.some((s) => s.span.end_utf16 >= s.span.start_utf16));
  assert.ok(found, `the engine should flag a salesy phrase with a suggestion in: ${report.text}`);
  return found;
}

/**
 * Open the card of finding `index` by keyboard: Alt+Shift+N steps through the phrase findings in text order;
 * `pressNext()` presses it once and waits for the card.
 */
export async function stepToFinding(report, index, pressNext) {
  const order = phraseFindings(report).sort((a, b) => a.span.start_utf16 - b.span.start_utf16);
  for (const finding of order) {
    await pressNext();
    if (finding.index === index) return;
  }
  throw new Error(`finding ${index} not reached by keyboard`);
}

/**
 * In the page: the latest test report when it describes exactly the editor's current text (and that text is
 * `expected`, unless null) and the badge is not waiting for an analysis; else null.
 */
export function settledReportInPage(expected) {
  const current = window.fixture.text();
  const last = window.fixture.lastReport();
  const busy = document.querySelector('postcoach-ui[data-postcoach="badge"]')?.shadowRoot.querySelector('button[aria-busy]');
  return last && last.text === current && !busy && (expected === null || current === expected) ? last : null;
}

/**
 * In the page: the drawn marks as [{side, index?, start, end}] in UTF-16 offsets of the field's text: the boxes of
 * the marks layer (textareas; `index` is the finding's) mapped back through caretPositionFromPoint, or the ranges
 * of the CSS Custom Highlight API (contenteditable fields).
 */
export function drawnMarksInPage() {
  const field = window.fixture.field;
  if (field.localName === 'textarea') {
    const layer = document.querySelector('postcoach-ui[data-postcoach="marks"]');
    // the shadow roots around the field, so that caret positions are not retargeted to a shadow host
    const shadowRoots = [];
    for (let tree = field.getRootNode(); tree !== document && tree.host; tree = tree.host.getRootNode()) shadowRoots.push(tree);
    return [...(layer?.shadowRoot.querySelectorAll('.mark') || [])].map((box) => {
      const r = box.getBoundingClientRect();
      const at = (x) => document.caretPositionFromPoint(x, r.top + r.height / 2, { shadowRoots })?.offset;
      return { side: box.classList.contains('value') ? 'value' : 'sales', index: Number(box.dataset.finding), start: at(r.left + 1), end: at(r.right - 1) };
    });
  }
  const out = [];
  for (const side of ['sales', 'value']) {
    for (const range of CSS.highlights.get(`postcoach-${side}`) || []) {
      if (!field.contains(range.startContainer)) continue;
      const before = document.createRange();
      before.setStart(field, 0);
      before.setEnd(range.startContainer, range.startOffset);
      const start = before.toString().length;
      out.push({ side, start, end: start + range.toString().length });
    }
  }
  return out;
}

/** The marks a report's phrase findings should get: [{side, start, end}]. */
export const expectedMarks = (report) => phraseFindings(report)
  .map((f) => ({ side: f.side === 'value' ? 'value' : 'sales', start: f.span.start_utf16, end: f.span.end_utf16 }));

/**
 * Assert the drawn marks cover the report's phrase findings: for contenteditable fields exactly; for textarea
 * boxes (one per line box, found again through caret positions) each box's ends lie within a character of its
 * finding's, and every finding has a box.
 */
export function assertMarksMatch(drawn, report, textarea) {
  const expected = expectedMarks(report);
  const key = (m) => `${m.side}:${m.start}-${m.end}`;
  if (!textarea) {
    assert.deepEqual(drawn.map(key).sort(), expected.map(key).sort());
    return;
  }
  const indices = phraseFindings(report).map((p) => p.index);
  for (const m of drawn) {
    const f = expected[indices.indexOf(m.index)];
    assert.ok(f && m.start >= f.start && m.start <= f.start + 1 && m.end >= f.end - 1 && m.end <= f.end, `box ${JSON.stringify(m)} over ${JSON.stringify(f)}`);
  }
  assert.equal(new Set(drawn.map((m) => m.index)).size, expected.length, 'a box for every finding');
}
