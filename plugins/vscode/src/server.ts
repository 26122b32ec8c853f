/**
 * Talking to the local inkmath server, and starting it when none answers. No `vscode` import:
 * the spawn, the file checks and the environment are passed in, so node's test runner can drive
 * all of it with a fake spawn and a real HTTP server on localhost.
 *
 * Example:
 * ```ts
 * const client = new ServerClient(8765);
 * const server = await ensureServer(client, settings, systemDeps());   // starts it if needed
 * const result = await client.recognize([[[0, 0, 0], [10, 10, 16]]], {strategy: 'greedy'});
 * server.child?.kill();                                                  // on deactivate
 * ```
 */
import * as http from 'node:http';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import type { Candidate, ModelInfo, Stroke } from './protocol';

/** An error meant for the user: its message says what is wrong and what to do. */
export class InkmathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InkmathError';
  }
}

/** An error answer of the server (status 4xx/5xx); busy (503) answers say when to try again. */
export class ServerAnswerError extends InkmathError {
  constructor(message: string, readonly status: number, readonly retryAfterSeconds?: number) {
    super(message);
    this.name = 'ServerAnswerError';
  }
}

/** How often a busy (503) recognition is tried again, and the longest wait honoured. */
const BUSY_RETRIES = 2;
const MAX_RETRY_WAIT_MS = 5000;

/** The answer of `POST /api/recognize`, reduced to what the pad shows. */
export interface Recognition {
  readonly latex: string;
  readonly confidence: number;
  readonly valid: boolean;
  readonly alternatives: readonly Candidate[];
  readonly model?: ModelInfo;
}

/** The answer of `GET /health`. */
export interface Health {
  readonly status: string;
  readonly model?: ModelInfo;
}

export interface RecognizeOptions {
  /** Absent or "default": the server's own default decoding. */
  readonly strategy?: 'default' | 'greedy' | 'beam' | 'bidirectional';
  readonly nbest?: number;
}

interface HttpAnswer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

/** Largest answer body read from the server (a rendered image is far smaller). */
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/** HTTP calls to the server on 127.0.0.1:port. */
export class ServerClient {
  constructor(readonly port: number, readonly host = '127.0.0.1') {}

  get baseUrl(): string {
    return `http://${this.host}:${this.port}`;
  }

