#!/usr/bin/env node
/**
 * Builds the extension for Chrome and Firefox from one source (esbuild, no framework).
 *
 *   node extension/build.mjs           dist/chrome/ and dist/firefox/ (unpacked)
 *   node extension/build.mjs --zip     ... plus dist/postcoach-chrome.zip and dist/postcoach-firefox.zip
 *   node extension/build.mjs --test    dist/chrome-test/: also runs on http://127.0.0.1 fixture pages, which name
 *                                      the site they imitate (?postcoach-site=linkedin). Never shipped.
 *
 * The manifest is manifest.base.json + manifest.<browser>.json. The engine (postcoach.js + postcoach_bg.wasm) is
 * taken from dist/engine (`make wasm`), or from $POSTCOACH_ENGINE_DIR.
 */
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { iconPng } from './icons.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const DIST = path.join(ROOT, 'dist');
const ENGINE_DIR = path.resolve(process.env.POSTCOACH_ENGINE_DIR || path.join(DIST, 'engine'));
const ENGINE_FILES = ['postcoach.js', 'postcoach_bg.wasm'];
const TEST_MATCH = 'http://127.0.0.1/*';

const readJson = (file) => JSON.parse(fs.readFileSync(path.join(HERE, file), 'utf8'));

function manifestFor(browser, { test }) {
  const manifest = { ...readJson('manifest.base.json'), ...readJson(`manifest.${browser}.json`) };
  manifest.version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version || manifest.version;
  if (test) {
    manifest.name += ' (test build)';
    manifest.content_scripts = manifest.content_scripts.map((cs) => ({ ...cs, matches: [...cs.matches, TEST_MATCH] }));
    manifest.host_permissions = [...manifest.host_permissions, TEST_MATCH];
  }
  return manifest;
}

/** esbuild plugin: the background imports '../../engine/postcoach.js'; bundle it from ENGINE_DIR. */
const enginePlugin = {
  name: 'postcoach-engine',
  setup(build) {
    build.onResolve({ filter: /engine\/postcoach\.js$/ }, () => ({ path: path.join(ENGINE_DIR, 'postcoach.js') }));
  },
};

export async function buildExtension(browser, { test = false, outDir } = {}) {
  const out = outDir || path.join(DIST, test ? `${browser}-test` : browser);
  for (const file of ENGINE_FILES) {
    if (!fs.existsSync(path.join(ENGINE_DIR, file))) throw new Error(`missing ${path.join(ENGINE_DIR, file)}: run \`make wasm\` first`);
  }
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.join(out, 'engine'), { recursive: true });
  fs.mkdirSync(path.join(out, 'icons'), { recursive: true });

  const common = {
    bundle: true, minifySyntax: true, sourcemap: false, target: ['chrome111', 'firefox128'], legalComments: 'none',
    define: { __POSTCOACH_TEST__: String(test) }, logLevel: 'warning', charset: 'utf8',
  };
  const src = (p) => path.join(HERE, 'src', p);
  await Promise.all([
    // content scripts are classic scripts
    esbuild.build({ ...common, entryPoints: [src('content/index.js')], outfile: path.join(out, 'content.js'), format: 'iife' }),
    esbuild.build({ ...common, entryPoints: [src('background/index.js')], outfile: path.join(out, 'background.js'), format: 'esm', plugins: [enginePlugin],
      define: { ...common.define, __POSTCOACH_STATIC_ENGINE__: 'true' } }),
    esbuild.build({ ...common, entryPoints: [src('popup/index.js')], outfile: path.join(out, 'popup.js'), format: 'esm' }),
    esbuild.build({ ...common, entryPoints: [src('options/index.js')], outfile: path.join(out, 'options.js'), format: 'esm' }),
  ]);
  fs.copyFileSync(src('popup/popup.html'), path.join(out, 'popup.html'));
  fs.copyFileSync(src('options/options.html'), path.join(out, 'options.html'));
  fs.copyFileSync(src('common/pages.css'), path.join(out, 'pages.css'));
  // the wasm is loaded by the background; the glue JS is bundled into background.js
  fs.copyFileSync(path.join(ENGINE_DIR, 'postcoach_bg.wasm'), path.join(out, 'engine', 'postcoach_bg.wasm'));
  for (const size of [16, 32, 48, 128]) fs.writeFileSync(path.join(out, 'icons', `icon-${size}.png`), iconPng(size));
  fs.writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifestFor(browser, { test }), null, 2)}\n`);
  return out;
}

function zip(dir, file) {
  fs.rmSync(file, { force: true });
  execFileSync('zip', ['-q', '-r', '-X', file, '.'], { cwd: dir });
}

async function main() {
  const args = new Set(process.argv.slice(2));
  if (args.has('--test')) {
    console.log(`built ${path.relative(ROOT, await buildExtension('chrome', { test: true }))}`);
    return;
  }
  for (const browser of ['chrome', 'firefox']) {
    const out = await buildExtension(browser);
    console.log(`built ${path.relative(ROOT, out)}`);
    if (args.has('--zip')) {
      const file = path.join(DIST, `postcoach-${browser}.zip`);
      zip(out, file);
      console.log(`packed ${path.relative(ROOT, file)}`);
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => { console.error(error.message || error); process.exit(1); });
}
