/**
 * The rewrite view: the engine's whole-post rewrite beside the draft, with the word-level differences marked
 * (removed words struck through on the left, added words underlined on the right) and both sets of scores.
 * Rendering only; main.js asks the engine for the rewrite and decides when the view shows.
 */
import { countChangedWords, diffWords, renderDiff } from './diff.js';
import { formatScores } from './meter.js';

/**
 * @param {Document} doc
 * @returns {{ render(draft: string, rewrite: object): void, clear(): void, setOpen(open: boolean): void, isOpen(): boolean }}
 */
export function createRewriteView(doc) {
  const $ = (id) => doc.getElementById(id);
  const section = $('rewrite-view');
  const toggle = $('rewrite-toggle');
  const before = $('rewrite-before');
  const after = $('rewrite-after');
  const beforeScores = $('before-scores');
  const afterScores = $('after-scores');
  const summary = $('rewrite-summary');

  function render(draft, rewrite) {
    const runs = diffWords(draft, rewrite.text);
    renderDiff(before, runs, 'before');
    renderDiff(after, runs, 'after');
    beforeScores.textContent = formatScores(rewrite.before);
    afterScores.textContent = formatScores(rewrite.after);
    beforeScores.dataset.verdict = rewrite.before.verdict;
    afterScores.dataset.verdict = rewrite.after.verdict;
    section.dataset.salesBefore = String(rewrite.before.salesiness);
    section.dataset.salesAfter = String(rewrite.after.salesiness);
    const changed = countChangedWords(runs);
    summary.textContent = changed === 0
      ? 'Nothing to change: the coach would post this as it is.'
      : `Salesiness ${rewrite.before.salesiness} → ${rewrite.after.salesiness}, value ${rewrite.before.value} → ${rewrite.after.value}; ${changed} word${changed === 1 ? '' : 's'} changed.`;
  }

  function clear() {
    before.replaceChildren();
    after.replaceChildren();
    beforeScores.textContent = '';
    afterScores.textContent = '';
    summary.textContent = 'Type a post first.';
  }

  function setOpen(open) {
    section.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? 'Hide the rewrite' : 'Show the conversational rewrite';
    doc.body.classList.toggle('show-rewrite', open);
  }

  return { render, clear, setOpen, isOpen: () => !section.hidden };
}
