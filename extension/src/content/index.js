/**
 * Content script: decides whether and how to coach this site (site -> platform profile, per-site switch,
 * sensitivity from storage), watches for compose boxes and attaches THE overlay to them, with the engine reached
 * over messages (engine-remote.js). Page-DOM work only: the page's CSP forbids WebAssembly here.
 */
import { createCoach } from '../overlay/index.js';
import { createRemoteEngine } from './engine-remote.js';
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
    return new URLSearchParams(location.search).get('postcoach-site') || document.documentElement.dataset.postcoachSite || null;
  }
  return null;
}

/** Test builds only: hand each report to the fixture page (a string, so nothing crosses worlds as an object). */
function exposeReportsToTests(coach) {
  coach.onReport((field, report) => {
    document.dispatchEvent(new CustomEvent('postcoach-test-report', { detail: JSON.stringify({ text: field.text, report, timing: field.timing }) }));
  });
}

async function main() {
  const site = detectSite();
  if (!site) return;
  let settings = await loadSettings();
  let coach = null;
  let watcher = null;
  let posting = null;

  function start() {
    const engine = createRemoteEngine();
    coach = createCoach({ engine, platform: platformFor(site, settings), sensitivity: settings.sensitivity });
    // The local history of posted drafts (common/history.js); the background decides what it keeps.
    posting = watchPosting(document, {
      coach,
      analyze: (text) => engine.analyze(text, { platform: platformFor(site, settings), sensitivity: settings.sensitivity }),
      onPosted: async ({ text, report }) => {
        const post = { platform: report.platform, salesiness: report.salesiness, value: report.value, verdict: report.verdict, firstLine: firstLineOf(text) };
        const answer = await ext.runtime.sendMessage({ type: 'recordPost', post });
        // Test builds tell the fixture page what was kept (the entry, or null when the history is off).
        if (typeof __POSTCOACH_TEST__ !== 'undefined' && __POSTCOACH_TEST__) {
          document.dispatchEvent(new CustomEvent('postcoach-test-posted', { detail: answer?.json ?? 'null' }));
        }
      },
    });
    const fields = new Map();
    if (typeof __POSTCOACH_TEST__ !== 'undefined' && __POSTCOACH_TEST__) exposeReportsToTests(coach);
    watcher = watchComposeBoxes(document, {
      onFound: (el) => fields.set(el, coach.attach(el)),
      onLost: (el) => { fields.get(el)?.detach(); fields.delete(el); },
    });
  }
  function stop() {
    posting?.stop();
    watcher?.stop();
    coach?.destroy();
    watcher = coach = posting = null;
  }

  if (settings.sites[site] !== false) start();
  onSettingsChanged((next) => {
    settings = next;
    const enabled = settings.sites[site] !== false;
    if (!enabled) return stop();
    if (!coach) return start();
    coach.setPlatform(platformFor(site, settings));
    coach.setSensitivity(settings.sensitivity);
  });
}

main().catch((error) => console.warn('postcoach: could not start', error));
