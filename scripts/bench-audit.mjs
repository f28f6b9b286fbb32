#!/usr/bin/env node
// `postcoach audit` on large synthetic exports: writes a LinkedIn Shares.csv and a Facebook your_posts_1.json
// of N invented posts each (default 10,000 and 100,000; commentary with commas, quotes and line breaks, Facebook's
// mojibake, a share without text every 50), runs the release binary on each under /usr/bin/time and prints the
// wall time, the posts per second, the peak memory (max RSS) and the share of sales pitches found (the run fails
// if fewer posts were audited than written). Flat memory shows as the same peak at 10k and 100k posts.
// Usage: node scripts/bench-audit.mjs [N...]   (build first: cargo build --release)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(10_000, 100_000);
const bin = path.resolve('target/release/postcoach');
if (!fs.existsSync(bin)) {
  console.error('no target/release/postcoach; run cargo build --release first');
  process.exit(1);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postcoach-audit-bench-'));

// Invented sentences, mixed by a fixed pseudo-random sequence so every run audits the same posts.
const openers = [
  'What is one thing a customer taught you this year?',
  'We are thrilled to announce our brand new, industry-leading platform!',
  'Three lessons from running our first workshop, and what I would do differently.',
  'BUY NOW!!! 50% OFF every plan, today only.',
  'Thanks to everyone who came on Saturday, and to Priya for the "hard" questions.',
  'Struggling with your pricing? DM me "GROWTH" and I will send the guide.',
  'Here is the checklist we use before every launch, free for anyone who wants it.',
];
const middles = [
  'It took us two years, a lot of coffee, and one very patient client to get here.',
  'Link in bio, hurry, only 3 spots left!!!',
  'The short version: listen first, then talk, then write it down.',
  'Our award-winning team is the best in the business, guaranteed.',
  'Step one is boring: write down what you actually do each week, for two weeks.',
  'Limited time offer, do not miss out, sale ends tonight.',
];
const closers = [
  'What would you add?',
  'Sign up today and get free shipping!',
  'I would love to hear how you handle it.',
  'Book your call now.',
  '',
];
let seed = 42;
const next = (n) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};
function post() {
  const parts = [openers[next(openers.length)]];
  for (let i = next(4); i >= 0; i -= 1) parts.push(middles[next(middles.length)]);
  parts.push(closers[next(closers.length)]);
  return parts.join(next(3) === 0 ? '\n\n' : ' ').trim();
}
const day = (i, n) => new Date(Date.UTC(2022, 0, 1) + Math.floor((i / n) * 3 * 365) * 86_400_000);

function linkedin(n, file) {
  const out = fs.createWriteStream(file);
  out.write('Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n');
  for (let i = 0; i < n; i += 1) {
    const text = i % 50 === 49 ? '' : `"${post().replaceAll('"', '""')}"`;
    const date = day(i, n).toISOString().replace('T', ' ').slice(0, 19);
    out.write(`${date},https://www.linkedin.com/feed/update/urn:li:share:${i},${text},,,MEMBER_NETWORK\n`);
  }
  return new Promise((resolve) => out.end(resolve));
}

function facebook(n, file) {
  const out = fs.createWriteStream(file);
  // Facebook writes each UTF-8 byte as its own \u00XX escape.
  const mojibake = (s) => JSON.stringify(Buffer.from(`${s} Thanks, café crew 😊`, 'utf8').toString('latin1'))
    .replace(/[\u0080-\u00ff]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
  out.write('[\n');
  for (let i = 0; i < n; i += 1) {
    const ts = Math.floor(day(i, n).getTime() / 1000);
    const data = i % 50 === 49 ? '' : `, "data": [{"post": ${mojibake(post())}}]`;
    out.write(`  {"timestamp": ${ts}${data}, "title": "Ada Example updated her status."}${i + 1 < n ? ',' : ''}\n`);
  }
  out.write(']\n');
  return new Promise((resolve) => out.end(resolve));
}

console.log('| export | entries | file | wall time | posts/s | peak memory (max RSS) | sales pitch |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [name, write] of [['Shares.csv', linkedin], ['your_posts_1.json', facebook]]) {
  for (const n of sizes) {
    const file = path.join(dir, `${n}-${name}`);
    await write(n, file);
    const timing = path.join(dir, 'time.txt');
    const audit = JSON.parse(execFileSync('/usr/bin/time', ['-f', '%e %M', '-o', timing, bin, 'audit', '--json', file], {
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 26,
    }));
    const expected = n - Math.floor(n / 50);  // every 50th entry has no text
    if (audit.posts !== expected) throw new Error(`${name}: audited ${audit.posts} posts, expected ${expected}`);
    const [seconds, kb] = fs.readFileSync(timing, 'utf8').trim().split(/\s+/).map(Number);
    const mb = (fs.statSync(file).size / 1e6).toFixed(1);
    const rate = Math.round(n / seconds).toLocaleString('en');
    console.log(`| ${name} | ${n.toLocaleString('en')} | ${mb} MB | ${seconds.toFixed(2)} s | ${rate} | ${(kb / 1024).toFixed(1)} MiB | ${audit.aim.sales_pitch_percent}% |`);
    fs.rmSync(file);
  }
}
fs.rmSync(dir, { recursive: true });
