import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { PadController, type PadHost } from '../src/controller';
import type { HostMessage, ModelInfo, Stroke } from '../src/protocol';
import { InkmathError, type Recognition } from '../src/server';

const MODEL: ModelInfo = { name: 'tiny-test', status: 'untrained' };

function host(over: Partial<PadHost> = {}) {
  const posted: HostMessage[] = [];
  const errors: string[] = [];
  const recognized: (readonly Stroke[])[] = [];
  const inserted: string[] = [];
  let connects = 0;
  const h: PadHost = {
    post: (m) => posted.push(m),
    connect: async () => { connects++; return MODEL; },
    recognize: async (strokes): Promise<Recognition> => {
      recognized.push(strokes);
      return { latex: 'a+b', confidence: 0.5, valid: true, alternatives: [{ latex: 'a+b', score: -1 }, { latex: 'a+6', score: -2 }], model: MODEL };
    },
    render: async (latex) => `data:image/png;base64,${Buffer.from(latex).toString('base64')}`,
    insert: async (latex) => { inserted.push(latex); return 'notes.md'; },
    showError: (m) => errors.push(m),
    ...over,
  };
  return { h, posted, errors, recognized, inserted, connects: () => connects };
}

test('ready connects once and tells the pad the model', async () => {
  const t = host();
  const controller = new PadController(t.h);
  await controller.receive({ type: 'ready' });
  await controller.receive({ type: 'recognize', id: 1, strokes: [[[0, 0, 0]]] });
  assert.equal(t.connects(), 1);
  assert.deepEqual(t.posted[0], { type: 'server', state: 'ready', model: MODEL,
    message: 'Connected to the inkmath server (model tiny-test). Write a formula below.' });
});

test('strokes are recognized and the result goes back with the request id', async () => {
  const t = host();
  await new PadController(t.h).receive({ type: 'recognize', id: 7, strokes: [[[0, 0, 0], [1, 1, 5]]] });
  assert.deepEqual(t.recognized, [[[[0, 0, 0], [1, 1, 5]]]]);
  assert.deepEqual(t.posted.at(-1), { type: 'result', id: 7, latex: 'a+b', confidence: 0.5, valid: true,
    alternatives: [{ latex: 'a+b', score: -1 }, { latex: 'a+6', score: -2 }], model: MODEL });
});

test('a failed recognition is an error for that request, shown in the pad', async () => {
  const t = host({ recognize: async () => { throw new InkmathError('the inkmath server answered 504: timeout'); } });
  await new PadController(t.h).receive({ type: 'recognize', id: 2, strokes: [[[0, 0, 0]]] });
  assert.deepEqual(t.posted.at(-1), { type: 'error', id: 2, message: 'Recognition failed: the inkmath server answered 504: timeout' });
});

test('a server that cannot start is reported in the pad and in VS Code, and retried next time', async () => {
  let attempts = 0;
  const t = host({ connect: async (onStarting) => {
    attempts++;
    onStarting('Starting the inkmath server with the launcher /x/inkmath…');
    if (attempts === 1) throw new InkmathError('Java is not installed or not on PATH');
    return MODEL;
  } });
  const controller = new PadController(t.h);
  await controller.receive({ type: 'recognize', id: 1, strokes: [[[0, 0, 0]]] });
  assert.deepEqual(t.errors, ['Java is not installed or not on PATH']);
  assert.deepEqual(t.posted.map((m) => m.type === 'server' ? m.state : m.type), ['starting', 'failed']);
  assert.equal(t.recognized.length, 0);
  await controller.receive({ type: 'recognize', id: 2, strokes: [[[0, 0, 0]]] });
  assert.equal(attempts, 2);
  assert.equal(t.posted.at(-1)?.type, 'result');
});

test('insert puts the chosen LaTeX into the editor and says where', async () => {
  const t = host();
  await new PadController(t.h).receive({ type: 'insert', latex: 'a+6' });
  assert.deepEqual(t.inserted, ['a+6']);
  assert.deepEqual(t.posted.at(-1), { type: 'inserted', latex: 'a+6', target: 'notes.md' });
  const failing = host({ insert: async () => { throw new Error('notes.md has been closed'); } });
  await new PadController(failing.h).receive({ type: 'insert', latex: 'x' });
  assert.deepEqual(failing.errors, ['Cannot insert the formula: unexpected error: notes.md has been closed']);
});

test('preview answers with the rendered image; a failed render posts nothing', async () => {
  const t = host();
  await new PadController(t.h).receive({ type: 'preview', latex: 'x' });
  assert.deepEqual(t.posted, [{ type: 'preview', latex: 'x', image: 'data:image/png;base64,eA==' }]);
  const failing = host({ render: async () => { throw new InkmathError('answered 400'); } });
  await new PadController(failing.h).receive({ type: 'preview', latex: 'x' });
  assert.deepEqual(failing.posted, []);
});

test('a malformed message is answered with an error and nothing else happens', async () => {
  const t = host();
  await new PadController(t.h).receive({ type: 'recognize', id: 1, strokes: 'not strokes' });
  assert.deepEqual(t.posted, [{ type: 'error', message: "The pad sent a bad message: 'strokes' must be an array of strokes" }]);
  assert.equal(t.connects(), 0);
});
