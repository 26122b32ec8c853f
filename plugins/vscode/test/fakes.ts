// Test doubles shared by the tests: a fake inkmath server on localhost and a fake child process.
import * as http from 'node:http';
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { ChildProcess } from 'node:child_process';

export interface FakeServer {
  readonly port: number;
  /** Bodies of the recognitions received, parsed, with their query strings. */
  readonly recognized: { query: string; strokes: unknown }[];
  close(): Promise<void>;
}

/** A server that answers like inkmath serve: /health, /api/recognize, /api/render. */
export async function startFakeServer(port = 0, modelStatus = 'untrained'): Promise<FakeServer> {
  const recognized: { query: string; strokes: unknown }[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const json = (status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/health') {
      json(200, { status: 'ok', model: { name: 'tiny-test', status: modelStatus }, queue: { waiting: 0 } });
    } else if (url.pathname === '/api/recognize' && req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const strokes: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        recognized.push({ query: url.search, strokes });
        if (Array.isArray(strokes) && strokes.length > 5) {
          json(503, { error: 'busy', detail: 'the queue is full' }, { 'Retry-After': '2' });
          return;
        }
        json(200, {
          latex: `x^{${(strokes as unknown[]).length}}`, tokens: ['x'], score: -0.5, confidence: 0.8, valid: true, repaired: false,
          alternatives: [{ latex: `x^{${(strokes as unknown[]).length}}`, score: -0.5 }, { latex: 'x^{z}', score: -1.5 }],
          timings: { totalMs: 12 }, model: { name: 'tiny-test', status: modelStatus },
        });
      });
    } else if (url.pathname === '/api/render') {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      res.end(Buffer.from(`PNG:${url.searchParams.get('latex')}`));
    } else {
      json(404, { error: 'not found', detail: url.pathname });
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    recognized,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** A free port on localhost (bound, then released). */
export async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A child process that does nothing by itself; the test emits its output and exit. */
export class FakeChild extends EventEmitter {
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly pid = undefined;
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;
  killed = false;
  kill(): boolean {
    this.killed = true;
    this.signalCode = 'SIGTERM';
    this.emit('exit', null, 'SIGTERM');
    return true;
  }
  asChild(): ChildProcess {
    return this as unknown as ChildProcess;
  }
}
