import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { SpawnOptions } from 'node:child_process';
import {
  ensureServer, findJava, InkmathError, resolveServerCommand, ServerClient, type ServerSettings, type SystemDeps,
} from '../src/server';
import { FakeChild, freePort, startFakeServer, type FakeServer } from './fakes';

const settings = (over: Partial<ServerSettings> = {}): ServerSettings => ({
  port: 8765, serverCommand: [], jar: '', home: '', searchFolders: [], startTimeoutMs: 5000, ...over,
});

/** A file system holding exactly `files`, with /usr/bin on PATH. */
const system = (files: string[], env: NodeJS.ProcessEnv = { PATH: '/usr/bin' }) => ({
  isFile: (f: string) => files.includes(f), env, platform: 'linux' as NodeJS.Platform,
});

test('java is found on PATH, or under JAVA_HOME', () => {
  assert.equal(findJava(system(['/usr/bin/java'])), '/usr/bin/java');
  assert.equal(findJava(system(['/opt/jdk/bin/java'], { PATH: '/usr/bin', JAVA_HOME: '/opt/jdk' })), '/opt/jdk/bin/java');
  assert.equal(findJava(system([])), undefined);
});

test('the launcher of inkmath.home runs serve on the configured port', () => {
  const command = resolveServerCommand(settings({ home: '/src/inkmath', port: 9000 }), system(['/usr/bin/java', '/src/inkmath/inkmath']));
  assert.deepEqual([command.command, ...command.args], ['/src/inkmath/inkmath', 'serve', '--port', '9000', '--timeout', '120']);
  assert.equal(command.cwd, '/src/inkmath');
});

test('without inkmath.home a workspace folder holding the launcher is used', () => {
  const command = resolveServerCommand(settings({ searchFolders: ['/w/notes', '/w/inkmath'] }),
    system(['/usr/bin/java', '/w/inkmath/inkmath']));
  assert.equal(command.command, '/w/inkmath/inkmath');
});

test('inkmath.jar runs java with the jar and its lib folder', () => {
  const command = resolveServerCommand(settings({ jar: '/opt/inkmath/inkmath-cli.jar' }),
    system(['/usr/bin/java', '/opt/inkmath/inkmath-cli.jar']));
  assert.equal(command.command, '/usr/bin/java');
  assert.deepEqual(command.args.slice(1), ['-cp', `/opt/inkmath/inkmath-cli.jar:${path.join('/opt/inkmath/lib', '*')}`,
    'org.inkmath.cli.InkMath', 'serve', '--port', '8765', '--timeout', '120']);
});

test('inkmath.serverCommand wins and gets the port substituted', () => {
  const command = resolveServerCommand(settings({ serverCommand: ['my-inkmath', 'serve', '--port=${port}'], home: '/x' }), system([]));
  assert.deepEqual([command.command, ...command.args], ['my-inkmath', 'serve', '--port=8765']);
});

test('what is missing is named: java, the jar, the launcher, or where inkmath is', () => {
  const fails = (s: ServerSettings, files: string[], pattern: RegExp): void => {
    assert.throws(() => resolveServerCommand(s, system(files)), (e: unknown) => e instanceof InkmathError && pattern.test(e.message));
  };
  fails(settings({ jar: '/opt/a.jar' }), ['/opt/a.jar'], /Java is not installed or not on PATH/);
  fails(settings({ home: '/src/inkmath' }), ['/src/inkmath/inkmath'], /Java is not installed/);
  fails(settings({ jar: '/opt/a.jar' }), ['/usr/bin/java'], /The inkmath jar \/opt\/a.jar \(setting inkmath.jar\) does not exist/);
  fails(settings({ home: '/nowhere' }), ['/usr/bin/java'], /no inkmath launcher in \/nowhere \(setting inkmath.home\)/);
  fails(settings(), ['/usr/bin/java'], /set inkmath.home .* or inkmath.jar/);
});

test('the client reads recognitions, renders and turns error answers into messages', async (t) => {
  const fake = await startFakeServer();
  t.after(() => fake.close());
  const client = new ServerClient(fake.port);
  assert.deepEqual(await client.health(), { status: 'ok', model: { name: 'tiny-test', status: 'untrained' } });
  const result = await client.recognize([[[0, 0, 0], [5, 5, 10]], [[1, 1, 20]]], { strategy: 'greedy', nbest: 3 });
  assert.equal(result.latex, 'x^{2}');
  assert.equal(result.confidence, 0.8);
  assert.deepEqual(result.alternatives.map((a) => a.latex), ['x^{2}', 'x^{z}']);
  assert.equal(fake.recognized[0].query, '?strategy=greedy&nbest=3');
  assert.deepEqual(fake.recognized[0].strokes, [[[0, 0, 0], [5, 5, 10]], [[1, 1, 20]]]);
  await client.recognize([[[0, 0, 0]]], { strategy: 'default', nbest: 2 });
  assert.equal(fake.recognized[1].query, '?nbest=2', "the server's default strategy is not overridden");
  const image = await client.renderPng('\\frac{a}{b}');
  assert.equal(Buffer.from(image.replace('data:image/png;base64,', ''), 'base64').toString(), 'PNG:\\frac{a}{b}');
  const waits: number[] = [];
  const asked = fake.recognized.length;
  await assert.rejects(client.recognize(Array(6).fill([[0, 0, 0]]), {}, 5000, async (ms) => { waits.push(ms); }),
    (e: unknown) => e instanceof InkmathError && e.message === 'the inkmath server answered 503: busy (the queue is full); try again in 2 s');
  assert.deepEqual(waits, [2000, 2000], 'a busy server is asked twice more, after its Retry-After');
  assert.equal(fake.recognized.length - asked, 3);
});

