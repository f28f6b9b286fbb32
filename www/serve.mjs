// Serves the built workshop page (dist/www) on http://127.0.0.1:8080 (or $PORT) for `make demo`, and for the
// end-to-end tests, which import `startWorkshopServer` so they serve the page exactly as the demo does.
// The CSP lets the page run its own scripts and the wasm engine, and nothing from anywhere else.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from '../tests/e2e/support/server.mjs';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const WWW_DIST = path.join(ROOT, 'dist', 'www');

/** Same-origin only; 'wasm-unsafe-eval' for the engine; inline styles for the overlay's shadow-DOM UI. */
export const WORKSHOP_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serve dist/www.
 * @param {{ port?: number, root?: string }} [opts] port 0 picks a free one.
 * @returns {ReturnType<typeof startServer>}
 */
export function startWorkshopServer({ port = 0, root = WWW_DIST } = {}) {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${path.relative(ROOT, root)}/index.html is missing: run \`make www\` (node www/build.mjs) first`);
  }
  return startServer({ root, port, csp: WORKSHOP_CSP });
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const port = Number(process.env.PORT || 8080);
  const server = await startWorkshopServer({ port });
  console.log(`postcoach workshop page: ${server.url}/   (Ctrl+C to stop)`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
