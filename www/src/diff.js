/**
 * Word-level diff for the rewrite view: splits both texts into word and punctuation tokens (each carrying the
 * whitespace that follows it), finds the longest common subsequence of tokens, and returns runs of kept, removed
 * and added text. `renderDiff` draws one side of it with elements and textContent only: user text never goes in
 * as HTML.
 */

/** @typedef {{ kind: 'same' | 'removed' | 'added', text: string }} DiffRun */

const TOKEN = /([\p{L}\p{N}\p{M}'’@#_-]+|[^\s\p{L}\p{N}\p{M}]+)(\s*)|(\s+)/gu;

/**
 * Tokens compared by their word (`key`); `text` also carries the whitespace after it, for display.
 * @param {string} text
 * @returns {{ key: string, text: string }[]}
 */
export function tokenize(text) {
  const tokens = [];
  for (const match of text.matchAll(TOKEN)) {
    if (match[3] !== undefined) tokens.push({ key: '', text: match[3] }); // leading whitespace
    else tokens.push({ key: match[1], text: match[0] });
  }
  return tokens;
}

/**
 * Diff two texts word by word (LCS over tokens; quadratic, fine for posts of a few thousand characters).
 * @param {string} before
 * @param {string} after
 * @returns {DiffRun[]} concatenating 'same'+'removed' gives `before`, 'same'+'added' gives `after`.
 */
export function diffWords(before, after) {
  const a = tokenize(before);
  const b = tokenize(after);
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = length of the LCS of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i].key === b[j].key
        ? lcs[(i + 1) * width + j + 1] + 1
        : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const runs = [];
  const push = (kind, text) => {
    if (text === '') return;
    const last = runs[runs.length - 1];
    if (last && last.kind === kind) last.text += text;
    else runs.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i].key === b[j].key) {
      // Same word; if only the whitespace after it changed, show the new spacing as kept text on both sides.
      push('same', a[i].text === b[j].text ? a[i].text : a[i].key);
      if (a[i].text !== b[j].text) {
        push('removed', a[i].text.slice(a[i].key.length));
        push('added', b[j].text.slice(b[j].key.length));
      }
      i++; j++;
    } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
      push('removed', a[i++].text);
    } else {
      push('added', b[j++].text);
    }
  }
  while (i < n) push('removed', a[i++].text);
  while (j < m) push('added', b[j++].text);
  return runs;
}

/**
 * Render one side of a diff into `container` (emptied first).
 * @param {HTMLElement} container
 * @param {DiffRun[]} runs
 * @param {'before' | 'after'} side 'before' shows removed words as <del>, 'after' shows added words as <ins>.
 */
export function renderDiff(container, runs, side) {
  const doc = container.ownerDocument;
  container.replaceChildren();
  const changed = side === 'before' ? 'removed' : 'added';
  for (const run of runs) {
    if (run.kind === 'same') container.append(doc.createTextNode(run.text));
    else if (run.kind === changed) {
      const mark = doc.createElement(side === 'before' ? 'del' : 'ins');
      mark.textContent = run.text;
      container.append(mark);
    }
  }
}

/** How many words changed, for a one-line summary ("12 words changed"). */
export function countChangedWords(runs) {
  return runs
    .filter((run) => run.kind !== 'same')
    .reduce((sum, run) => sum + (run.text.match(/[\p{L}\p{N}]+/gu) || []).length, 0);
}
