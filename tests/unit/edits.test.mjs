// Pure edit helpers: the expected text of an edit, the one edit between two texts, offset mapping, comparison.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffEdit, editMapping, sameDraft, spliceText } from '../../web/overlay/text/edits.js';

test('spliceText replaces, inserts and removes in UTF-16 offsets', () => {
  assert.equal(spliceText('Hi 😀 Buy now!', 6, 13, 'Have a look'), 'Hi 😀 Have a look!');
  assert.equal(spliceText('ab', 1, 1, 'X'), 'aXb');
  assert.equal(spliceText('a big b', 1, 5, ''), 'a b');
});

test('diffEdit finds the one edit, and applying it gives the other text', () => {
  const cases = [['Buy now!', 'So, Buy now!'], ['Thanks Buy now', 'ThanksBuy now'], ['same', 'same'], ['', 'new'], ['abc', '']];
  for (const [before, after] of cases) {
    const edit = diffEdit(before, after);
    assert.equal(spliceText(before, edit.start, edit.end, edit.text), after, `${before} -> ${after}`);
  }
  assert.deepEqual(diffEdit('aaa', 'aaaa'), { start: 3, end: 3, text: 'a' });
});

test('editMapping moves offsets after the edit and drops those inside it', () => {
  const map = editMapping('Hello world, buy now', 'Hello big world, buy now');
  assert.equal(map(0), 0);
  assert.equal(map(6), 6);
  assert.equal(map(13), 17);
  const removal = editMapping('one two three', 'one three');
  // 'one two three' -> 'one three': the shortest edit removes "wo t" (offsets 5 to 9)
  assert.equal(removal(6), null);
  assert.equal(removal(9), 5);
  assert.equal(removal(12), 8);
});

test('sameDraft treats a no-break space as a space, nothing else', () => {
  assert.ok(sameDraft('Buy\u00a0now ', 'Buy now\u00a0'));
  assert.ok(!sameDraft('Buy now', 'Buy now!'));
  assert.ok(!sameDraft('Buy\u200bnow', 'Buy now'));
});
