/**
 * "Your mix": the balance across a person's real posts, against the aim of reversing the 90/10 (COACHING.md,
 * principles 4 and 7). Drop or pick an export file (LinkedIn's Shares.csv, Facebook's your_posts_1.json, X's
 * tweets.js, JSON Lines or CSV with a text column); the page's wasm engine reads and scores it with the same
 * reader as `postcoach audit` (`auditFile` on the EngineClient, wasm `audit_file`). Nothing is uploaded.
 *
 * Shows the mix, the chart (the engine's SVG, as an image: no post text in it), the signals that recur most and
 * the most salesy posts. File text only ever enters the DOM with textContent. "Project" enlarges the panel to the
 * whole screen for a trainer; Esc or the button again leaves.
 */

const VERDICT = { conversation: 'conversation', balanced: 'balanced', 'sales-pitch': 'sales pitch' };

/**
 * @param {Document} doc
 * @param {{ engine: { auditFile(name: string, bytes: Uint8Array, options?: object): Promise<object> },
 *           options?: () => object }} deps  options(): the page's platform and sensitivity
 */
export function createMixPanel(doc, { engine, options = () => ({}) }) {
  const $ = (id) => doc.getElementById(id);
  const panel = $('mix');
  const input = /** @type {HTMLInputElement} */ ($('mix-file'));
  const drop = $('mix-drop');
  const status = $('mix-status');
  const result = $('mix-result');
  const project = $('mix-project');

  function el(tag, text, className) {
    const node = doc.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function show(message, isError = false) {
    status.textContent = message;
    status.classList.toggle('error', isError);
  }

  async function audit(file) {
    show(`Reading ${file.name}…`);
    let report;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      report = await engine.auditFile(file.name, bytes, options());
    } catch (error) {
      show(`${file.name} could not be read: ${error?.message || error}`, true);
      return null;
    }
    render(file.name, report);
    return report;
  }

  function render(name, report) {
    const format = report.files[0]?.format;
    if (!format) {
      result.hidden = true;
      show(`${name}: ${report.problems[0]?.message || 'not a post history'}`, true);
      return;
    }
    const { mix, aim } = report;
    const problems = report.problems_total ? `, ${report.problems_total} entr${report.problems_total === 1 ? 'y' : 'ies'} could not be read` : '';
    show(`${name}: ${report.posts} post${report.posts === 1 ? '' : 's'} read${problems}.`, false);
    result.hidden = false;
    panel.dataset.met = String(aim.met);

    $('mix-summary').textContent = `${aim.sales_pitch_percent}% sales pitches (${mix['sales-pitch']} of ${report.posts}): `
      + `${aim.met ? 'within' : 'above'} the aim of at most ${aim.sales_pitch_at_most}%. `
      + `${aim.conversation_percent}% conversation or balanced; the aim is 90%.`;
    const counts = $('mix-counts');
    counts.replaceChildren(...Object.entries(VERDICT).map(([key, label]) => {
      const row = el('li', undefined, `mix-count mix-${key}`);
      row.append(el('span', label, 'mix-count-label'), el('strong', String(mix[key])));
      return row;
    }));

    const chart = /** @type {HTMLImageElement} */ ($('mix-chart'));
    chart.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(report.chart_svg)}`;
    chart.alt = `Chart: ${aim.sales_pitch_percent}% sales pitches overall, by month: `
      + report.by_month.map((m) => `${m.month} ${m['sales-pitch']} of ${m.posts}`).join(', ');

    $('mix-signals').replaceChildren(...report.top_signals.map((signal) => {
      const item = el('li');
      item.append(el('strong', signal.rule), el('span', ` in ${signal.posts} post${signal.posts === 1 ? '' : 's'}: `),
        el('span', signal.message.split('. ')[0].replace(/\.?$/, '.')));
      item.dataset.side = signal.side;
      return item;
    }));

    $('mix-salesy').replaceChildren(...report.most_salesy.map((post) => {
      const item = el('li');
      const where = [post.date, post.platform, `${post.at.line ? 'line' : 'entry'} ${post.at.line ?? post.at.entry}`].filter(Boolean).join(' · ');
      item.append(
        el('p', `salesiness ${post.salesiness} / value ${post.value}, ${VERDICT[post.verdict]}`, 'mix-post-scores'),
        el('blockquote', post.excerpt, 'mix-post-text'),
        el('p', where, 'mix-post-where'),
      );
      const findings = el('ul', undefined, 'mix-post-findings');
      findings.append(...post.findings.map((f) => el('li', `“${f.phrase}”: ${f.message.split('. ')[0].replace(/\.?$/, '.')}`)));
      item.append(findings);
      return item;
    }));

    const list = $('mix-problems');
    list.replaceChildren(...report.problems.map((p) => {
      const at = p.at ? ` ${p.at.line ? `line ${p.at.line}` : `entry ${p.at.entry}`}` : '';
      return el('li', `${at.trim() || p.file}: ${p.message}`);
    }));
    list.hidden = report.problems.length === 0;
  }

  input.addEventListener('change', async () => {
    const file = input.files && input.files[0];
    if (file) await audit(file);
    input.value = '';
  });
  for (const type of ['dragenter', 'dragover']) {
    drop.addEventListener(type, (event) => {
      event.preventDefault();
      drop.classList.add('dragging');
    });
  }
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', async (event) => {
    event.preventDefault();
    drop.classList.remove('dragging');
    const file = event.dataTransfer?.files?.[0];
    if (file) await audit(file);
  });

  function setProjecting(on) {
    panel.classList.toggle('projecting', on);
    project.setAttribute('aria-pressed', String(on));
    project.textContent = on ? 'Leave projection' : 'Project';
  }
  project.addEventListener('click', () => setProjecting(!panel.classList.contains('projecting')));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && panel.classList.contains('projecting')) setProjecting(false);
  });

  return { audit };
}
