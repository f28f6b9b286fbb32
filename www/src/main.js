/**
 * The workshop page: wires the extension's overlay (unchanged) and the in-page wasm engine to the page's parts.
 *
 * One engine, one overlay: the engine is the EngineClient from `createLocalEngine` (the same interface the
 * extension uses), the draft is coached by `createCoach(...).attach(textarea)` exactly as on the real sites, and
 * everything else here listens to the overlay's reports:
 *   composer mocks (this file) · meter.js · rewrite-view.js (diff.js) · gallery.js · challenge.js (chart.js) ·
 *   presentation.js · share.js · print-report.js · trainer-rules.js · mix-panel.js
 * Page and draft text only ever go into the DOM with textContent.
 */
import { createCoach } from '../../web/overlay/index.js';
import { createLocalEngine } from '../../web/engine/local.js';
import { createChallenge } from './challenge.js';
import { loadExamples, platformLabel, renderGallery, stepIndex } from './gallery.js';
import { createMeter } from './meter.js';
import { createMixPanel } from './mix-panel.js';
import { createPresentation, relayout } from './presentation.js';
import { createPrintReport } from './print-report.js';
import { createRewriteView } from './rewrite-view.js';
import { shareFragment, shareUrl, watchShared } from './share.js';
import { createTrainerRules } from './trainer-rules.js';

/** How each platform's composer mock reads; the look is in style.css under [data-platform]. */
const COMPOSERS = {
  facebook: { title: 'Create post', audience: 'Friends', placeholder: 'What’s on your mind, Alex?', hint: 'Add to your post', limit: null },
  linkedin: { title: 'Start a post', audience: 'Post to Anyone', placeholder: 'What do you want to talk about?', hint: 'Add media, an event or a poll', limit: 3000 },
  x: { title: 'Compose', audience: 'Everyone', placeholder: 'What is happening?!', hint: 'Everyone can reply', limit: 280 },
};
const PLATFORMS = Object.keys(COMPOSERS);

const $ = (id) => document.getElementById(id);
const draft = /** @type {HTMLTextAreaElement} */ ($('draft'));
const composer = $('composer');
const engineStatus = $('engine-status');

const state = {
  platform: 'linkedin',
  sensitivity: 'normal',
  /** @type {import('./gallery.js').Example[]} */ examples: [],
  /** @type {number | null} */ exampleIndex: null,
  report: null,
  rewrite: null,
  rewriteRun: 0,
};

let coach;
let field;
let engine;

const meter = createMeter(document, { onFocusFinding: (index) => field?.focusFinding(index) });
const rewriteView = createRewriteView(document);
const printReport = createPrintReport(document);

// ---- the draft and the composer mocks ----

function setDraft(text) {
  draft.value = text;
  updateCharCount();
  // The overlay watches the field like any editor: an input event is what typing produces.
  draft.dispatchEvent(new Event('input', { bubbles: true }));
}

function updateCharCount() {
  const { limit } = COMPOSERS[state.platform];
  const length = [...draft.value].length;
  const counter = $('char-count');
  counter.textContent = limit === 280 ? String(limit - length) : `${length}${limit ? ` / ${limit}` : ''}`;
  counter.classList.toggle('over', limit !== null && length > limit);
}

function setPlatform(platform) {
  if (!COMPOSERS[platform]) return;
  state.platform = platform;
  const look = COMPOSERS[platform];
  composer.dataset.platform = platform;
  $('composer-title').textContent = look.title;
  $('composer-audience').textContent = look.audience;
  $('composer-hint').textContent = look.hint;
  $('draft-label').textContent = `Draft post for ${platformLabel(platform)}`;
  draft.placeholder = look.placeholder;
  for (const radio of document.querySelectorAll('input[name="platform"]')) radio.checked = radio.value === platform;
  updateCharCount();
  coach?.setPlatform(platform); // re-scores the draft with this platform's profile
}

for (const radio of document.querySelectorAll('input[name="platform"]')) {
  radio.addEventListener('change', () => { if (radio.checked) setPlatform(radio.value); });
}
draft.addEventListener('input', updateCharCount);
$('sensitivity').addEventListener('change', (event) => {
  state.sensitivity = event.target.value;
  coach?.setSensitivity(state.sensitivity); // re-scores; the rewrite follows the new report
});
$('post-button').addEventListener('click', () => {
  $('mock-note').textContent = 'This is a practice composer: nothing is posted anywhere.';
});

// ---- reports from the overlay ----

function onReport(reportField, report) {
  if (reportField !== field) return;
  const text = draft.value;
  state.report = report;
  meter.render(report, text);
  challenge.record(report, text);
  updatePrintReport();
  refreshRewrite(text);
}

/** Keep the printable report in step with the draft, its latest report and rewrite. */
function updatePrintReport() {
  printReport.update({ text: draft.value, platform: platformLabel(state.platform), report: state.report, rewrite: state.rewrite });
}

