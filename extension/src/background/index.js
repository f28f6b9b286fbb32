/**
 * The background (Chrome: module service worker; Firefox: background script). Hosts the wasm engine - page CSPs
 * forbid WebAssembly in content scripts - and answers the messages of web/engine/protocol.js. The trainer's rule
 * pack is kept in storage.local and loaded again whenever the worker starts, so a stopped and restarted worker
 * coaches with the same rules.
 */
import * as bindings from '../../engine/postcoach.js';
import { createLocalEngine } from '../../../web/engine/local.js';
import { ext } from '../common/settings.js';
import { errorResponse, packReport } from '../../../web/engine/protocol.js';
import { historyHandlers } from './history.js';

const engine = createLocalEngine(ext.runtime.getURL('engine/postcoach_bg.wasm'), bindings);

/** The engine with the stored pack applied (once per worker life; tried again if starting failed). */
let starting = null;
function ready() {
  starting ??= (async () => {
    await engine.ready;
    const { packSource } = await ext.storage.local.get('packSource');
    if (packSource) {
      try { await engine.loadPack(packSource); } catch (error) { console.warn('postcoach: stored pack no longer loads', error); }
    }
    return engine;
  })().catch((error) => { starting = null; throw error; });
  return starting;
}
ready().then(warmUp, () => {});

/**
 * V8 first runs wasm with its baseline compiler and optimises hot functions only after they have run a while:
 * measured in the service worker, the first ten analyses of a 3,000-character draft took 5-10 times longer than
 * the rest (20 ms against 2-3 ms). A few analyses of a sample draft when the worker starts, one per task so a
 * real message is never kept waiting, move that cost off the user's first keystrokes.
 */
const WARM_UP_DRAFT = [
  'Huge news!!! Our new course is finally here. Buy now, only 5 spots left at 50% off, so don\'t miss out! ',
  'Last spring a client of ours doubled her orders by answering questions in public instead of posting offers. ',
  'What is one habit that made your posts feel more like a conversation? Thanks to @Maria for the idea 🙏 ',
  'DM me today and click the link in bio: example.com/course #marketing #growth\n\n',
].join('').repeat(6);
async function warmUp() {
  for (let i = 0; i < 12; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await engine.analyze(WARM_UP_DRAFT.slice(i), { platform: 'linkedin' });
  }
  // One rewrite: it splits the misspellings list the rewrite corrects from (70,000 lines, about 30 ms once),
  // so the user's first click on "rewrite" does not pay for it.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await engine.rewrite(WARM_UP_DRAFT, { platform: 'linkedin' });
}

/** Each handler answers with a JSON string: one JSON.parse on the other side is cheaper than the messaging
 * layer converting a large report object (a 3,000-character draft can carry 100+ findings). */
const json = (value) => JSON.stringify(value ?? null);
const handlers = {
  analyze: (m) => engine.analyze(String(m.text ?? ''), m.options || {}).then(packReport).then(json),
  rewrite: (m) => engine.rewrite(String(m.text ?? ''), m.options || {}).then(json),
  async loadPack(m) {
    const info = await engine.loadPack(String(m.source ?? ''));   // rejects, keeping the previous rules
    await ext.storage.local.set({ packSource: String(m.source), packInfo: info });
    return json(info);
  },
  async resetPacks() {
    await engine.resetPacks();
    await ext.storage.local.remove(['packSource', 'packInfo']);
    return json(null);
  },
  status: async () => json({ version: await engine.version(), pack: (await ext.storage.local.get('packInfo')).packInfo || null }),
  ...historyHandlers,   // recordPost, clearHistory (background/history.js)
};

ext.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const handler = message && Object.hasOwn(handlers, message.type) ? handlers[message.type] : null;
  if (!handler || sender.id !== ext.runtime.id) return false;
  ready()
    .then(() => handler(message))
    .then((result) => sendResponse({ ok: true, json: result }),
      (error) => sendResponse(errorResponse(error)));
  return true;   // the answer comes asynchronously
});
