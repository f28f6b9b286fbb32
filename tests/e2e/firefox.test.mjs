// End-to-end test of the Firefox build of the extension in Debian's headless Firefox ESR, driven over W3C
// WebDriver (geckodriver, support/webdriver.mjs): the unpacked test build for Firefox (target/firefox-test,
// installed as a temporary add-on) on the fixture pages of extension.test.mjs, served on 127.0.0.1 with the
// strict CSP. It proves the Firefox background script hosts the wasm engine and the content script coaches a
// textarea, one in nested shadow roots, and real editors (Lexical, Quill, Slate, ProseMirror): the badge's
// figures, the marks' characters, a suggestion applied from the card and read back from the editor's model,
// typing after it at the caret, undo, and no request beyond 127.0.0.1. Needs dist/engine (`make wasm`), /usr/bin/firefox-esr and geckodriver
// (`make setup-firefox`); without the browser it skips, except under CI, where that is a failure.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './support/server.mjs';
import { missingFirefox, startGeckodriver } from './support/webdriver.mjs';
import {
  assertMarksMatch, badgeLabel, drawnMarksInPage, firstFixableSalesFinding, settledReportInPage, stepToFinding,
} from './support/probes.mjs';
import { buildFixtures } from './fixtures/build.mjs';
import { buildExtension } from '../../extension/build.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ENGINE_DIR = process.env.POSTCOACH_ENGINE_DIR || path.join(ROOT, 'dist', 'engine');
const HAVE_ENGINE = fs.existsSync(path.join(ENGINE_DIR, 'postcoach_bg.wasm'));
const MISSING_BROWSER = missingFirefox();
const SKIP = !HAVE_ENGINE ? 'dist/engine is missing: run `make wasm` first'
  : MISSING_BROWSER && !process.env.CI ? MISSING_BROWSER : false;

/** The editors checked here: the plain textarea, real editors, and a textarea in nested shadow roots (fixtures/build.mjs). */
const KINDS = ['textarea', 'lexical', 'quill', 'slate', 'prosemirror', 'shadow'];
const TEXTAREAS = new Set(['textarea', 'shadow']);
const SALESY = 'Buy now!!! Limited time offer, only 3 spots left. DM me today!';
const MORE = ' Here is what we learned from running the course for forty teams.';

let driver;
let session;
let server;

before(async () => {
  if (SKIP) return;
  if (MISSING_BROWSER) throw new Error(`CI is set, so the Firefox test must run: ${MISSING_BROWSER}`);
  const [fixtures, extension] = await Promise.all([
    buildFixtures(path.join(ROOT, 'target', 'fixtures-firefox')),   // not extension.test.mjs's folder: they may run at once
    buildExtension('firefox', { test: true, outDir: path.join(ROOT, 'target', 'firefox-test') }),
  ]);
  server = await startServer({ root: fixtures });
  driver = await startGeckodriver();
  session = await driver.newSession({ prefs: {
    // stay off the network: no captive-portal, connectivity or add-on update checks
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
  } });
  await session.setWindowRect({ width: 1280, height: 900 });
  await session.installAddon(extension);
});

after(async () => {
  await session?.close().catch(() => {});
  await driver?.stop();
  await server?.close();
});

// --- helpers -----------------------------------------------------------------------------------------------------

/** Open a fixture page, wait for its badge, and put the focus in the compose box. */
async function openFixture(kind) {
  await session.navigate(`${server.url}/${kind}.html`);
  await session.waitFor(() => window.fixture && window.fixture.field
    && document.querySelector('postcoach-ui[data-postcoach="badge"]'), { message: `the badge on ${kind}.html` });
  await session.evaluate(() => window.fixture.field.focus());
}

/**
 * Type at the caret and wait for the report of exactly the text the box then holds (`expected`). Key presses
 * go through the actions API: geckodriver's element send keys stops after the first character in Lexical (it
 * re-renders the paragraph under the caret), with or without the extension.
 */
async function typeAndSettle(keys, expected) {
  await session.type(keys);
  await session.waitFor(settledReportInPage, { args: [expected], message: `a report of ${JSON.stringify(expected)}` });
  return session.evaluate(() => window.fixture.lastReport());
}

const badgeButton = () => session.evaluate(() => document.querySelector('postcoach-ui[data-postcoach="badge"]').shadowRoot.querySelector('button'));

/** The badge's accessible name as Firefox computes it, and its aria-label. */
async function badgeName() {
  const button = await badgeButton();
  return { computed: await session.computedLabel(button), ariaLabel: await session.evaluate((b) => b.getAttribute('aria-label'), button) };
}

