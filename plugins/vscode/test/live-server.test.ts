// Against the real `inkmath serve`, started by the extension's own code from a jar, when one is
// named: INKMATH_JAR=plugins/cli/target/inkmath-cli.jar [INKMATH_MODEL=file.safetensors] npm test.
// Skipped otherwise (the unit tests use a fake server; building the jar needs Maven).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ensureServer, resolveServerCommand, ServerClient, stopServer, systemDeps } from '../src/server';
import { freePort } from './fakes';

const JAR = process.env.INKMATH_JAR;

test('the real server: started from the jar, recognizes strokes, renders, stops', { timeout: 300_000 }, async (t) => {
  if (!JAR) {
    t.skip('set INKMATH_JAR to plugins/cli/target/inkmath-cli.jar (and INKMATH_MODEL when the build has no model) to run it');
    return;
  }
  const port = await freePort();
  const deps = systemDeps();
  const settings = { port, serverCommand: [] as string[], jar: path.resolve(JAR), home: '', searchFolders: [], startTimeoutMs: 240_000 };
  let base = resolveServerCommand(settings, deps);
  if (process.env.INKMATH_MODEL) {
    base = { ...base, args: [...base.args, '--model', path.resolve(process.env.INKMATH_MODEL)] };
  }
  const started = Date.now();
  const server = await ensureServer(new ServerClient(port), { ...settings, serverCommand: [base.command, ...base.args] }, deps);
  const startMs = Date.now() - started;
  assert.ok(server.child, 'the extension started it');
  t.after(() => stopServer(server.child!));
  const client = new ServerClient(port);
  // "x^2" as a pad would post it: two crossing lines, then a small 2 up right
  const strokes = [
    [[10, 40, 0], [20, 50, 20], [30, 60, 40], [40, 70, 60]],
    [[40, 40, 200], [30, 50, 220], [20, 60, 240], [10, 70, 260]],
    [[50, 20, 500], [55, 15, 520], [62, 18, 540], [60, 25, 560], [50, 35, 580], [64, 35, 600]],
  ] as const;
  const first = Date.now();
  const result = await client.recognize(strokes as never, { strategy: 'greedy', nbest: 3 }, 200_000);
  const firstMs = Date.now() - first;
  assert.equal(typeof result.latex, 'string');
  assert.ok(result.model?.name, 'the answer names its model');
  const again = Date.now();
  const second = await client.recognize(strokes as never, { strategy: 'greedy', nbest: 3 }, 200_000);
  const secondMs = Date.now() - again;
  assert.equal(second.latex, result.latex, 'the same ink reads the same');
  const image = await client.renderPng('x^{2}');
  assert.match(image, /^data:image\/png;base64,iVBORw0KGgo/, 'a PNG');
  console.log(`live server: started in ${startMs} ms; first recognition ${firstMs} ms, second ${secondMs} ms: ${JSON.stringify(result.latex)} `
    + `(${result.alternatives.length} alternatives, model ${result.model?.name}/${result.model?.status})`);
  const exited = new Promise((resolve) => server.child!.on('exit', resolve));
  stopServer(server.child!);
  await exited;
  assert.equal(await client.health(500), undefined, 'stopped');
});
