/**
 * The popup's "Your mix": the last 30 posted drafts (common/history.js) against the aim of reversing the 90/10,
 * as a small chart (one bar: conversation, balanced, sales pitch, with the aim's mark at 90%) and a sentence;
 * switches for the history and for keeping first lines; "Clear history" and "Export" (a JSON file). Everything
 * stays on this computer; the export is a download the user saves.
 */
import { ext } from '../common/settings.js';
import { node } from '../common/settings-form.js';
import {
  AIM_SALES_PITCH_PERCENT, HISTORY_KEY, HISTORY_SETTINGS_KEY, RECENT, VERDICTS,
  loadHistory, loadHistorySettings, mixOf, saveHistorySettings,
} from '../common/history.js';

const SVG = 'http://www.w3.org/2000/svg';
const LABELS = { conversation: 'conversation', balanced: 'balanced', 'sales-pitch': 'sales pitch' };
const COLOURS = { conversation: '#2f6fb0', balanced: '#a3acb9', 'sales-pitch': '#d9622b' };
const WIDTH = 260;
const HEIGHT = 22;

function svg(doc, tag, attrs) {
  const e = doc.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** One bar of the mix, 100% wide, with the aim's mark; sales pitches hatched so they read without colour. */
function chart(doc, { posts, mix }) {
  const root = svg(doc, 'svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT + 14}`, width: WIDTH, height: HEIGHT + 14, 'aria-hidden': 'true', id: 'mix-chart' });
  const defs = svg(doc, 'defs', {});
  const pattern = svg(doc, 'pattern', { id: 'mix-hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  pattern.append(svg(doc, 'rect', { width: 6, height: 6, fill: COLOURS['sales-pitch'] }),
    svg(doc, 'line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#fff', 'stroke-width': 2, 'stroke-opacity': 0.6 }));
  defs.append(pattern);
  root.append(defs, svg(doc, 'rect', { width: WIDTH, height: HEIGHT, fill: '#f0f0f0' }));
  let x = 0;
  for (const verdict of VERDICTS) {
    const width = posts ? (WIDTH * mix[verdict]) / posts : 0;
    if (width > 0) {
      const fill = verdict === 'sales-pitch' ? 'url(#mix-hatch)' : COLOURS[verdict];
      root.append(svg(doc, 'rect', { x, width, height: HEIGHT, fill, 'data-verdict': verdict }));
    }
    x += width;
  }
  const aim = (WIDTH * (100 - AIM_SALES_PITCH_PERCENT)) / 100;
  root.append(svg(doc, 'line', { x1: aim, x2: aim, y1: 0, y2: HEIGHT + 4, stroke: '#222', 'stroke-width': 2, 'stroke-dasharray': '3 2' }));
  const label = svg(doc, 'text', { x: aim, y: HEIGHT + 13, 'text-anchor': 'middle', 'font-size': 10, fill: '#222' });
  label.textContent = '90/10 aim';
  root.append(label);
  return root;
}

function summary(recent) {
  if (!recent.posts) return 'No posts yet. When you post a draft the coach has seen, its verdict is counted here.';
  const { mix, posts, salesPitchPercent, met } = recent;
  return `Last ${posts} post${posts === 1 ? '' : 's'}: ${mix['sales-pitch']} sales pitch${mix['sales-pitch'] === 1 ? '' : 'es'} `
    + `(${salesPitchPercent}%), ${met ? 'within' : 'above'} the aim of at most ${AIM_SALES_PITCH_PERCENT}%. `
    + `${mix.conversation} conversation, ${mix.balanced} balanced.`;
}

/** Render into `container` and keep it current while the popup is open. */
export async function renderMix(container) {
  const doc = container.ownerDocument;
  const text = node('p', { id: 'mix-summary', 'aria-live': 'polite' });
  const key = node('p', { class: 'mix-key' },
    VERDICTS.map((v) => node('span', { 'data-verdict': v, text: `${LABELS[v]} ` }, [node('strong', { text: '0' })])));
  const figure = node('div', { class: 'mix-figure' });
  const settings = await loadHistorySettings();
  const enabled = node('input', { type: 'checkbox', id: 'history-enabled', checked: settings.enabled });
  const firstLine = node('input', { type: 'checkbox', id: 'history-first-line', checked: settings.keepFirstLine });
  enabled.addEventListener('change', () => saveHistorySettings({ enabled: enabled.checked }));
  firstLine.addEventListener('change', () => saveHistorySettings({ keepFirstLine: firstLine.checked }));
  const clear = node('button', { type: 'button', id: 'history-clear', text: 'Clear history' });
  const exportButton = node('button', { type: 'button', id: 'history-export', text: 'Export (JSON)' });
  clear.addEventListener('click', () => ext.runtime.sendMessage({ type: 'clearHistory' }));
  exportButton.addEventListener('click', async () => {
    const blob = new Blob([`${JSON.stringify({ exported: new Date().toISOString(), posts: await loadHistory() }, null, 2)}\n`], { type: 'application/json' });
    const link = node('a', { href: URL.createObjectURL(blob), download: 'postcoach-history.json' });
    doc.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  });
  container.append(
    node('h2', { text: 'Your mix' }), figure, text, key,
    node('div', {}, [enabled, node('label', { for: 'history-enabled', text: ' Keep a history of the posts I publish (scores and verdict only)' })]),
    node('div', {}, [firstLine, node('label', { for: 'history-first-line', text: ' Also keep each post’s first line' })]),
    node('div', { class: 'row' }, [clear, exportButton]),
  );

  async function update() {
    const recent = mixOf((await loadHistory()).slice(-RECENT));
    figure.replaceChildren(chart(doc, recent));
    figure.setAttribute('role', 'img');
    figure.setAttribute('aria-label', summary(recent));
    text.textContent = summary(recent);
    for (const span of key.querySelectorAll('[data-verdict]')) span.querySelector('strong').textContent = String(recent.mix[span.dataset.verdict]);
    container.dataset.posts = String(recent.posts);
  }
  ext.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[HISTORY_KEY]) update();
    if (area === 'local' && changes[HISTORY_SETTINGS_KEY]) {
      enabled.checked = changes[HISTORY_SETTINGS_KEY].newValue?.enabled ?? true;
      firstLine.checked = changes[HISTORY_SETTINGS_KEY].newValue?.keepFirstLine ?? false;
    }
  });
  await update();
}
