/**
 * The printable one-page report: a section hidden on screen and shown alone by the print stylesheet, kept up to
 * date with the draft, its scores and findings, and the rewrite. Text only ever goes in with textContent.
 */
import { findingText, formatScores, verdictLabel } from './meter.js';

/** @param {Document} doc */
export function createPrintReport(doc) {
  const $ = (id) => doc.getElementById(id);

  /**
   * @param {{ text: string, platform: string, report: object | null, rewrite: object | null }} state
   */
  function update({ text, platform, report, rewrite }) {
    $('print-meta').textContent = `Platform: ${platform} · printed ${new Date().toLocaleDateString()}`;
    $('print-draft').textContent = text || '(empty draft)';
    $('print-scores').textContent = report ? formatScores(report) + (report.summary ? ` — ${report.summary}` : '') : '';
    // One line per rule, the rules that weigh most first, so that the report stays on one page.
    const byRule = new Map();
    for (const finding of report?.findings || []) {
      const key = finding.rule?.id ?? finding.rule;
      const entry = byRule.get(key) ?? { finding, places: [], points: 0 };
      const covered = findingText(text, finding);
      const where = finding.scope === 'post' || !covered ? 'whole post' : `“${covered}”`;
      if (!entry.places.includes(where)) entry.places.push(where);
      entry.points += finding.points || 0;
      byRule.set(key, entry);
    }
    const items = [...byRule.values()]
      .sort((a, b) => b.points - a.points)
      .map(({ finding, places }) => {
        const li = doc.createElement('li');
        li.textContent = `${places.join(', ')} (${finding.side}, ${finding.principle?.title || ''}): ${finding.message}`;
        return li;
      });
    $('print-findings').replaceChildren(...items);
    $('print-rewrite').textContent = rewrite ? rewrite.text : '';
    $('print-rewrite-scores').textContent = rewrite
      ? `${formatScores(rewrite.after)} (was ${verdictLabel(rewrite.before.verdict).toLowerCase()})`
      : '';
  }

  return { update };
}
