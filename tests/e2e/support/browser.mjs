// Launches Debian's headless Chromium through playwright-core for the browser tests and benchmarks, optionally
// with the unpacked extension loaded. Never downloads a browser. Flags keep Chromium off the network.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const QUIET_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-domain-reliability',
  '--metrics-recording-only', '--no-default-browser-check',
];

/**
 * @param {{ extension?: string, viewport?: {width:number,height:number} }} [opts]
 *   extension: path of an unpacked extension folder to load (e.g. dist/chrome).
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, close(): Promise<void>, extensionId?: string }>}
 */
export async function launch({ extension, viewport = { width: 1280, height: 800 } } = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'postcoach-chromium-'));
  const args = [...QUIET_FLAGS];
  if (extension) args.push(`--disable-extensions-except=${extension}`, `--load-extension=${extension}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    viewport,
  });
  let extensionId;
  if (extension) {
    let [worker] = context.serviceWorkers();
    if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 15000 });
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
