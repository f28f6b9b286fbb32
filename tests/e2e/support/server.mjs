// Static file server for tests, the demo and benchmarks: serves folders on 127.0.0.1 only, with strict
// security headers like the real sites (a CSP that forbids inline scripts and wasm in page scripts unless the
// caller allows it). Nothing here reaches the network.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.toml': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.webmanifest': 'application/manifest+json',
};

/** The CSP the fixture pages get: like facebook.com/linkedin.com, no inline script, no eval, no wasm. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

/**
 * Start a static server.
 * @param {{ root: string, port?: number, csp?: string, mounts?: Record<string,string> }} opts
 *   root: folder served at '/'; mounts: extra URL prefix -> folder (e.g. {'/node_modules/': '...'}).
 * @returns {Promise<{ url: string, port: number, close(): Promise<void>, requests: string[] }>}
 */
export async function startServer({ root, port = 0, csp = STRICT_CSP, mounts = {} }) {
  const requests = [];
  const server = http.createServer(async (req, res) => {
    requests.push(req.url);
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      let base = root;
      let rel = decodeURIComponent(url.pathname);
      for (const [prefix, dir] of Object.entries(mounts)) {
        if (rel.startsWith(prefix)) { base = dir; rel = rel.slice(prefix.length - 1); break; }
      }
      let file = path.join(base, path.normalize(rel));
      if (!file.startsWith(path.resolve(base))) throw Object.assign(new Error('outside root'), { code: 'ENOENT' });
      const stat = await fs.stat(file).catch(() => null);
      if (stat && stat.isDirectory()) file = path.join(file, 'index.html');
      const body = await fs.readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      });
      res.end(body);
    } catch (err) {
      res.writeHead(err.code === 'ENOENT' || err.code === 'EISDIR' ? 404 : 500, { 'content-type': 'text/plain' });
      res.end(String(err.code || 'error'));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}