test('nothing listening: health is undefined and calls say the server cannot be reached', async () => {
  const client = new ServerClient(await freePort());
  assert.equal(await client.health(), undefined);
  await assert.rejects(client.recognize([[[0, 0, 0]]]), /cannot reach the inkmath server at http:\/\/127.0.0.1:\d+/);
});

function deps(spawn: SystemDeps['spawn']): SystemDeps {
  return { spawn, ...system(['/usr/bin/java', '/src/inkmath/inkmath']), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };
}

test('a server that answers already is used, nothing is started', async (t) => {
  const fake = await startFakeServer();
  t.after(() => fake.close());
  const server = await ensureServer(new ServerClient(fake.port), settings({ port: fake.port }),
    deps(() => assert.fail('nothing should be spawned')));
  assert.equal(server.child, undefined);
  assert.equal(server.health.model?.name, 'tiny-test');
});

test('no server: the launcher is spawned and waited for until /health answers', async (t) => {
  const port = await freePort();
  const spawned: { command: string; args: readonly string[]; options: SpawnOptions }[] = [];
  let fake: FakeServer | undefined;
  t.after(() => fake?.close());
  const child = new FakeChild();
  const announced: string[] = [];
  const server = await ensureServer(new ServerClient(port), settings({ port, home: '/src/inkmath' }), deps((command, args, options) => {
    spawned.push({ command, args, options });
    // the "server" comes up a little later, as a JVM would
    setTimeout(() => { void startFakeServer(port).then((f) => { fake = f; }); }, 300);
    return child.asChild();
  }), (command) => announced.push(command.origin));
  assert.deepEqual(spawned.map((s) => [s.command, ...s.args]), [['/src/inkmath/inkmath', 'serve', '--port', String(port), '--timeout', '120']]);
  assert.equal(spawned[0].options.cwd, '/src/inkmath');
  assert.deepEqual(announced, ['the launcher /src/inkmath/inkmath']);
  assert.equal(server.child, child.asChild());
  assert.equal(server.health.status, 'ok');
});

test('a server that exits at once is reported with its last output', async () => {
  const port = await freePort();
  const child = new FakeChild();
  await assert.rejects(ensureServer(new ServerClient(port), settings({ port, home: '/src/inkmath' }), deps(() => {
    setTimeout(() => {
      child.stderr.write('inkmath: no model: the build has no default model; pass --model FILE\n');
      setTimeout(() => { child.exitCode = 3; child.emit('exit', 3, null); }, 20);
    }, 20);
    return child.asChild();
  })), (e: unknown) => e instanceof InkmathError
    && /did not start with the launcher \/src\/inkmath\/inkmath: it exited with code 3/.test(e.message)
    && /no model: the build has no default model/.test(e.message));
});

test('a server that never answers is stopped after the timeout and reported', async () => {
  const port = await freePort();
  const child = new FakeChild();
  const started = Date.now();
  await assert.rejects(ensureServer(new ServerClient(port), settings({ port, home: '/src/inkmath', startTimeoutMs: 600 }),
    deps(() => child.asChild())),
  (e: unknown) => e instanceof InkmathError && /did not answer on port \d+ within 1 s \(setting inkmath.startTimeoutSeconds\)/.test(e.message));
  assert.ok(child.killed, 'the child is stopped');
  assert.ok(Date.now() - started < 5000);
});

test('a command that cannot be run (spawn error) is reported', async () => {
  const port = await freePort();
  const child = new FakeChild();
  await assert.rejects(ensureServer(new ServerClient(port), settings({ port, serverCommand: ['no-such-inkmath'] }), deps(() => {
    setTimeout(() => child.emit('error', new Error('spawn no-such-inkmath ENOENT')), 10);
    return child.asChild();
  })), /did not start with the setting inkmath.serverCommand: it could not be run \(spawn no-such-inkmath ENOENT\)/);
});

test('a real child process is started with the system spawn and stopped with its process group', async (t) => {
  const { systemDeps, stopServer } = await import('../src/server');
  const port = await freePort();
  const script = path.join(__dirname, 'fake-inkmath-server.js');
  const server = await ensureServer(new ServerClient(port),
    settings({ port, serverCommand: [process.execPath, script, '${port}'], startTimeoutMs: 10_000 }), systemDeps());
  const child = server.child;
  assert.ok(child, 'started by the extension');
  t.after(() => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); });
  assert.equal((await new ServerClient(port).health())?.status, 'ok');
  const exited = new Promise((resolve) => child.on('exit', resolve));
  stopServer(child);
  await exited;
  assert.equal(await new ServerClient(port).health(500), undefined);
});
