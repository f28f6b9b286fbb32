// Builds the workshop page into dist/www: bundles www/src/main.js (which imports the extension's overlay and the
// local EngineClient, unchanged) with esbuild, copies the wasm engine built by `make wasm` (dist/engine), the html,
// css and gallery data, and writes the service worker with the list of files to keep for offline use.
//
// Run: `node www/build.mjs` (what `make www` does). Also importable: `buildWorkshop({ outdir, plugins })`.
import * as esbuild from 'esbuild';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const WWW = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(WWW);
export const DEFAULT_OUTDIR = path.join(ROOT, 'dist', 'www');
const ENGINE_DIR = path.join(ROOT, 'dist', 'engine');
const ENGINE_FILES = ['postcoach.js', 'postcoach_bg.wasm'];
/** The audit engine ("Your mix": the same engine plus the export reader), loaded by the page only when used. */
const AUDIT_ENGINE = 'audit';
/** Static files copied as they are (relative to www/). */
const STATIC_FILES = ['index.html', 'style.css', 'gallery.json', 'packs/dental-clinic.toml'];

/**
 * Build the page.
 * @param {{ outdir?: string, plugins?: import('esbuild').Plugin[], quiet?: boolean }} [opts]
 *   plugins: extra esbuild plugins (a development harness may use one to stand in for a missing dependency).
 * @returns {Promise<{ outdir: string, files: string[] }>}
 */
export async function buildWorkshop({ outdir = DEFAULT_OUTDIR, plugins = [], quiet = false } = {}) {
  for (const file of [...ENGINE_FILES, ...ENGINE_FILES.map((f) => path.join(AUDIT_ENGINE, f))]) {
    await fs.access(path.join(ENGINE_DIR, file)).catch(() => {
      throw new Error(`missing dist/engine/${file}: run \`make wasm\` first`);
    });
  }
  await fs.rm(outdir, { recursive: true, force: true });
  await fs.mkdir(path.join(outdir, 'engine', AUDIT_ENGINE), { recursive: true });
  await fs.mkdir(path.join(outdir, 'packs'), { recursive: true });

  await esbuild.build({
    entryPoints: { app: path.join(WWW, 'src', 'main.js') },
    bundle: true,
    format: 'esm',
    target: ['chrome111', 'firefox115', 'safari16'],
    outdir,
    sourcemap: 'linked',
    minify: false,
    legalComments: 'none',
    logLevel: quiet ? 'error' : 'warning',
    plugins,
  });
  for (const file of STATIC_FILES) await fs.copyFile(path.join(WWW, file), path.join(outdir, file));
  for (const file of ENGINE_FILES) {
    await fs.copyFile(path.join(ENGINE_DIR, file), path.join(outdir, 'engine', file));
    await fs.copyFile(path.join(ENGINE_DIR, AUDIT_ENGINE, file), path.join(outdir, 'engine', AUDIT_ENGINE, file));
  }

  // The service worker keeps every built file; its cache name changes whenever any file does.
  const files = (await listFiles(outdir)).filter((f) => !f.endsWith('.map'));
  const hash = crypto.createHash('sha256');
  for (const file of files) hash.update(file).update(await fs.readFile(path.join(outdir, file)));
  const version = hash.digest('hex').slice(0, 12);
  const worker = (await fs.readFile(path.join(WWW, 'sw.js'), 'utf8'))
    .replace('__CACHE_VERSION__', version)
    .replace('[/* __PRECACHE__ */]', JSON.stringify(['./', ...files]));
  await fs.writeFile(path.join(outdir, 'sw.js'), worker);
  if (!quiet) console.log(`workshop page built in ${path.relative(process.cwd(), outdir) || '.'} (${files.length + 1} files, cache ${version})`);
  return { outdir, files: [...files, 'sw.js'] };
}

async function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  buildWorkshop().catch((err) => {
    console.error(err.message || err);
    process.exit(1);
  });
}
