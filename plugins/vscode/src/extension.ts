/**
 * The VS Code side: the `inkmath.openPad` command opens the pad in a webview beside the editor,
 * and the formula chosen there is inserted, wrapped to fit the file, into the editor that was
 * active when the pad opened. The logic lives in plain modules (server, wrap, protocol,
 * controller); this file only wires them to the VS Code API.
 */
import * as vscode from 'vscode';
import type { ChildProcess } from 'node:child_process';
import { PadController } from './controller';
import { newNonce, padHtml } from './padHtml';
import { ensureServer, ServerClient, stopServer, systemDeps, type ServerSettings } from './server';
import { wrapLatex } from './wrap';

/** The server this extension started, stopped on deactivate; one per window. */
let startedServer: ChildProcess | undefined;
let panel: vscode.WebviewPanel | undefined;

function settings(): ServerSettings & { strategy: 'default' | 'greedy' | 'beam' | 'bidirectional'; nbest: number; delayMs: number } {
  const config = vscode.workspace.getConfiguration('inkmath');
  return {
    port: config.get<number>('port', 8765),
    serverCommand: config.get<string[]>('serverCommand', []),
    jar: config.get<string>('jar', ''),
    home: config.get<string>('home', ''),
    searchFolders: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
    startTimeoutMs: config.get<number>('startTimeoutSeconds', 180) * 1000,
    strategy: config.get<'default' | 'greedy' | 'beam' | 'bidirectional'>('strategy', 'default'),
    nbest: config.get<number>('alternatives', 5),
    delayMs: config.get<number>('recognitionDelayMs', 400),
  };
}

/** Inserts at every selection of the target editor (replacing the selected text). */
async function insertInto(target: vscode.TextDocument, viewColumn: vscode.ViewColumn | undefined, latex: string): Promise<string> {
  if (target.isClosed) throw new Error(`${vscode.workspace.asRelativePath(target.uri)} has been closed`);
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === target)
    ?? await vscode.window.showTextDocument(target, { viewColumn, preserveFocus: true });
  const ok = await editor.edit((edit) => {
    for (const selection of editor.selections) {
      const before = target.getText(new vscode.Range(new vscode.Position(0, 0), selection.start));
      edit.replace(selection, wrapLatex(latex, target.languageId, before));
    }
  });
  if (!ok) throw new Error('the editor refused the edit');
  return vscode.workspace.asRelativePath(target.uri);
}

function openPad(context: vscode.ExtensionContext): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showErrorMessage('inkmath: open a file to write a formula into first; the pad inserts at its cursor.');
    return;
  }
  const target = editor.document;
  const targetColumn = editor.viewColumn;
  const config = settings();
  if (panel) {
    panel.dispose(); // one pad per window, bound to the editor that is active now
  }
  const media = vscode.Uri.joinPath(context.extensionUri, 'media');
  const created = vscode.window.createWebviewPanel('inkmath.pad', `Ink pad → ${vscode.workspace.asRelativePath(target.uri)}`,
    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
    { enableScripts: true, localResourceRoots: [media], retainContextWhenHidden: true });
  panel = created;
  const webview = created.webview;
  webview.html = padHtml({
    cspSource: webview.cspSource,
    nonce: newNonce(),
    inkCanvasUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'ink-canvas.js')).toString(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'pad.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'pad.css')).toString(),
    recognitionDelayMs: config.delayMs,
  });
  const client = new ServerClient(config.port);
  const controller = new PadController({
    post: (message) => { void webview.postMessage(message); },
    connect: async (onStarting) => {
      const server = await ensureServer(client, settings(), systemDeps(),
        (command) => onStarting(`Starting the inkmath server with ${command.origin}…`));
      if (server.child) {
        startedServer = server.child;
        server.child.on('exit', () => { if (startedServer === server.child) startedServer = undefined; });
      }
      return server.health.model;
    },
    recognize: (strokes) => client.recognize(strokes, { strategy: config.strategy, nbest: config.nbest }),
    render: (latex) => client.renderPng(latex),
    insert: (latex) => insertInto(target, targetColumn, latex),
    showError: (message) => { void vscode.window.showErrorMessage(`inkmath: ${message}`); },
  });
  const subscription = webview.onDidReceiveMessage((message: unknown) => controller.receive(message));
  created.onDidDispose(() => {
    subscription.dispose();
    if (panel === created) panel = undefined;
  }, undefined, context.subscriptions);
}

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('inkmath.openPad', () => openPad(context)));
}

export function deactivate(): void {
  if (startedServer) stopServer(startedServer);
  startedServer = undefined;
}
