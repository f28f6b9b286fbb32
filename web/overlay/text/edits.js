// @ts-check
/**
 * Pure helpers about edits to a draft, in UTF-16 offsets: the text an edit should produce, how offsets move
 * when the draft changed by one edit, and whether two readings of a field hold the same draft.
 */

/**
 * The draft after replacing [start, end) of `text` with `insert`.
 * @param {string} text @param {number} start @param {number} end @param {string} insert
 */
export const spliceText = (text, start, end, insert) => text.slice(0, start) + insert + text.slice(end);

/**
 * The one edit that turns `before` into `after` (common prefix and suffix kept):
 * [start, end) of `before` became `text`.
 * @param {string} before @param {string} after
 * @returns {{start: number, end: number, text: string}}
 */
export function diffEdit(before, after) {
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

/**
 * How offsets move when `before` became `after` by one edit: a function from an offset in `before` to the offset
 * in `after`, or null for an offset inside the edited stretch.
 * @param {string} before @param {string} after
 * @returns {(offset: number) => number | null}
 */
export function editMapping(before, after) {
  const { start, end, text } = diffEdit(before, after);
  const delta = text.length - (end - start);
  return (offset) => (offset <= start ? offset : offset >= end ? offset + delta : null);
}

/**
 * Whether two readings hold the same draft. Editors keep spaces that HTML would collapse as no-break spaces
 * (U+00A0) in their DOM, so a space and a no-break space compare equal.
 * @param {string} a @param {string} b
 */
export const sameDraft = (a, b) => a === b || a.replace(/\u00a0/g, ' ') === b.replace(/\u00a0/g, ' ');
