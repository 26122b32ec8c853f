// The VS Code glue (extension.ts) against a small fake of the `vscode` module: the command opens
// the pad, the pad's messages reach a (fake) inkmath server, and the choice is inserted, wrapped,
// into the editor that was active when the pad opened.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import Module = require('node:module');
import { startFakeServer } from './fakes';

class Position { constructor(readonly line: number, readonly character: number) {} }
class Range { constructor(readonly start: Position, readonly end: Position) {} }

/** A text document held in a string, with the few methods the extension uses. */
class FakeDocument {
  isClosed = false;
  constructor(public text: string, readonly languageId: string, readonly uri = { scheme: 'file', fsPath: '/w/notes.md', path: '/w/notes.md' }) {}
  offsetAt(p: Position): number {
    const lines = this.text.split('\n');
    return lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  }
  positionAt(offset: number): Position {
    const before = this.text.slice(0, offset).split('\n');
    return new Position(before.length - 1, before[before.length - 1].length);
  }
  getText(range: Range): string {
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }
}

function fakeVscode(document: FakeDocument, cursor: number, port: number) {
  const posts: { type: string; [k: string]: unknown }[] = [];
  const errors: string[] = [];
  const commands = new Map<string, () => void>();
  let receive: ((m: unknown) => Promise<void>) | undefined;
  let html = '';
  const editor = {
    document,
    viewColumn: 1,
    selections: [new Range(document.positionAt(cursor), document.positionAt(cursor))],
    edit: async (build: (e: { replace: (r: Range, text: string) => void }) => void) => {
      const edits: [Range, string][] = [];
      build({ replace: (r, text) => edits.push([r, text]) });
      for (const [r, text] of edits.reverse()) {
        document.text = document.text.slice(0, document.offsetAt(r.start)) + text + document.text.slice(document.offsetAt(r.end));
      }
      return true;
    },
  };
  const settings: Record<string, unknown> = { port, startTimeoutSeconds: 5, strategy: 'greedy', alternatives: 3 };
  const vscode = {
    Position, Range,
    ViewColumn: { Beside: -2 },
    Uri: { joinPath: (base: { path: string }, ...parts: string[]) => ({ path: [base.path, ...parts].join('/') }) },
    commands: { registerCommand: (id: string, run: () => void) => { commands.set(id, run); return { dispose() {} }; } },
    workspace: {
      workspaceFolders: [],
      asRelativePath: (uri: { path: string }) => uri.path.split('/').pop(),
      getConfiguration: () => ({ get: (key: string, fallback: unknown) => settings[key] ?? fallback }),
    },
    window: {
      activeTextEditor: editor as unknown,
      visibleTextEditors: [editor],
      showTextDocument: async () => editor,
      showErrorMessage: async (m: string) => { errors.push(m); },
      createWebviewPanel: () => ({
        webview: {
          cspSource: 'vscode-resource:',
          asWebviewUri: (u: { path: string }) => ({ toString: () => `vscode-resource:${u.path}` }),
          set html(value: string) { html = value; },
          get html() { return html; },
          postMessage: async (m: { type: string }) => { posts.push(m); return true; },
          onDidReceiveMessage: (listener: (m: unknown) => Promise<void>) => { receive = listener; return { dispose() {} }; },
        },
        onDidDispose: () => ({ dispose() {} }),
        dispose() {},
      }),
    },
  };
  return { vscode, posts, errors, commands, editor, html: () => html, send: (m: unknown) => receive!(m) };
}

function loadExtension(vscode: unknown): typeof import('../src/extension') {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? vscode : original.call(this, request, ...rest);
  };
  try {
    const id = require.resolve('../src/extension');
    delete require.cache[id];
    return require(id);
  } finally {
    loader._load = original;
  }
}

test('the command opens the pad; the recognized LaTeX is inserted at the cursor, wrapped for Markdown', async (t) => {
  const server = await startFakeServer();
  t.after(() => server.close());
  const document = new FakeDocument('Let  be the area.', 'markdown');
  const fake = fakeVscode(document, 4, server.port);
  const extension = loadExtension(fake.vscode);
  extension.activate({ subscriptions: [], extensionUri: { path: '/ext' } } as never);
  fake.commands.get('inkmath.openPad')!();
  assert.match(fake.html(), /<script nonce="[^"]+" src="vscode-resource:\/ext\/media\/ink-canvas.js"><\/script>\n<script nonce="[^"]+" src="vscode-resource:\/ext\/media\/pad.js">/);
  assert.match(fake.html(), /script-src 'nonce-/);

  await fake.send({ type: 'ready' });
  assert.deepEqual(fake.posts.at(-1), { type: 'server', state: 'ready', model: { name: 'tiny-test', status: 'untrained' },
    message: 'Connected to the inkmath server (model tiny-test). Write a formula below.' });
  await fake.send({ type: 'recognize', id: 1, strokes: [[[0, 0, 0], [9, 9, 30]], [[3, 0, 60]]] });
  assert.equal(server.recognized[0].query, '?strategy=greedy&nbest=3');
  assert.equal(fake.posts.at(-1)?.type, 'result');
  assert.equal(fake.posts.at(-1)?.latex, 'x^{2}');

  await fake.send({ type: 'insert', latex: 'x^{2}' });
  assert.equal(document.text, 'Let $x^{2}$ be the area.');
  assert.deepEqual(fake.posts.at(-1), { type: 'inserted', latex: 'x^{2}', target: 'notes.md' });
  assert.deepEqual(fake.errors, []);
});

test('the selection is replaced; inside LaTeX math the formula goes in bare', async () => {
  const text = '\\begin{align}\n  a &= OLD\n\\end{align}';
  const document = new FakeDocument(text, 'latex', { scheme: 'file', fsPath: '/w/a.tex', path: '/w/a.tex' });
  const fake = fakeVscode(document, 0, 1);
  const start = text.indexOf('OLD');
  fake.editor.selections = [new Range(document.positionAt(start), document.positionAt(start + 3))];
  loadExtension(fake.vscode).activate({ subscriptions: [], extensionUri: { path: '/ext' } } as never);
  fake.commands.get('inkmath.openPad')!();
  await fake.send({ type: 'insert', latex: '\\frac{1}{2}' });
  assert.equal(document.text, '\\begin{align}\n  a &= \\frac{1}{2}\n\\end{align}');
});

test('without an editor the command says to open a file first', () => {
  const fake = fakeVscode(new FakeDocument('', 'markdown'), 0, 1);
  fake.vscode.window.activeTextEditor = undefined;
  loadExtension(fake.vscode).activate({ subscriptions: [], extensionUri: { path: '/ext' } } as never);
  fake.commands.get('inkmath.openPad')!();
  assert.match(fake.errors[0], /open a file to write a formula into first/);
});

test('a server that cannot be found is reported by name in VS Code and in the pad', async () => {
  const { freePort } = await import('./fakes');
  const fake = fakeVscode(new FakeDocument('', 'markdown'), 0, await freePort());
  loadExtension(fake.vscode).activate({ subscriptions: [], extensionUri: { path: '/ext' } } as never);
  fake.commands.get('inkmath.openPad')!();
  await fake.send({ type: 'ready' });
  assert.equal(fake.errors.length, 1);
  assert.match(fake.errors[0], /^inkmath: Cannot find inkmath to start its server: set inkmath.home/);
  assert.equal(fake.posts.at(-1)?.state, 'failed');
});
