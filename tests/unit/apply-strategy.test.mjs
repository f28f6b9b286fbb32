// Which input paths an edit takes, in which order, and how each outcome is judged: the decisions that keep an
// editor's model and its DOM in step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { beforeInputFor, inputPaths, judge } from '../../web/overlay/apply/strategy.js';

test('a contenteditable is offered the edit as beforeinput first, the browser editing command last', () => {
  assert.deepEqual(inputPaths({ kind: 'contenteditable', text: 'Have a look' }), ['beforeinput', 'execCommand']);
  assert.deepEqual(inputPaths({ kind: 'contenteditable', text: '' }), ['beforeinput', 'execCommand']);
  assert.deepEqual(inputPaths({ kind: 'contenteditable', text: 'One.\n\nTwo?' }), ['beforeinput', 'paste', 'execCommand']);
});

test('a textarea keeps its native undo: execCommand, then setRangeText', () => {
  assert.deepEqual(inputPaths({ kind: 'textarea', text: 'x' }), ['execCommand', 'setRangeText']);
  assert.deepEqual(inputPaths({ kind: 'textarea', text: 'a\nb' }), ['execCommand', 'setRangeText']);
});

test('the beforeinput asks for a replacement, or a deletion for an empty text', () => {
  // insertReplacementText, not insertText: Slate handles a collapsed insertText "natively" (it waits for the
  // browser to insert, which a synthetic event never does)
  const page = { pageReadsOurData: true };
  assert.deepEqual(beforeInputFor('Have a look', page), { inputType: 'insertReplacementText', data: 'Have a look', plainText: true });
  assert.deepEqual(beforeInputFor('', page), { inputType: 'deleteContentBackward', data: null, plainText: false });
  // a Firefox content script: the page cannot read our DataTransfer, so one line goes as data only
  const firefox = { pageReadsOurData: false };
  assert.equal(beforeInputFor('Have a look', firefox).plainText, false);
  assert.equal(beforeInputFor('One.\n\nTwo?', firefox).plainText, true, 'lines need text/plain to become paragraphs');
});

test('judge: applied only when the field holds exactly the expected text', () => {
  const before = 'Thanks. Buy now!';
  const expected = 'Thanks. Have a look!';
  assert.equal(judge({ before, expected, after: expected, claimed: true }), 'applied');
  assert.equal(judge({ before, expected, after: 'Thanks. Have\u00a0a look!', claimed: false }), 'applied');
  assert.equal(judge({ before, expected, after: before, claimed: false }), 'untouched');
  // an editor that claimed the edit but did not change: never follow with a path that bypasses it
  assert.equal(judge({ before, expected, after: before, claimed: true }), 'refused');
  // the corruption users report: the DOM changed one way, the model another
  assert.equal(judge({ before, expected, after: 'ThanksBuy now! Have a look!', claimed: true }), 'broken');
});
