/**
 * The local history of posted drafts (issue 14): what the popup's "Your mix" shows against the aim of reversing
 * the 90/10 (COACHING.md, principles 4 and 7: at most 10% sales pitches). Kept in storage.local, on this computer
 * only, so it survives browser restarts; never synced, never sent anywhere.
 *
 *   storage.local.postHistory      [{date, platform, salesiness, value, verdict, firstLine?}], oldest first
 *   storage.local.historySettings  {enabled, keepFirstLine}
 *
 * Only the date, platform, scores and verdict are kept, unless the user opts in to keeping each post's first
 * line. The content script detects posting (content/post-detector.js); the background is the only writer
 * (background/history.js); the popup reads and shows it (popup/mix.js).
 */
import { ext } from './settings.js';

export const HISTORY_KEY = 'postHistory';
export const HISTORY_SETTINGS_KEY = 'historySettings';
export const DEFAULT_HISTORY_SETTINGS = Object.freeze({ enabled: true, keepFirstLine: false });
/** Entries kept (the oldest go first); the popup shows the last `RECENT`. */
export const HISTORY_LIMIT = 1000;
export const RECENT = 30;
/** The aim: at most this share of sales pitches, in percent. */
export const AIM_SALES_PITCH_PERCENT = 10;
export const VERDICTS = ['conversation', 'balanced', 'sales-pitch'];
const FIRST_LINE_CHARS = 120;

export async function loadHistorySettings() {
  const { [HISTORY_SETTINGS_KEY]: stored } = await ext.storage.local.get(HISTORY_SETTINGS_KEY);
  return {
    enabled: typeof stored?.enabled === 'boolean' ? stored.enabled : DEFAULT_HISTORY_SETTINGS.enabled,
    keepFirstLine: typeof stored?.keepFirstLine === 'boolean' ? stored.keepFirstLine : DEFAULT_HISTORY_SETTINGS.keepFirstLine,
  };
}

export async function saveHistorySettings(patch) {
  const next = { ...(await loadHistorySettings()), ...patch };
  await ext.storage.local.set({ [HISTORY_SETTINGS_KEY]: next });
  return next;
}

export async function loadHistory() {
  const { [HISTORY_KEY]: stored } = await ext.storage.local.get(HISTORY_KEY);
  return Array.isArray(stored) ? stored : [];
}

/**
 * The entry to keep for a posted draft, or null when `posted` is not a scored draft. Only known fields, checked;
 * the first line only when `keepFirstLine`.
 * @param {{platform?: string, salesiness?: number, value?: number, verdict?: string, firstLine?: string}} posted
 */
export function historyEntry(posted, { keepFirstLine }, now = new Date()) {
  const score = (n) => (Number.isInteger(n) && n >= 0 && n <= 100 ? n : null);
  const salesiness = score(posted?.salesiness);
  const value = score(posted?.value);
  if (salesiness === null || value === null || !VERDICTS.includes(posted.verdict)) return null;
  const entry = { date: now.toISOString(), platform: String(posted.platform || 'generic').slice(0, 20), salesiness, value, verdict: posted.verdict };
  if (keepFirstLine && typeof posted.firstLine === 'string') entry.firstLine = posted.firstLine.slice(0, FIRST_LINE_CHARS);
  return entry;
}

/** The first non-empty line of a draft, as much as the history would keep of it. */
export function firstLineOf(text) {
  return (String(text).split('\n').find((line) => line.trim()) || '').trim().slice(0, FIRST_LINE_CHARS);
}

/** Posts per verdict and the sales-pitch share against the aim. */
export function mixOf(entries) {
  const mix = { conversation: 0, balanced: 0, 'sales-pitch': 0 };
  for (const entry of entries) if (Object.hasOwn(mix, entry.verdict)) mix[entry.verdict] += 1;
  const posts = mix.conversation + mix.balanced + mix['sales-pitch'];
  const salesPitchPercent = posts ? Math.round((mix['sales-pitch'] * 1000) / posts) / 10 : 0;
  return { posts, mix, salesPitchPercent, met: posts > 0 && mix['sales-pitch'] * 100 <= AIM_SALES_PITCH_PERCENT * posts };
}
