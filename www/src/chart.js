/**
 * The challenge's score-history chart: a small inline SVG (built with createElementNS, no library) with one line
 * for salesiness and one for value over the attempts, and the sales-pitch threshold band shaded. Lines differ in
 * colour *and* dash pattern so they read without colour; the SVG's accessible name states the latest figures.
 */

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 320;
const HEIGHT = 140;
const PAD = { left: 30, right: 10, top: 10, bottom: 22 };

/** @typedef {{ salesiness: number, value: number, verdict: string }} ScorePoint */

function el(name, attrs = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Draw (or redraw) the history chart inside `container`.
 * @param {HTMLElement} container
 * @param {ScorePoint[]} history oldest first
 */
export function renderScoreChart(container, history) {
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i) => PAD.left + (history.length <= 1 ? plotW / 2 : (i * plotW) / (history.length - 1));
  const y = (score) => PAD.top + plotH - (Math.max(0, Math.min(100, score)) * plotH) / 100;

  const last = history[history.length - 1];
  const svg = el('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'score-chart', role: 'img',
    'aria-label': last
      ? `Score history over ${history.length} version${history.length === 1 ? '' : 's'}: salesiness now ${last.salesiness}, value now ${last.value}`
      : 'Score history: no versions yet',
  });
  for (const score of [0, 50, 100]) {
    svg.append(el('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(score), y2: y(score), class: 'chart-grid' }));
    svg.append(el('text', { x: PAD.left - 6, y: y(score) + 4, 'text-anchor': 'end', class: 'chart-label' }, String(score)));
  }
  svg.append(el('text', { x: PAD.left + plotW / 2, y: HEIGHT - 4, 'text-anchor': 'middle', class: 'chart-label' }, 'versions →'));

  const series = [
    { key: 'salesiness', cls: 'chart-sales', label: 'salesiness' },
    { key: 'value', cls: 'chart-value', label: 'value' },
  ];
  for (const { key, cls, label } of series) {
    if (history.length === 0) continue;
    const points = history.map((point, i) => `${x(i).toFixed(1)},${y(point[key]).toFixed(1)}`).join(' ');
    svg.append(el('polyline', { points, class: `chart-line ${cls}`, fill: 'none' }));
    history.forEach((point, i) => {
      const dot = el('circle', { cx: x(i).toFixed(1), cy: y(point[key]).toFixed(1), r: 3.5, class: `chart-dot ${cls}` });
      dot.append(el('title', {}, `version ${i + 1}: ${label} ${point[key]} (${point.verdict.replace('-', ' ')})`));
      svg.append(dot);
    });
  }
  container.replaceChildren(svg);
}
