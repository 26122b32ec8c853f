/**
 * The HTML of the pad's webview: a strict Content-Security-Policy (no inline code, scripts only
 * with the page's nonce, images only from the extension or `data:` URIs the extension made), and
 * every asset local. No `vscode` import: the extension passes the webview's URIs in, the page
 * test passes URIs of a local HTTP server.
 *
 * Example: `padHtml({cspSource: webview.cspSource, nonce: newNonce(), inkCanvasUri, scriptUri, styleUri, recognitionDelayMs: 400})`.
 */
import { randomBytes } from 'node:crypto';

export interface PadPage {
  /** The origin the webview serves the extension's files from (`webview.cspSource`). */
  readonly cspSource: string;
  readonly nonce: string;
  /** media/ink-canvas.js: pen input, drawing and undo, shared with the server's web pad; loaded before the script. */
  readonly inkCanvasUri: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly recognitionDelayMs: number;
}

/** A fresh nonce: 128 random bits, base64 (never reused across pages). */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The Content-Security-Policy of the pad page. */
export function padCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export function padHtml(page: PadPage): string {
  const nonce = escapeAttribute(page.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(padCsp(page.cspSource, page.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeAttribute(page.styleUri)}">
<title>inkmath pad</title>
</head>
<body data-recognition-delay="${Math.max(0, Math.round(page.recognitionDelayMs))}">
<div id="banner" class="banner" role="status" hidden></div>
<div class="toolbar">
  <button id="undo" type="button" title="Undo the last stroke or clear (Ctrl+Z)">Undo</button>
  <button id="clear" type="button" title="Clear the pad">Clear</button>
  <span id="status" class="status" aria-live="polite">Write a formula below.</span>
</div>
<canvas id="ink" class="ink" aria-label="Ink pad: write a formula with a pen, a finger or the mouse"></canvas>
<section class="answer">
  <div class="row">
    <code id="latex" class="latex" tabindex="0"></code>
    <button id="insert" type="button" disabled title="Insert into the editor (Enter)">Insert</button>
  </div>
  <img id="preview" class="preview" alt="" hidden>
  <ol id="alternatives" class="alternatives" aria-label="Alternatives: click to choose"></ol>
</section>
<script nonce="${nonce}" src="${escapeAttribute(page.inkCanvasUri)}"></script>
<script nonce="${nonce}" src="${escapeAttribute(page.scriptUri)}"></script>
</body>
</html>
`;
}
