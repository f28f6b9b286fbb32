/**
 * A tiny W3C WebDriver client (plain `fetch`, no dependency) for driving Debian's Firefox ESR through geckodriver
 * in the browser tests: Playwright's Firefox needs its own patched build, which never runs here.
 *
 *   const driver = await startGeckodriver();                 // on 127.0.0.1, a free port
 *   const session = await driver.newSession({ prefs });      // headless /usr/bin/firefox-esr
 *   await session.installAddon('/abs/path/to/unpacked');     // temporary add-on (geckodriver's moz/addon/install)
 *   await session.navigate(url);
 *   const value = await session.evaluate((a, b) => ..., a, b); // a function run in the page; may return a promise
 *   await session.waitFor(() => ...);                        // polled inside the page until truthy
 *   await session.type('text');                               // key presses where the focus is
 *   await session.pressKeys(['Alt', 'Shift', 'n']);          // a chord
 *   await session.click(elementRef);                          // elementRef: an element returned by evaluate
 *   await session.close(); await driver.stop();
 *
 * Values cross as JSON; a DOM element returned by evaluate arrives as a web element reference, usable by click and
 * computedLabel. Nothing here reaches the network: geckodriver and Firefox talk over 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** Where geckodriver is ($GECKODRIVER, on PATH, or ~/.cargo/bin where `cargo install` puts it), or null. */
export function findGeckodriver() {
  const candidates = [process.env.GECKODRIVER,
    ...(process.env.PATH || '').split(path.delimiter).map((dir) => dir && path.join(dir, 'geckodriver')),
    path.join(os.homedir(), '.cargo', 'bin', 'geckodriver')];
  return candidates.find((file) => {
    try { return file && fs.statSync(file).isFile() && (fs.accessSync(file, fs.constants.X_OK), true); } catch { return false; }
  }) || null;
}

