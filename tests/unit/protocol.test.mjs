// The message protocol and the remote engine client, without a browser: packing keeps reports intact, errors
// keep their line and column, and the client retries a stopped worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorFromResponse, errorResponse, packReport, unpackReport } from '../../web/engine/protocol.js';
import { createRemoteEngine } from '../../web/engine/remote.js';

const principle = { id: 'value-first', title: 'Value first', summary: 'Give before you ask.' };
const report = {
  platform: 'linkedin', salesiness: 72, value: 18, verdict: 'sales-pitch', summary: 'Reads like an advert.',
  findings: [
    { rule: 'hard-cta', side: 'sales', scope: 'phrase', principle, message: 'A command to buy.', span: { start: 0, end: 7, start_utf16: 0, end_utf16: 7 }, points: 20, suggestions: [] },
    { rule: 'hard-cta', side: 'sales', scope: 'phrase', principle, message: 'A command to buy.', span: { start: 9, end: 16, start_utf16: 9, end_utf16: 16 }, points: 10, suggestions: [] },
    { rule: 'question', side: 'value', scope: 'post', principle: { id: 'ask', title: 'Ask', summary: 'Invite replies.' }, message: 'You ask.', span: { start: 0, end: 0, start_utf16: 0, end_utf16: 0 }, points: 5, suggestions: [] },
  ],
  stats: { bytes: 16, utf16_len: 16 },
};

test('a packed report carries each rule once and unpacks to the same report', () => {
  const packed = packReport(report);
  assert.equal(Object.keys(packed.rules).length, 2);
  assert.ok(packed.findings.every((f) => !('message' in f) && !('principle' in f)));
  assert.ok(JSON.stringify(packed).length < JSON.stringify(report).length);
  assert.deepEqual(unpackReport(JSON.parse(JSON.stringify(packed))), report);
  assert.equal(packReport(null), null, 'a missing report passes through');
});

test('pack errors keep line and column across the messaging layer', () => {
  const error = Object.assign(new Error('unterminated string'), { line: 2, column: 8 });
  const back = errorFromResponse(errorResponse(error).error);
  assert.deepEqual([back.message, back.line, back.column], ['unterminated string', 2, 8]);
});

test('the remote engine unpacks reports, rejects pack errors and retries a worker that went away', async () => {
  let calls = 0;
  const engine = createRemoteEngine(async (message) => {
    calls++;
    if (calls === 1) throw new Error('Receiving end does not exist');
    if (message.type === 'analyze') return { ok: true, json: JSON.stringify(packReport(report)) };
    return errorResponse(Object.assign(new Error('bad pack'), { line: 1, column: 3 }));
  });
  assert.deepEqual(await engine.analyze('Buy now', { platform: 'linkedin' }), report);
  assert.equal(calls, 2, 'one failed send, one retry');
  await assert.rejects(engine.loadPack('x'), (e) => e.message === 'bad pack' && e.line === 1 && e.column === 3);
});
