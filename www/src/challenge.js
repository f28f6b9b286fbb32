/**
 * Challenge mode: start from a sales pitch and rewrite it until the verdict turns (is no longer "sales pitch").
 * Every analysis of the draft while the challenge runs is a version; the history is drawn as a small chart
 * (chart.js) and the status line says how far there is to go.
 */
import { renderScoreChart } from './chart.js';
import { verdictLabel } from './meter.js';

const MAX_VERSIONS = 40; // versions drawn; older ones scroll out of the chart

/**
 * @param {Document} doc
 * @param {{ loadSalesExample(): void, focusDraft(): void }} actions
 *   loadSalesExample: put a sales-pitch example in the draft (its analysis becomes version 1).
 */
export function createChallenge(doc, { loadSalesExample, focusDraft }) {
  const $ = (id) => doc.getElementById(id);
  const start = $('challenge-start');
  const stop = $('challenge-stop');
  const status = $('challenge-status');
  const chart = $('challenge-chart');
  let running = false;
  let history = [];
  let lastText = null;
  let turnedAt = 0; // the version whose verdict first turned (0: not yet)
  let versionOne = null; // the scores of version 1 (kept when old versions scroll out of the chart)

  function setRunning(on) {
    running = on;
    start.hidden = on;
    stop.hidden = !on;
    doc.getElementById('challenge').classList.toggle('running', on);
  }

  start.addEventListener('click', () => {
    history = [];
    lastText = null;
    turnedAt = 0;
    setRunning(true);
    status.textContent = 'Version 1 is a sales pitch. Rewrite it in the draft until the verdict turns.';
    renderScoreChart(chart, history);
    loadSalesExample();
    focusDraft();
  });
  stop.addEventListener('click', () => {
    setRunning(false);
    status.textContent = history.length ? `Stopped after ${history.length} version${history.length === 1 ? '' : 's'}.` : '';
  });

  /** Record an analysis (called for every report while the challenge runs). */
  function record(report, text) {
    if (!running || !text.trim() || text === lastText) return;
    lastText = text;
    history.push({ salesiness: report.salesiness, value: report.value, verdict: report.verdict });
    if (history.length > MAX_VERSIONS) history.shift();
    renderScoreChart(chart, history);
    if (history.length === 1) versionOne = history[0];
    const first = versionOne;
    if (history.length === 1) {
      status.textContent = report.verdict === 'sales-pitch'
        ? `Version 1: ${verdictLabel(report.verdict)} (salesiness ${report.salesiness}). Rewrite it until the verdict turns.`
        : `Version 1 already reads as ${verdictLabel(report.verdict).toLowerCase()}. Try another sales example.`;
    } else if (turnedAt === 0 && report.verdict !== 'sales-pitch') {
      turnedAt = history.length;
      status.textContent = `Turned! Version ${turnedAt} reads as ${verdictLabel(report.verdict).toLowerCase()}: salesiness ${first.salesiness} → ${report.salesiness}, value ${first.value} → ${report.value}.`;
    } else if (turnedAt > 0) {
      status.textContent = `Turned at version ${turnedAt}. Version ${history.length}: ${verdictLabel(report.verdict)}, salesiness ${report.salesiness}, value ${report.value}.`;
    } else {
      status.textContent = `Version ${history.length}: still a sales pitch (salesiness ${report.salesiness}, value ${report.value}). Keep going.`;
    }
  }

  return { record, isRunning: () => running, history: () => history.slice() };
}
