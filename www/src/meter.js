/**
 * The meter: salesiness and value shown big with the verdict and the engine's summary, then every finding grouped
 * by the coaching principle it comes from. Each group says its principle in one friendly sentence (the engine's
 * own principle summary, so the page and the extension never disagree); each finding is a button that shows its
 * span in the draft through the overlay (`field.focusFinding(i)`). Also home of the small score formatters the
 * rewrite view, the print report and the challenge share.
 */

const VERDICT_LABELS = { conversation: 'Conversation', balanced: 'Balanced', 'sales-pitch': 'Sales pitch' };
const SIDE_LABELS = { sales: 'sales', platform: 'platform', value: 'value' };

/** "Sales pitch" for "sales-pitch". */
export function verdictLabel(verdict) {
  return VERDICT_LABELS[verdict] || String(verdict || '').replace(/-/g, ' ');
}

/** "salesiness 72 · value 18 · Sales pitch" */
export function formatScores({ salesiness, value, verdict }) {
  return `salesiness ${salesiness} · value ${value} · ${verdictLabel(verdict)}`;
}

/** The text a finding covers ("" for an empty span). Spans are UTF-16 offsets, like JS strings. */
export function findingText(text, finding) {
  return text.slice(finding.span.start_utf16, finding.span.end_utf16);
}

/**
 * Findings grouped by principle, in order of first appearance, each keeping its index in `report.findings`.
 * @returns {{ principle: {id: string, title: string, summary: string}, items: {finding: object, index: number}[] }[]}
 */
export function groupByPrinciple(findings) {
  const groups = new Map();
  findings.forEach((finding, index) => {
    const id = finding.principle?.id || 'other';
    if (!groups.has(id)) groups.set(id, { principle: finding.principle || { id, title: 'Other', summary: '' }, items: [] });
    groups.get(id).items.push({ finding, index });
  });
  return [...groups.values()];
}

/**
 * Bind the meter to its elements; returns `render(report, text)` and `clear()`.
 * @param {Document} doc
 * @param {{ onFocusFinding: (index: number) => void }} actions
 */
export function createMeter(doc, { onFocusFinding }) {
  const $ = (id) => doc.getElementById(id);
  const section = $('meter');
  const els = {
    sales: $('sales-score'), value: $('value-score'), salesFill: $('sales-fill'), valueFill: $('value-fill'),
    verdict: $('verdict'), summary: $('summary'), findings: $('findings'), heading: $('findings-heading'),
  };

  function setScores(salesiness, value) {
    els.sales.textContent = String(salesiness);
    els.value.textContent = String(value);
    els.salesFill.style.setProperty('--score', `${salesiness}%`);
    els.valueFill.style.setProperty('--score', `${value}%`);
  }

  function clear(message = 'Type a post or pick an example.') {
    els.sales.textContent = '–';
    els.value.textContent = '–';
    els.salesFill.style.setProperty('--score', '0%');
    els.valueFill.style.setProperty('--score', '0%');
    els.verdict.textContent = message;
    els.verdict.dataset.verdict = '';
    els.summary.textContent = '';
    els.findings.replaceChildren();
  }

  function render(report, text) {
    // What the meter currently describes (for styling hooks and the end-to-end tests' waits).
    section.dataset.platform = report.platform;
    section.dataset.textLength = String(text.length);
    if (!text.trim()) return clear();
    setScores(report.salesiness, report.value);
    els.verdict.textContent = verdictLabel(report.verdict);
    els.verdict.dataset.verdict = report.verdict;
    els.summary.textContent = report.summary || '';
    els.heading.textContent = report.findings.length
      ? `What the coach noticed (${report.findings.length})`
      : 'What the coach noticed';

    const groups = groupByPrinciple(report.findings);
    if (groups.length === 0) {
      const none = doc.createElement('p');
      none.className = 'no-findings';
      none.textContent = 'Nothing to flag: no sales signals and no conversation signals yet.';
      els.findings.replaceChildren(none);
      return;
    }
    const blocks = groups.map(({ principle, items }) => {
      const block = doc.createElement('section');
      block.className = 'principle';
      const title = doc.createElement('h4');
      title.textContent = principle.title;
      const why = doc.createElement('p');
      why.className = 'principle-why';
      why.textContent = principle.summary || '';
      const list = doc.createElement('ul');
      for (const { finding, index } of items) {
        const item = doc.createElement('li');
        const button = doc.createElement('button');
        button.type = 'button';
        button.className = `finding finding-${finding.side}`;
        button.dataset.findingIndex = String(index);
        const side = doc.createElement('span');
        side.className = 'finding-side';
        side.textContent = SIDE_LABELS[finding.side] || finding.side;
        const quote = doc.createElement('q');
        const covered = findingText(text, finding);
        quote.textContent = finding.scope === 'post' || !covered ? 'whole post' : covered;
        const message = doc.createElement('span');
        message.className = 'finding-message';
        message.textContent = finding.message;
        button.append(side, ' ', quote, ' ', message);
        button.addEventListener('click', () => onFocusFinding(index));
        item.append(button);
        list.append(item);
      }
      block.append(title, why, list);
      return block;
    });
    els.findings.replaceChildren(...blocks);
  }

  return { render, clear };
}
