// @ts-check
/**
 * EngineClient (types.js) over messages to a background that hosts the wasm engine (protocol.js). The transport
 * is handed in (`send`, e.g. the extension's `runtime.sendMessage`), so this module knows no browser API.
 * Survives the extension's service worker being stopped: a message to a stopped worker wakes it, and a request
 * that fails because the worker went away mid-way is retried (with a short back-off). Nothing here blocks the page.
 */
import { errorFromResponse, unpackReport } from './protocol.js';

const RETRIES = 3;
const TIMEOUT_MS = 10000;

/** @typedef {(message: import('./protocol.js').Request) => Promise<import('./protocol.js').Response | undefined>} Send */

/**
 * One message, as a promise, with a timeout.
 * @param {Send} send
 * @param {import('./protocol.js').Request} message
 * @returns {Promise<import('./protocol.js').Response | undefined>}
 */
function sendOnce(send, message) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('postcoach: background did not answer')), TIMEOUT_MS);
    Promise.resolve()
      .then(() => send(message))
      .then((response) => { clearTimeout(timer); resolve(response); },
        (error) => { clearTimeout(timer); reject(error); });
  });
}

/**
 * @param {Send} send
 * @param {import('./protocol.js').Request} message
 * @returns {Promise<any>} the parsed `json` of a successful response
 */
async function call(send, message) {
  let lastError;
  for (let attempt = 0; attempt <= RETRIES; attempt++) {
    let response;
    try {
      response = await sendOnce(send, message);
    } catch (error) {
      // "Receiving end does not exist", "message port closed": the worker was stopped or is starting again.
      lastError = error;
      await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
      continue;
    }
    if (response === undefined) { lastError = new Error('postcoach: no answer'); continue; }
    if (response.ok) return JSON.parse(response.json);
    throw errorFromResponse(/** @type {{ok: false, error: import('./protocol.js').ErrorInfo}} */ (response).error);
  }
  throw lastError;
}

/**
 * @param {Send} send delivers a request to the background and resolves with its response
 * @returns {import('./types.js').EngineClient & {status(): Promise<{version: string, pack: object|null}>}}
 */
export function createRemoteEngine(send) {
  return {
    analyze: (text, options = {}) => call(send, { type: 'analyze', text, options }).then(unpackReport),
    rewrite: (text, options = {}) => call(send, { type: 'rewrite', text, options }),
    loadPack: (source) => call(send, { type: 'loadPack', source }),
    resetPacks: () => call(send, { type: 'resetPacks' }).then(() => {}),
    status: () => call(send, { type: 'status' }),
  };
}