/** Whether Firefox and geckodriver are there: null if so, else why not (for a skip message). */
export function missingFirefox() {
  const missing = [];
  try { fs.accessSync(FIREFOX, fs.constants.X_OK); } catch { missing.push(`${FIREFOX} (apt-get install firefox-esr)`); }
  if (!findGeckodriver()) missing.push('geckodriver (cargo install geckodriver)');
  return missing.length ? `missing ${missing.join(' and ')}: run \`make setup-firefox\`` : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';
/** WebDriver's code points for the keys pressKeys names. */
const KEYS = { Alt: '\uE00A', Shift: '\uE008', Control: '\uE009', Escape: '\uE00C', Enter: '\uE007', Tab: '\uE004', Home: '\uE011', End: '\uE010' };

/** One WebDriver command; throws the remote error (with its message) on failure. */
async function command(base, method, route, body) {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = await response.json().catch(() => ({ value: { error: 'bad response', message: `HTTP ${response.status}` } }));
  if (!response.ok || (payload.value && payload.value.error)) {
    const { error, message } = payload.value || {};
    throw new Error(`WebDriver ${method} ${route}: ${error}: ${message}`);
  }
  return payload.value;
}

/**
 * Start geckodriver on 127.0.0.1 with a free port and wait until it answers.
 * @returns {Promise<{ url: string, newSession(opts?: object): Promise<Session>, stop(): Promise<void> }>}
 */
export async function startGeckodriver({ binary = findGeckodriver(), log = process.env.GECKODRIVER_LOG === '1' } = {}) {
  if (!binary) throw new Error('geckodriver not found');
  const port = await freePort();
  const child = spawn(binary, ['--host', '127.0.0.1', '--port', String(port)], { stdio: ['ignore', log ? 'inherit' : 'ignore', log ? 'inherit' : 'ignore'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10000;
  for (;;) {
    try {
      if ((await command(url, 'GET', '/status')).ready !== undefined) break;
    } catch (error) {
      if (child.exitCode !== null || Date.now() > deadline) { child.kill(); throw new Error(`geckodriver did not start: ${error.message}`); }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    newSession: (opts) => newSession(url, opts),
    async stop() {
      if (child.exitCode === null) child.kill();
      await exited;
    },
  };
}

/**
 * A session on headless Firefox.
 * @param {string} base geckodriver's URL
 * @param {{ firefox?: string, prefs?: Record<string, string|number|boolean>, args?: string[], scriptTimeoutMs?: number }} [opts]
 */
async function newSession(base, { firefox = FIREFOX, prefs = {}, args = ['-headless'], scriptTimeoutMs = 30000 } = {}) {
  const created = await command(base, 'POST', '/session', {
    capabilities: { alwaysMatch: {
      browserName: 'firefox',
      'moz:firefoxOptions': { binary: firefox, args, prefs },
      timeouts: { script: scriptTimeoutMs, pageLoad: 30000 },
    } },
  });
  const id = created.sessionId;
  const call = (method, route, body) => command(base, method, `/session/${id}${route}`, body);
  const session = {
    id,
    capabilities: created.capabilities,
    call,
    /** Install an unpacked add-on folder (absolute path) as a temporary add-on; returns its id. */
    installAddon: (dir, { temporary = true } = {}) => call('POST', '/moz/addon/install', { path: path.resolve(dir), temporary }),
    navigate: (url) => call('POST', '/url', { url }),
    setWindowRect: (rect) => call('POST', '/window/rect', rect),
    /**
     * Run `fn(...args)` in the page (a function, or its source) and return its (awaited) result. Errors thrown in
     * the page come back with their message and stack.
     */
    async evaluate(fn, ...args) {
      const script = `const done = arguments[arguments.length - 1];
        Promise.resolve().then(() => (${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
          .then((value) => done({ value }), (e) => done({ error: String(e && e.stack ? e.message + '\\n' + e.stack : e) }));`;
      const result = await call('POST', '/execute/async', { script, args });
      if (result && result.error !== undefined) throw new Error(`in the page: ${result.error}`);
      return result ? result.value : undefined;
    },
    /** Poll `fn(...args)` in the page (every 20 ms) until it returns something truthy, and return that. */
    async waitFor(fn, { timeoutMs = 15000, args = [], message } = {}) {
      const poll = `async (...params) => {
        const test = ${fn};
        const end = Date.now() + ${Number(timeoutMs)};
        for (;;) {
          const v = await test(...params);
          if (v) return v;
          if (Date.now() > end) return null;
          await new Promise((r) => setTimeout(r, 20));
        }
      }`;
      const value = await session.evaluate(poll, ...args);
      if (!value) throw new Error(`timed out after ${timeoutMs} ms waiting for ${message || String(fn)}`);
      return value;
    },
    /** Click an element (a reference returned by evaluate) in its middle, as a user would. */
    click: (element) => call('POST', `/element/${element[ELEMENT_KEY]}/click`, {}),
    /** An element's accessible name as the browser computes it. */
    computedLabel: (element) => call('GET', `/element/${element[ELEMENT_KEY]}/computedlabel`),
    /**
     * Type `text` where the focus is, one key press per character (the actions API). Not element send keys
     * (`/element/{id}/value`): in Firefox it stops after the first character in editors that re-render the
     * node under the caret (Lexical).
     */
    async type(text) {
      const actions = [...text].flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]);
      await call('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    },
    /** Press a chord (held in order, released in reverse), e.g. ['Alt', 'Shift', 'n'] or ['Escape']. */
    async pressKeys(keys) {
      const values = keys.map((k) => KEYS[k] || k);
      await call('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions: [
        ...values.map((value) => ({ type: 'keyDown', value })),
        ...values.slice().reverse().map((value) => ({ type: 'keyUp', value })),
      ] }] });
      await call('DELETE', '/actions');
    },
    /** Click at viewport coordinates. */
    async clickAt(x, y) {
      await call('POST', '/actions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
        { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' },
        { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 },
      ] }] });
      await call('DELETE', '/actions');
    },
    /** A PNG of the viewport (for debugging a failure). */
    screenshot: async () => Buffer.from(await call('GET', '/screenshot'), 'base64'),
    close: () => call('DELETE', ''),
  };
  return session;
}
