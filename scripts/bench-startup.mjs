#!/usr/bin/env node
// How long the wasm engine takes to be ready, as the extension's service worker and the workshop page start
// it: compile and instantiate dist/engine/postcoach_bg.wasm, then the first `analyze` (which builds the engine:
// the rule pack and the learned model, rules/model.tsv). Run `make wasm` first. Prints the median of 7 cold
// starts, each in a fresh Node process so nothing is cached.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

if (process.argv[2] === '--once') {
  const fs = await import('node:fs');
  const t0 = performance.now();
  const engine = await import(new URL('../dist/engine/postcoach.js', import.meta.url));
  const bytes = fs.readFileSync(new URL('../dist/engine/postcoach_bg.wasm', import.meta.url));
  engine.initSync({ module: await WebAssembly.compile(bytes) });
  const t1 = performance.now();
  engine.analyze('Hello there. What do you think?', { platform: 'linkedin' });
  const t2 = performance.now();
  console.log(JSON.stringify({ instantiate: t1 - t0, firstAnalyze: t2 - t1, ready: t2 - t0 }));
  process.exit(0);
}
const runs = Array.from({ length: 7 }, () =>
  JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--once'], { encoding: 'utf8' })),
);
const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[3].toFixed(1);
console.log(`compile + instantiate: ${median('instantiate')} ms; first analyze (builds the engine): ${median('firstAnalyze')} ms`);
console.log(`engine ready: median ${median('ready')} ms over 7 cold starts`);
