#!/usr/bin/env node
/**
 * Benchmark (not a test) of the extension in real headless Chromium with a 3,000-character draft:
 *   - keystroke -> updated marks: from the keydown to the moment the overlay has redrawn the marks for the new
 *     text (the test build announces each report right after drawing), minus the debounce;
 *   - engine round trip: runtime.sendMessage({type: 'analyze'}) from an extension page to the background's wasm
 *     engine and back.
 * Usage: node scripts/bench-extension.mjs [--editor lexical|quill|draft|textarea|prosemirror|slate|shadow|iframe|
 *          trix|codemirror|all]
 *          [--runs 40]     (all: one line of figures per fixture, the same browser)
 * Needs dist/engine (`make wasm`) or $POSTCOACH_ENGINE_DIR.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/e2e/support/browser.mjs';
import { startServer } from '../tests/e2e/support/server.mjs';
import { buildFixtures, FIXTURES, FRAMED } from '../tests/e2e/fixtures/build.mjs';
import { buildExtension } from '../extension/build.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const EDITOR = arg('editor', 'lexical');
const RUNS = Number(arg('runs', 40));
const DEBOUNCE_MS = 250;   // the content script's default

const SENTENCES = [
  'We are thrilled to announce our new course. ', 'Buy now, limited time only! ', 'What did you learn this week? ',
  'Here are three tips that helped our customers. ', 'Thanks to Anna for the idea. ', 'DM me to book your call today. ',
];
function draftOf(length) {
  let text = '';
  for (let i = 0; text.length < length; i++) text += SENTENCES[i % SENTENCES.length];
  return text.slice(0, length);
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const fmt = (values) => `p50 ${quantile(values, 0.5).toFixed(1)} ms, p95 ${quantile(values, 0.95).toFixed(1)} ms (n=${values.length})`;

const [fixtures, extension] = await Promise.all([
  buildFixtures(), buildExtension('chrome', { test: true, outDir: path.join(ROOT, 'target', 'chrome-bench') }),
]);
const server = await startServer({ root: fixtures });
const browser = await launch({ extension });

/** Keystroke -> marks on one fixture: [{keystroke, timing}] samples. */
async function benchEditor(editor, draft) {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/${editor}.html`);
  // a framed fixture's editor, badge and reports live in its frame
  const view = FRAMED[editor]
    ? await (async () => { await page.waitForFunction(() => window.fixture && window.fixture.field); return page.frames().find((f) => f.url().includes('postcoach-site')); })()
    : page;
  await view.waitForFunction(() => window.fixture && window.fixture.field);
  await view.locator('postcoach-ui[data-postcoach="badge"]').waitFor({ state: 'attached' });
  await view.evaluate((text) => window.fixture.append(text), draft);
  await view.evaluate(() => window.fixture.field.focus());
  await page.keyboard.press('Control+End');
  await view.waitForFunction(() => { const r = window.fixture.lastReport(); return r && r.text === window.fixture.text(); });
  await view.evaluate(() => {
    window.__bench = { keydown: 0, samples: [], timings: [] };
    window.fixture.field.addEventListener('keydown', () => { window.__bench.keydown = performance.now(); }, true);
    document.addEventListener('postcoach-test-report', (event) => {
      const { timing } = JSON.parse(event.detail);
      if (window.__bench.keydown) {
        window.__bench.samples.push(timing.drawnAt - window.__bench.keydown);
        window.__bench.timings.push(timing);
      }
      window.__bench.keydown = 0;
    });
  });
  const textLength = (await view.evaluate(() => window.fixture.text())).length;
  for (let i = 0; i < RUNS; i++) {
    const before = await view.evaluate(() => window.__bench.samples.length);
    await page.keyboard.type(i % 2 ? 'a' : ' ');
    await view.waitForFunction((n) => window.__bench.samples.length > n && window.fixture.lastReport().text === window.fixture.text(), before);
  }
  const result = {
    keystroke: await view.evaluate(() => window.__bench.samples),
    timings: await view.evaluate(() => window.__bench.timings),
    findings: await view.evaluate(() => window.fixture.lastReport().report.findings.length),
    textLength,
  };
  await page.close();
  return result;
}

try {
  const draft = draftOf(3000);
  const editors = EDITOR === 'all' ? FIXTURES : [EDITOR];
  const results = {};
  for (const editor of editors) results[editor] = await benchEditor(editor, draft);

  const ext = await browser.context.newPage();
  await ext.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const { samples: roundTrip, bare } = await ext.evaluate(async ({ text, runs }) => {
    const samples = [];
    await chrome.runtime.sendMessage({ type: 'analyze', text, options: { platform: 'linkedin' } });
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const response = await chrome.runtime.sendMessage({ type: 'analyze', text: text + i, options: { platform: 'linkedin' } });
      JSON.parse(response.json);   // as web/engine/remote.js does
      samples.push(performance.now() - t0);
    }
    // The same trip with a message the background answers without the engine: the messaging layer's share.
    const bare = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await chrome.runtime.sendMessage({ type: 'status', text });
      bare.push(performance.now() - t0);
    }
    return { samples, bare };
  }, { text: draft, runs: RUNS });

  for (const [editor, { keystroke, timings, findings, textLength }] of Object.entries(results)) {
    console.log(`postcoach extension benchmark: ${editor} fixture, ${textLength}-character draft, ${findings} findings, Chromium headless`);
    const afterDebounce = timings.map((t) => t.drawnAt - t.requestedAt);
    console.log(`  keystroke -> updated marks, minus the ${DEBOUNCE_MS} ms debounce:  ${fmt(keystroke.map((v) => v - DEBOUNCE_MS))}`);
    console.log(`  debounce fired -> updated marks (read, round trip, draw):     ${fmt(afterDebounce)}`);
    console.log(`    of which engine round trip from the content script:       ${fmt(timings.map((t) => t.receivedAt - t.requestedAt))}`);
    console.log(`    of which drawing marks and badge:                          ${fmt(timings.map((t) => t.drawnAt - t.receivedAt))}`);
    console.log(`  goal: p95 <= 16 ms after the debounce -> ${quantile(afterDebounce, 0.95) <= 16 ? 'met' : 'NOT met'}`);
  }
  console.log(`engine round trip from an extension page (sendMessage):        ${fmt(roundTrip)}`);
  console.log(`messaging alone (a status message with the same draft):        ${fmt(bare)}`);
} finally {
  await browser.close();
  await server.close();
}
