/**
 * The background (Chrome: module service worker; Firefox: background script). Hosts the wasm engine - page CSPs
 * forbid WebAssembly in content scripts - and answers the messages of common/messages.js. The trainer's rule
 * pack is kept in storage.local and loaded again whenever the worker starts, so a stopped and restarted worker
 * coaches with the same rules.
 */
import * as bindings from '../../engine/postcoach.js';
import { createLocalEngine } from '../overlay/engine-local.js';
import { ext } from '../common/settings.js';

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
ready();

/** Each handler answers with a JSON string: one JSON.parse on the other side is cheaper than the messaging
 * layer converting a large report object (a 3,000-character draft can carry 100+ findings). */
const json = (value) => JSON.stringify(value ?? null);
const handlers = {
  analyze: (m) => engine.analyze(String(m.text ?? ''), m.options || {}).then(json),
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
};

ext.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const handler = message && Object.hasOwn(handlers, message.type) ? handlers[message.type] : null;
  if (!handler || sender.id !== ext.runtime.id) return false;
  ready()
    .then(() => handler(message))
    .then((result) => sendResponse({ ok: true, json: result }),
      (error) => sendResponse({ ok: false, error: { message: error?.message || String(error), line: error?.line, column: error?.column } }));
  return true;   // the answer comes asynchronously
});
