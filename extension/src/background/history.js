/**
 * The background's side of the post history (common/history.js): the only writer of storage.local.postHistory,
 * so posts reported by several tabs at once are appended one after another. Message handlers, merged into the
 * background's:
 *
 *   {type: 'recordPost', post: {platform, salesiness, value, verdict, firstLine?}}  -> the entry kept, or null
 *       (history switched off, or not a scored draft); the first line is dropped unless the user opted in
 *   {type: 'clearHistory'}                                                           -> null
 */
import { ext } from '../common/settings.js';
import { HISTORY_KEY, HISTORY_LIMIT, historyEntry, loadHistory, loadHistorySettings } from '../common/history.js';

let writing = Promise.resolve();
/** Run `change` after every earlier write (a failed write does not block the next). */
function serially(change) {
  const run = writing.then(change, change);
  writing = run.catch(() => {});
  return run;
}

export const historyHandlers = {
  recordPost: (message) => serially(async () => {
    const settings = await loadHistorySettings();
    if (!settings.enabled) return JSON.stringify(null);
    const entry = historyEntry(message.post, settings);
    if (!entry) return JSON.stringify(null);
    const history = [...(await loadHistory()), entry].slice(-HISTORY_LIMIT);
    await ext.storage.local.set({ [HISTORY_KEY]: history });
    return JSON.stringify(entry);
  }),
  clearHistory: () => serially(async () => {
    await ext.storage.local.remove(HISTORY_KEY);
    return JSON.stringify(null);
  }),
};
