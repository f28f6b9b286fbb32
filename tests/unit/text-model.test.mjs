// The contenteditable text model: how editors' DOM reads as a draft, and how offsets map back to DOM positions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positionAt, readTextModel, textNodeOffset } from '../../web/overlay/text/model.js';
import { h, t } from './fake-dom.mjs';

test('paragraphs are lines; a lone <br> in an empty paragraph is an empty line', () => {
  const root = h('div', h('p', 'First'), h('p', h('br')), h('p', 'Third'));
  assert.equal(readTextModel(root).text, 'First\n\nThird');
});

test('a <br> inside a paragraph is a line break; no trailing break from the last block', () => {
  const root = h('div', h('p', 'a', h('br'), 'b'), h('p', 'c'));
  assert.equal(readTextModel(root).text, 'a\nb\nc');
  assert.equal(readTextModel(h('div', h('p', h('br')))).text, '', 'an empty editor is an empty draft');
});

test('inline elements are transparent; scripts, styles and aria-hidden placeholders are left out', () => {
  const root = h('div', h('p', h('span', 'Buy '), h('strong', 'now'), h('style', 'p{}'),
    h('span', { 'aria-hidden': 'true' }, "What's happening?")));
  assert.equal(readTextModel(root).text, 'Buy now');
});

test('no-break spaces that editors write for spaces read as spaces, without moving offsets', () => {
  const root = h('div', h('p', 'We\u00a0help ', h('b', 'you\u00a0')));
  const { text, segments } = readTextModel(root);
  assert.equal(text, 'We help you ');
  assert.deepEqual(segments.map((s) => [s.start, s.end]), [[0, 8], [8, 12]]);
});

test("Slate's zero-width text nodes in empty lines are not text", () => {
  // <div><p>a</p><p><span data-slate-zero-width="n">\uFEFF<br></span></p><p>b</p></div>
  const root = h('div', h('p', 'a'), h('p', h('span', '\ufeff', h('br'))), h('p', 'b'));
  assert.equal(readTextModel(root).text, 'a\n\nb');
});

test('segments count UTF-16 units (an emoji is two) and map offsets back to text nodes', () => {
  const hi = t('Hi 😀 ');
  const buy = t('Buy now');
  const root = h('div', h('p', hi, h('b', buy)));
  const { text, segments } = readTextModel(root);
  assert.equal(text, 'Hi 😀 Buy now');
  assert.deepEqual(segments.map((s) => [s.start, s.end]), [[0, 6], [6, 13]]);
  assert.deepEqual(positionAt(root, segments, 7, 'start'), { node: buy, offset: 1 });
  // at a boundary: 'start' prefers the next node, 'end' the previous one
  assert.deepEqual(positionAt(root, segments, 6, 'start'), { node: buy, offset: 0 });
  assert.deepEqual(positionAt(root, segments, 6, 'end'), { node: hi, offset: 6 });
  assert.equal(textNodeOffset(segments, buy, 3), 9);
  assert.equal(textNodeOffset(segments, t('elsewhere'), 0), null);
});

test('an offset at a <br>: before it with start affinity, the end of the text before with end affinity', () => {
  const br = h('br');
  const p = h('p', 'a', br, 'b');
  const root = h('div', p);
  const { segments } = readTextModel(root);
  assert.deepEqual(positionAt(root, segments, 1, 'start'), { node: p, offset: 1 });
  assert.deepEqual(positionAt(root, segments, 1, 'end'), { node: p.firstChild, offset: 1 });
  assert.deepEqual(positionAt(root, segments, 99, 'end'), { node: root, offset: 1 });
  const empty = h('div');
  assert.deepEqual(positionAt(empty, readTextModel(empty).segments, 0, 'start'), { node: empty, offset: 0 });
});