/** Ask the engine for the whole-post rewrite of `text`; a newer request wins. */
async function refreshRewrite(text = draft.value) {
  const run = ++state.rewriteRun;
  if (!text.trim()) {
    state.rewrite = null;
    rewriteView.clear();
    return;
  }
  let rewrite;
  try {
    rewrite = await engine.rewrite(text, { platform: state.platform, sensitivity: state.sensitivity });
  } catch (error) {
    console.warn('workshop: rewrite failed', error);
    return;
  }
  if (run !== state.rewriteRun) return;
  state.rewrite = rewrite;
  rewriteView.render(text, rewrite);
  updatePrintReport();
}

// ---- rewrite view ----

function setRewriteOpen(open) {
  rewriteView.setOpen(open);
  relayout(); // the draft moves (or reappears in presentation mode): the overlay re-places its marks
}
$('rewrite-toggle').addEventListener('click', () => setRewriteOpen(!rewriteView.isOpen()));
$('apply-rewrite').addEventListener('click', () => field?.applyRewrite());
$('open-rewrite-card').addEventListener('click', () => field?.openRewrite());

// ---- gallery, challenge, presentation ----

let gallery = { markCurrent() {} };

function loadExample(index) {
  const example = state.examples[index];
  if (!example) return;
  state.exampleIndex = index;
  gallery.markCurrent(index);
  presentation.setTitle(`${index + 1} of ${state.examples.length} · ${example.title} (${example.industry}, ${platformLabel(example.platform)})`);
  setPlatform(example.platform);
  setDraft(example.text);
}

const challenge = createChallenge(document, {
  loadSalesExample() {
    const current = state.exampleIndex === null ? null : state.examples[state.exampleIndex];
    const index = current?.kind === 'sales' ? state.exampleIndex : state.examples.findIndex((e) => e.kind === 'sales');
    if (index >= 0) loadExample(index);
  },
  focusDraft: () => draft.focus(),
});

const presentation = createPresentation(document, {
  next: () => loadExample(stepIndex(state.exampleIndex, 1, state.examples.length)),
  previous: () => loadExample(stepIndex(state.exampleIndex, -1, state.examples.length)),
  toggleRewrite: () => setRewriteOpen(!rewriteView.isOpen()),
  reset() {
    setRewriteOpen(false);
    if (state.exampleIndex === null) setDraft('');
    else loadExample(state.exampleIndex);
  },
  editDraft: () => draft.focus(),
  platform: (index) => setPlatform(PLATFORMS[index]),
});

// ---- share and print ----

$('share-button').addEventListener('click', () => {
  const shared = { draft: draft.value, platform: state.platform };
  const url = shareUrl(shared);
  history.replaceState(null, '', shareFragment(shared));
  $('share-box').hidden = false;
  const input = /** @type {HTMLInputElement} */ ($('share-url'));
  input.value = url;
  input.focus();
  input.select();
});
$('copy-share').addEventListener('click', async () => {
  const input = /** @type {HTMLInputElement} */ ($('share-url'));
  try {
    await navigator.clipboard.writeText(input.value);
    $('share-status').textContent = 'Link copied.';
  } catch {
    input.select();
    $('share-status').textContent = 'Select the link and copy it (Ctrl+C).';
  }
});
$('print-button').addEventListener('click', async () => {
  await refreshRewrite();
  updatePrintReport();
  window.print();
});

// ---- start ----

async function start() {
  try {
    engine = await createLocalEngine(new URL('engine/postcoach_bg.wasm', document.baseURI).href);
    coach = createCoach({ engine, platform: state.platform, sensitivity: state.sensitivity, debounceMs: 250 });
    coach.onReport(onReport);
    field = coach.attach(draft);
  } catch (error) {
    engineStatus.textContent = `The coach could not start: ${error?.message || error}`;
    engineStatus.classList.add('error');
    return;
  }
  createTrainerRules(document, { engine, onRulesChanged: () => field.refresh() }); // re-score with the new rules
  // "Your mix" runs the audit engine (the engine plus the export reader), fetched only when a file is first read.
  const auditEngine = createLocalEngine(new URL('engine/audit/postcoach_bg.wasm', document.baseURI).href);
  createMixPanel(document, { engine: auditEngine, options: () => ({ sensitivity: state.sensitivity }) });

  try {
    state.examples = await loadExamples();
    gallery = renderGallery(document, state.examples, loadExample);
  } catch (error) {
    $('gallery-list').textContent = `Examples could not be loaded (${error.message}).`;
  }

  watchShared(({ draft: text, platform }) => {
    state.exampleIndex = null;
    gallery.markCurrent(null);
    presentation.setTitle('Shared draft');
    if (PLATFORMS.includes(platform)) setPlatform(platform);
    if (text !== draft.value) setDraft(text);
  });

  engineStatus.textContent = 'Coach ready. It runs in this page: nothing you type leaves it.';
  document.body.dataset.ready = 'true';

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('sw.js').catch(() => { /* offline use is a bonus, not a requirement */ });
  }
}

setPlatform(state.platform);
start();