const cardOpen = () => session.waitFor(() => document.querySelector('postcoach-ui[data-postcoach="card"]')
  ?.shadowRoot.querySelector('[role="dialog"]'), { message: 'the card' });

/** Every request of the page (its navigation and resources: the fixture's script and CSS, anything injected). */
const pageRequests = () => session.evaluate(() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
  .map((e) => e.name));

// --- per editor ----------------------------------------------------------------------------------------------------

for (const kind of KINDS) {
  describe(`Firefox: ${kind} compose box`, { skip: SKIP }, () => {
    test('the badge names salesiness and value, and follows the text', async () => {
      await openFixture(kind);
      const first = await typeAndSettle(SALESY, SALESY);
      const badges = await session.evaluate(() => [...document.querySelectorAll('postcoach-ui[data-postcoach="badge"]')]
        .map((host) => host.shadowRoot.querySelector('button').getBoundingClientRect().width));
      assert.equal(badges.length, 1, 'one badge: the compose box, not the search or read-only fields');
      assert.ok(badges[0] > 0, 'the badge is shown');
      assert.ok(first.report.salesiness >= 50, `a salesy draft scores as one: ${badgeLabel(first.report)}`);
      const name = await badgeName();
      assert.equal(name.ariaLabel, badgeLabel(first.report));
      assert.equal(name.computed, badgeLabel(first.report), 'Firefox computes the same accessible name');
      const second = await typeAndSettle(MORE, SALESY + MORE);
      assert.notEqual(badgeLabel(second.report), badgeLabel(first.report), 'the figures change with the text');
      assert.equal((await badgeName()).computed, badgeLabel(second.report));
    });

    test('marks cover the salesy phrases', async () => {
      await openFixture(kind);
      const result = await typeAndSettle(SALESY, SALESY);
      const drawn = await session.evaluate(drawnMarksInPage);
      assertMarksMatch(drawn, result, TEXTAREAS.has(kind));
      const phrases = drawn.filter((m) => m.side === 'sales').map((m) => SALESY.slice(m.start, m.end));
      assert.ok(phrases.some((p) => /^(Buy now|only 3 spots left)/i.test(p)), `a sales mark on "Buy now" or "only 3 spots left": ${JSON.stringify(phrases)}`);
    });

    test('a suggestion applied from the card changes the text; typing and undo go on; nothing leaves 127.0.0.1', async () => {
      await openFixture(kind);
      const report = await typeAndSettle(SALESY, SALESY);
      const finding = firstFixableSalesFinding(report);
      const suggestion = finding.suggestions[0];
      const expected = SALESY.slice(0, suggestion.span.start_utf16) + suggestion.text + SALESY.slice(suggestion.span.end_utf16);
      await stepToFinding(report, finding.index, async () => {
        await session.pressKeys(['Alt', 'Shift', 'n']);
        await cardOpen();
      });
      const message = await session.evaluate(() => document.querySelector('postcoach-ui[data-postcoach="card"]').shadowRoot.querySelector('[role="dialog"] .message').textContent);
      assert.equal(message, finding.message, 'the card explains the finding it was opened for');
      const button = await session.evaluate(() => document.querySelector('postcoach-ui[data-postcoach="card"]').shadowRoot.querySelector('button[data-suggestion="0"]'));
      await session.click(button);
      await session.waitFor((t) => window.fixture.text() === t, { args: [expected], message: `the text ${JSON.stringify(expected)}` });
      await session.waitFor(settledReportInPage, { args: [expected], message: 'a report of the new text' });
      // typing goes on at the caret, after the inserted text, and undo brings the draft back
      const at = suggestion.span.start_utf16 + suggestion.text.length;
      await session.evaluate(() => window.fixture.field.focus());
      await session.type('Z');
      const typed = expected.slice(0, at) + 'Z' + expected.slice(at);
      await session.waitFor((t) => window.fixture.text() === t, { args: [typed], message: `the text ${JSON.stringify(typed)}` });
      for (let i = 0; i < 6 && (await session.evaluate(() => window.fixture.text())) !== SALESY; i++) {
        await session.pressKeys(['Control', 'z']);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.equal(await session.evaluate(() => window.fixture.text()), SALESY, 'undo restores the draft');
      const requests = await pageRequests();
      assert.ok(requests.includes(`${server.url}/${kind}.bundle.js`), `the page's own requests are seen: ${requests}`);
      assert.deepEqual(requests.filter((url) => !url.startsWith(`${server.url}/`)), [], 'no request beyond 127.0.0.1');
    });
  });
}
