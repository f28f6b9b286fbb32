/**
 * EngineClient (docs/ARCHITECTURE.md) over runtime messages to the background that hosts the wasm engine.
 * Survives the service worker being stopped: a message to a stopped worker wakes it, and a request that fails
 * because the worker went away mid-way is retried (with a short back-off). Nothing here blocks the page.
 */
import { ext } from '../common/settings.js';
import { errorFromResponse, unpackReport } from '../common/messages.js';

const RETRIES = 3;
const TIMEOUT_MS = 10000;

/** One message, as a promise (MV3 sendMessage returns one in Chrome and Firefox), with a timeout. */
function send(message) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('postcoach: background did not answer')), TIMEOUT_MS);
    Promise.resolve()
      .then(() => ext.runtime.sendMessage(message))
      .then((response) => { clearTimeout(timer); resolve(response); },
        (error) => { clearTimeout(timer); reject(error); });
  });
}

async function call(message) {
  let lastError;
  for (let attempt = 0; attempt <= RETRIES; attempt++) {
    let response;
    try {
      response = await send(message);
    } catch (error) {
      // "Receiving end does not exist", "message port closed": the worker was stopped or is starting again.
      lastError = error;
      await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
      continue;
    }
    if (response === undefined) { lastError = new Error('postcoach: no answer'); continue; }
    if (response.ok) return JSON.parse(response.json);
    throw errorFromResponse(response.error);
  }
  throw lastError;
}

/** @returns {import('../overlay/engine-local.js').EngineClient} */
export function createRemoteEngine() {
  return {
    analyze: (text, options = {}) => call({ type: 'analyze', text, options }).then(unpackReport),
    rewrite: (text, options = {}) => call({ type: 'rewrite', text, options }),
    loadPack: (source) => call({ type: 'loadPack', source }),
    resetPacks: () => call({ type: 'resetPacks' }).then(() => undefined),
    status: () => call({ type: 'status' }),
  };
}
