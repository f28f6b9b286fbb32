/**
 * Content script (in every frame of the matched sites): decides whether and how to coach this site (site ->
 * platform profile, per-site switch, sensitivity from storage), watches for compose boxes (compose-finder.js:
 * shadow roots and script-less same-origin frames included) and attaches THE overlay (web/overlay) to them, one
 * coach per document, with the engine reached over messages (common/engine.js), and notices posted drafts for the
 * local history (post-detector.js). Page-DOM work only: the page's CSP forbids WebAssembly here.
 */
import { createCoach } from '../../../web/overlay/index.js';
import { backgroundEngine } from '../common/engine.js';
import { watchComposeBoxes } from './compose-finder.js';
import { watchPosting } from './post-detector.js';
import { ext, loadSettings, onSettingsChanged, platformFor, siteForHost } from '../common/settings.js';
import { firstLineOf } from '../common/history.js';

/* global __POSTCOACH_TEST__ */
/** The site of this page. Test builds also accept the local fixture pages, which name the site they imitate. */
function detectSite() {
  const site = siteForHost(location.hostname);
  if (site) return site;
  if (typeof __POSTCOACH_TEST__ !== 'undefined' && __POSTCOACH_TEST__ && location.hostname === '127.0.0.1') {
    return new URLSearchParams(location.search).get('postcoach-site') || document.documentElement.dataset.postcoachSite
      || topDocumentSite();
  }
  return null;
}

/** Test builds: a framed fixture page takes the site its top page names (same origin). */
function topDocumentSite() {
  try {
    return window.top !== window ? window.top.document.documentElement.dataset.postcoachSite || null : null;
  } catch {
    return null;
  }
}

/** Test builds only: hand each report to the fixture page (a string, so nothing crosses worlds as an object). */
function exposeReportsToTests(coach) {
  coach.onReport((field, report) => {
    field.element.ownerDocument.dispatchEvent(new CustomEvent('postcoach-test-report', { detail: JSON.stringify({ text: field.text, report, timing: field.timing }) }));
  });
}

async function main() {
  const site = detectSite();
  if (!site) return;
  let settings = await loadSettings();
  const engine = backgroundEngine();
  /** @type {Map<Document, ReturnType<typeof createCoach>> | null} one coach per document (frames have their own) */
  let coaches = null;
  let watcher = null;
  let posting = null;

  /** The local history of posted drafts (common/history.js); the background decides what it keeps. */
  function startPosting() {
    const options = () => ({ platform: platformFor(site, settings), sensitivity: settings.sensitivity });
    // Every coach's fields: a post button in this document may send a draft of any of them.
    const allFields = { get fields() { return [...(coaches?.values() || [])].flatMap((c) => c.fields); } };
    posting = watchPosting(document, {
      coach: allFields,
      analyze: (text) => engine.analyze(text, options()),
      onPosted: async ({ text, report }) => {
        const post = { platform: report.platform, salesiness: report.salesiness, value: report.value, verdict: report.verdict, firstLine: firstLineOf(text) };
        const answer = await ext.runtime.sendMessage({ type: 'recordPost', post });
        // Test builds tell the fixture page what was kept (the entry, or null when the history is off).
        if (typeof __POSTCOACH_TEST__ !== 'undefined' && __POSTCOACH_TEST__) {
          document.dispatchEvent(new CustomEvent('postcoach-test-posted', { detail: answer?.json ?? 'null' }));
        }
      },
    });
  }

  function coachFor(doc) {
    let coach = coaches.get(doc);
    if (!coach) {
      coach = createCoach({ engine, platform: platformFor(site, settings), sensitivity: settings.sensitivity, document: doc });
      if (typeof __POSTCOACH_TEST__ !== 'undefined' && __POSTCOACH_TEST__) exposeReportsToTests(coach);
      coaches.set(doc, coach);
    }
    return coach;
  }
  function start() {
    coaches = new Map();
    startPosting();
    const fields = new Map();
    watcher = watchComposeBoxes(document, {
      onFound: (el) => fields.set(el, coachFor(el.ownerDocument).attach(el)),
      onLost: (el) => { fields.get(el)?.detach(); fields.delete(el); },
      onMoved: (el) => fields.get(el)?.reposition(),
    });
  }
  function stop() {
    watcher?.stop();
    posting?.stop();
    for (const coach of coaches?.values() || []) coach.destroy();
    watcher = coaches = posting = null;
  }

  if (settings.sites[site] !== false) start();
  onSettingsChanged((next) => {
    settings = next;
    const enabled = settings.sites[site] !== false;
    if (!enabled) return stop();
    if (!coaches) return start();
    for (const coach of coaches.values()) {
      coach.setPlatform(platformFor(site, settings));
      coach.setSensitivity(settings.sensitivity);
    }
  });
}

main().catch((error) => console.warn('postcoach: could not start', error));