  private request(method: string, pathAndQuery: string, body: Buffer | undefined, timeoutMs: number): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      const req = http.request({
        host: this.host, port: this.port, method, path: pathAndQuery, agent: false,
        headers: body ? { 'Content-Type': 'application/json', 'Content-Length': body.length } : {},
      }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) {
            req.destroy(new InkmathError(`the server's answer is larger than ${MAX_ANSWER_BYTES} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.setTimeout(timeoutMs, () => req.destroy(new InkmathError(
        `the inkmath server at ${this.baseUrl} did not answer within ${Math.round(timeoutMs / 1000)} s`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  /** `GET /health`; undefined when nothing answers (or something that is not inkmath does). */
  async health(timeoutMs = 2000): Promise<Health | undefined> {
    try {
      const answer = await this.request('GET', '/health', undefined, timeoutMs);
      if (answer.status !== 200) return undefined;
      const json: unknown = JSON.parse(answer.body.toString('utf8'));
      if (typeof json !== 'object' || json === null || typeof (json as { status?: unknown }).status !== 'string') {
        return undefined;
      }
      const health = json as { status: string; model?: unknown };
      return { status: health.status, model: modelInfo(health.model) };
    } catch {
      return undefined;
    }
  }

  /**
   * `POST /api/recognize` with JSON strokes. A busy server (503) is asked again after its
   * Retry-After (at most 5 s, twice), as the web pad does.
   */
  async recognize(strokes: readonly Stroke[], options: RecognizeOptions = {}, timeoutMs = 150_000,
    sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms))): Promise<Recognition> {
    const query = new URLSearchParams();
    if (options.strategy && options.strategy !== 'default') query.set('strategy', options.strategy);
    if (options.nbest) query.set('nbest', String(options.nbest));
    const q = query.toString();
    const body = Buffer.from(JSON.stringify(strokes), 'utf8');
    for (let attempt = 0; ; attempt++) {
      try {
        const answer = await this.call('POST', `/api/recognize${q ? `?${q}` : ''}`, body, timeoutMs);
        return parseRecognition(answer.body);
      } catch (e) {
        if (!(e instanceof ServerAnswerError) || e.status !== 503 || attempt >= BUSY_RETRIES) throw e;
        await sleep(Math.min(MAX_RETRY_WAIT_MS, 1000 * (e.retryAfterSeconds ?? 1)));
      }
    }
  }

  /** `GET /api/render`: the formula as a PNG `data:` URI the webview's CSP allows. */
  async renderPng(latex: string, timeoutMs = 20_000): Promise<string> {
    const answer = await this.call('GET', `/api/render?${new URLSearchParams({ latex, format: 'png' })}`, undefined, timeoutMs);
    return `data:image/png;base64,${answer.body.toString('base64')}`;
  }

  private async call(method: string, pathAndQuery: string, body: Buffer | undefined, timeoutMs: number): Promise<HttpAnswer> {
    let answer: HttpAnswer;
    try {
      answer = await this.request(method, pathAndQuery, body, timeoutMs);
    } catch (e) {
      if (e instanceof InkmathError) throw e;
      throw new InkmathError(`cannot reach the inkmath server at ${this.baseUrl}: ${(e as Error).message}`);
    }
    if (answer.status === 200) return answer;
    const retry = Number(answer.headers['retry-after']);
    throw new ServerAnswerError(describeHttpError(answer), answer.status, Number.isFinite(retry) && retry >= 0 ? retry : undefined);
  }
}

/** The user-facing text of an error answer: the server's own `error` and `detail` when it sent them. */
export function describeHttpError(answer: { status: number; headers: http.IncomingHttpHeaders; body: Buffer }): string {
  let text = `the inkmath server answered ${answer.status}`;
  try {
    const json = JSON.parse(answer.body.toString('utf8')) as { error?: unknown; detail?: unknown };
    if (typeof json.error === 'string') text += `: ${json.error}`;
    if (typeof json.detail === 'string' && json.detail !== '') text += ` (${json.detail})`;
  } catch {
    // not JSON: the status alone says enough
  }
  const retry = answer.headers['retry-after'];
  if (answer.status === 503 && typeof retry === 'string') text += `; try again in ${retry} s`;
  return text;
}

function modelInfo(value: unknown): ModelInfo | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as { name?: unknown; status?: unknown; released?: unknown; warning?: unknown };
  return {
    name: typeof m.name === 'string' ? m.name : 'unknown',
    status: typeof m.status === 'string' ? m.status : 'unknown',
    ...(typeof m.released === 'boolean' ? { released: m.released } : {}),
    ...(typeof m.warning === 'string' ? { warning: m.warning } : {}),
  };
}

/** Reads the JSON of a recognition; throws {@link InkmathError} when it is not one. */
export function parseRecognition(body: Buffer): Recognition {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new InkmathError('the inkmath server answered something that is not JSON');
  }
  if (typeof json !== 'object' || json === null || typeof json.latex !== 'string') {
    throw new InkmathError("the inkmath server's answer has no 'latex'");
  }
  const alternatives: Candidate[] = [];
  if (Array.isArray(json.alternatives)) {
    for (const a of json.alternatives as unknown[]) {
      const c = a as { latex?: unknown; score?: unknown };
      if (typeof a === 'object' && a !== null && typeof c.latex === 'string') {
        alternatives.push({ latex: c.latex, score: typeof c.score === 'number' ? c.score : NaN });
      }
    }
  }
  return {
    latex: json.latex,
    confidence: typeof json.confidence === 'number' ? json.confidence : NaN,
    valid: json.valid === true,
    alternatives,
    model: modelInfo(json.model),
  };
}

/** The settings that say how to start the server. */
export interface ServerSettings {
  readonly port: number;
  /** Overrides everything else; `${port}` in an argument is replaced. */
  readonly serverCommand: readonly string[];
  /** Path of inkmath-cli.jar; its lib/ folder must be beside it. */
  readonly jar: string;
  /** Folder of an inkmath checkout with its `inkmath` launcher. */
  readonly home: string;
  /** Folders searched for a launcher when neither jar nor home is set (the workspace folders). */
  readonly searchFolders: readonly string[];
  readonly startTimeoutMs: number;
}

/** What the launcher needs from the system; {@link systemDeps} gives the real ones. */
export interface SystemDeps {
  readonly spawn: (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;
  readonly isFile: (file: string) => boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
  readonly sleep: (ms: number) => Promise<void>;
}

export function systemDeps(): SystemDeps {
  return {
    spawn: (command, args, options) => nodeSpawn(command, [...args], options),
    isFile: (file) => {
      try {
        return fs.statSync(file).isFile();
      } catch {
        return false;
      }
    },
    env: process.env,
    platform: process.platform,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

/** The program that starts the server, with the folder to run it in. */
export interface ServerCommand {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  /** Says in words where the command came from, for messages. */
  readonly origin: string;
}

/**
 * Arguments the extension adds when it starts the server itself. The first recognition warms
 * the model up and took 39 to 43 s on a busy 2-core machine (BENCHMARKS.md), past the server's
 * default 30 s limit: the pad would get a 504 for it.
 */
export const SERVE_ARGS: readonly string[] = ['--timeout', '120'];

/** Finds `java` as the launcher and `java -cp` would: JAVA_HOME first, then PATH. */
export function findJava(deps: Pick<SystemDeps, 'isFile' | 'env' | 'platform'>): string | undefined {
  const exe = deps.platform === 'win32' ? 'java.exe' : 'java';
  const candidates: string[] = [];
  for (const dir of (deps.env.PATH ?? deps.env.Path ?? '').split(path.delimiter)) {
    if (dir) candidates.push(path.join(dir, exe));
  }
  // The launcher runs plain `java`, so PATH decides; JAVA_HOME is only a fallback for the jar.
  if (deps.env.JAVA_HOME) candidates.push(path.join(deps.env.JAVA_HOME, 'bin', exe));
  return candidates.find((c) => deps.isFile(c));
}

/**
 * Chooses how to start the server from the settings, or throws {@link InkmathError} naming what
 * is missing: Java, the jar, the launcher, or a setting that says where inkmath is.
 */
export function resolveServerCommand(settings: ServerSettings, deps: Pick<SystemDeps, 'isFile' | 'env' | 'platform'>): ServerCommand {
  const port = String(settings.port);
  if (settings.serverCommand.length > 0) {
    const [command, ...args] = settings.serverCommand.map((a) => a.split('${port}').join(port));
    return { command, args, origin: 'the setting inkmath.serverCommand' };
  }
  const needJava = (what: string): string => {
    const java = findJava(deps);
    if (!java) {
      throw new InkmathError(`Java is not installed or not on PATH: ${what} needs Java 17 or later `
        + '(install it, e.g. apt-get install openjdk-17-jre, or set JAVA_HOME).');
    }
    return java;
  };
  if (settings.jar) {
    if (!deps.isFile(settings.jar)) {
      throw new InkmathError(`The inkmath jar ${settings.jar} (setting inkmath.jar) does not exist; `
        + 'build it with ./inkmath --help in an inkmath checkout (plugins/cli/target/inkmath-cli.jar).');
    }
    const java = needJava('the inkmath server');
    const lib = path.join(path.dirname(settings.jar), 'lib');
    return {
      command: java,
      args: ['-Djava.awt.headless=true', '-cp', `${settings.jar}${path.delimiter}${path.join(lib, '*')}`,
        'org.inkmath.cli.InkMath', 'serve', '--port', port, ...SERVE_ARGS],
      cwd: path.dirname(settings.jar),
      origin: `the jar ${settings.jar}`,
    };
  }
  const launcherIn = (home: string): string => path.join(home, 'inkmath');
  let home = settings.home;
  if (home) {
    if (!deps.isFile(launcherIn(home))) {
      throw new InkmathError(`There is no inkmath launcher in ${home} (setting inkmath.home): `
        + 'point it at the folder of an inkmath checkout, the one that holds the script "inkmath".');
    }
  } else {
    home = settings.searchFolders.find((f) => deps.isFile(launcherIn(f))) ?? '';
    if (!home) {
      throw new InkmathError('Cannot find inkmath to start its server: set inkmath.home to an inkmath checkout, '
        + 'or inkmath.jar to its inkmath-cli.jar, or start it yourself with "inkmath serve --port ' + port + '".');
    }
  }
  needJava('the inkmath launcher');
  return { command: launcherIn(home), args: ['serve', '--port', port, ...SERVE_ARGS], cwd: home, origin: `the launcher ${launcherIn(home)}` };
}

/** A server that answers; `child` is set when this extension started it (and must stop it). */
export interface RunningServer {
  readonly health: Health;
  readonly child?: ChildProcess;
  readonly command?: ServerCommand;
}

/** Last lines of the child's output, kept for the error message when it does not come up. */
const OUTPUT_TAIL_CHARS = 2000;

/**
 * Returns the server that answers on the configured port, starting it first when none does.
 * Throws {@link InkmathError} when it cannot be started, exits, or does not answer in time.
 * `onStarting` is told the command before it runs (the pad shows it).
 */
export async function ensureServer(
  client: ServerClient, settings: ServerSettings, deps: SystemDeps,
  onStarting: (command: ServerCommand) => void = () => undefined,
): Promise<RunningServer> {
  const running = await client.health();
  if (running) return { health: running };
  const command = resolveServerCommand(settings, deps);
  onStarting(command);
  let child: ChildProcess;
  try {
    // Its own process group on POSIX, so that stopping it also stops a build the launcher runs first.
    child = deps.spawn(command.command, command.args,
      { cwd: command.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: deps.platform !== 'win32' });
  } catch (e) {
    throw new InkmathError(`Cannot start the inkmath server with ${command.origin}: ${(e as Error).message}`);
  }
  let output = '';
  const keep = (chunk: Buffer | string): void => {
    output = (output + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exit: string | undefined;
  child.on('error', (e) => { exit = `it could not be run (${e.message})`; });
  child.on('exit', (code, signal) => { exit = signal ? `it was stopped by ${signal}` : `it exited with code ${code}`; });
  const deadline = Date.now() + settings.startTimeoutMs;
  for (;;) {
    if (exit !== undefined) {
      throw new InkmathError(`The inkmath server did not start with ${command.origin}: ${exit}.${lastLines(output)}`);
    }
    const health = await client.health(1000);
    if (health) return { health, child, command };
    if (Date.now() >= deadline) {
      stopServer(child, deps.platform);
      throw new InkmathError(`The inkmath server started with ${command.origin} did not answer on port ${settings.port} `
        + `within ${Math.round(settings.startTimeoutMs / 1000)} s (setting inkmath.startTimeoutSeconds).${lastLines(output)}`);
    }
    await deps.sleep(250);
  }
}

/** Stops a server this extension started, with whatever it started itself (its process group). */
export function stopServer(child: ChildProcess, platform: NodeJS.Platform = process.platform): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (platform !== 'win32' && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM'); else child.kill();
  } catch {
    child.kill(); // no group (a fake child, or it was not started detached)
  }
}

function lastLines(output: string): string {
  const lines = output.trim().split('\n').slice(-5).join('\n');
  return lines ? ` Its last output:\n${lines}` : '';
}
