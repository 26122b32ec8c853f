import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { MAX_LATEX_LENGTH, MAX_STROKES, parsePadMessage, parseStrokes, ProtocolError } from '../src/protocol';

test('well-formed messages come back typed', () => {
  assert.deepEqual(parsePadMessage({ type: 'ready' }), { type: 'ready' });
  assert.deepEqual(parsePadMessage({ type: 'recognize', id: 3, strokes: [[[1, 2, 0], [3, 4, 16]]] }),
    { type: 'recognize', id: 3, strokes: [[[1, 2, 0], [3, 4, 16]]] });
  assert.deepEqual(parsePadMessage({ type: 'insert', latex: 'x^2' }), { type: 'insert', latex: 'x^2' });
  assert.deepEqual(parsePadMessage({ type: 'preview', latex: 'a' }), { type: 'preview', latex: 'a' });
});

test('points without a time get t = 0', () => {
  assert.deepEqual(parseStrokes([[[1, 2], [3, 4]]]), [[[1, 2, 0], [3, 4, 0]]]);
});

test('malformed messages are refused with a message naming the problem', () => {
  const refused = (value: unknown, pattern: RegExp): void => {
    assert.throws(() => parsePadMessage(value), (e: unknown) => e instanceof ProtocolError && pattern.test(e.message));
  };
  refused(null, /object with a string "type"/);
  refused('ready', /object with a string "type"/);
  refused({ type: 'launch' }, /unknown message type 'launch'/);
  refused({ type: 'recognize', strokes: [[[0, 0]]] }, /integer 'id'/);
  refused({ type: 'recognize', id: 1, strokes: [] }, /no stroke/);
  refused({ type: 'recognize', id: 1, strokes: [[]] }, /stroke 0 must be a non-empty array/);
  refused({ type: 'recognize', id: 1, strokes: [[[0, 0]], [[0, 'a']]] }, /point 0 of stroke 1/);
  refused({ type: 'recognize', id: 1, strokes: [[[0, NaN]]] }, /finite numbers/);
  refused({ type: 'recognize', id: 1, strokes: [[[0, 0, 0, 0]]] }, /\[x, y\] or \[x, y, t\]/);
  refused({ type: 'recognize', id: 1, strokes: Array(MAX_STROKES + 1).fill([[0, 0]]) }, /more than/);
  refused({ type: 'insert' }, /string 'latex'/);
  refused({ type: 'insert', latex: 'x'.repeat(MAX_LATEX_LENGTH + 1) }, /characters long/);
});
