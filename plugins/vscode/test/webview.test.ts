// The pad page in headless Chromium (Debian's, driven by playwright-core): the HTML the extension
// gives the webview, served from localhost with its real CSP, and a stub of VS Code's
// acquireVsCodeApi that records what the page posts. Skips itself when Chromium is missing.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from 'playwright-core';
import { newNonce, padHtml } from '../src/padHtml';

const CHROMIUM = process.env.INKMATH_CHROMIUM ?? '/usr/bin/chromium';
const ROOT = path.join(__dirname, '..', '..');
const MEDIA = path.join(ROOT, 'media');
const SCREENSHOT = path.join(ROOT, 'test-output', 'pad.png');
const DELAY_MS = 150;

interface Posted { type: string; id?: number; strokes?: number[][][]; latex?: string }

/** Serves the pad page and its media like the webview would, on a localhost origin. */
async function servePad(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (req.url === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(padHtml({ cspSource: origin, nonce: newNonce(), inkCanvasUri: `${origin}/media/ink-canvas.js`,
        scriptUri: `${origin}/media/pad.js`, styleUri: `${origin}/media/pad.css`, recognitionDelayMs: DELAY_MS }));
      return;
    }
    if (req.url === '/favicon.ico') { res.writeHead(204); res.end(); return; } // the browser's own request
    const name = /^\/media\/((?:ink-canvas|pad)\.(js|css))$/.exec(req.url ?? '');
    if (!name) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'Content-Type': name[2] === 'js' ? 'text/javascript' : 'text/css' });
    res.end(fs.readFileSync(path.join(MEDIA, name[1])));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** An "x" then a "2" as a superscript, as mouse drags relative to the canvas's corner. */
function formulaStrokes(): [number, number][][] {
  const line = (x0: number, y0: number, x1: number, y1: number): [number, number][] =>
    Array.from({ length: 12 }, (_, i) => [x0 + (x1 - x0) * i / 11, y0 + (y1 - y0) * i / 11]);
  const two: [number, number][] = [];
  for (let i = 0; i <= 10; i++) {
    const a = Math.PI * (1.1 - 1.25 * i / 10);
    two.push([235 + 22 * Math.cos(a), 70 - 22 * Math.sin(a)]);
  }
  two.push(...line(250, 88, 215, 125).slice(1), ...line(215, 125, 265, 125).slice(1));
  return [line(80, 90, 180, 200), line(180, 90, 80, 200), two];
}

async function posted(page: Page): Promise<Posted[]> {
  return page.evaluate(() => (window as unknown as { posted: Posted[] }).posted);
}

async function waitForPost(page: Page, type: string, after: number): Promise<Posted> {
  await page.waitForFunction(([t, n]) => (window as unknown as { posted: Posted[] }).posted.slice(n as number)
    .some((m) => m.type === t), [type, after] as const, { timeout: 5000 });
  return (await posted(page)).slice(after).filter((m) => m.type === type).at(-1)!;
}

async function drag(page: Page, origin: { x: number; y: number }, stroke: [number, number][]): Promise<void> {
  await page.mouse.move(origin.x + stroke[0][0], origin.y + stroke[0][1]);
  await page.mouse.down();
  for (const [x, y] of stroke.slice(1)) await page.mouse.move(origin.x + x, origin.y + y, { steps: 2 });
  await page.mouse.up();
}

test('the pad in headless Chromium: ink to strokes, results, alternatives, insert, undo, pen, palm', { timeout: 60_000 }, async (t) => {
  if (!fs.existsSync(CHROMIUM)) {
    t.skip(`no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set INKMATH_CHROMIUM)`);
    return;
  }
  const pad = await servePad();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu',
    '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  t.after(async () => { await browser.close(); await pad.close(); });
  const page = await browser.newPage({ viewport: { width: 560, height: 560 } });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  // VS Code's API as the webview sees it, recording what the page posts.
  await page.addInitScript(() => {
    const w = window as unknown as { posted: unknown[]; acquireVsCodeApi: () => unknown };
    w.posted = [];
    w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.posted.push(JSON.parse(JSON.stringify(m))),
      getState: () => undefined, setState: () => undefined });
    document.addEventListener('securitypolicyviolation', (e) => w.posted.push({ type: 'csp-violation', detail: e.violatedDirective }));
  });
  await page.goto(pad.url);
  await waitForPost(page, 'ready', 0);
  const host = (message: unknown): Promise<void> => page.evaluate((m) => window.postMessage(m, '*'), message);
  await host({ type: 'server', state: 'ready', message: 'Connected to the inkmath server (model tiny-test).',
    model: { name: 'tiny-test', status: 'untrained' } });
  assert.match(await page.textContent('#banner') ?? '', /Model "tiny-test" is untrained, not released/);
  assert.equal(await page.isVisible('#banner'), true);

  // The server's own warning wins over the status when it sends one; a released model has no banner.
  await host({ type: 'server', state: 'ready', message: 'ok', model: { name: 'compact-v1', status: 'released', released: true } });
  assert.equal(await page.isVisible('#banner'), false);
  await host({ type: 'server', state: 'ready', message: 'ok', model: { name: 'tiny-test', status: 'untrained', released: false,
    warning: 'not a released model (status: untrained): expect wrong results' } });
  assert.equal(await page.textContent('#banner'), 'Model "tiny-test": not a released model (status: untrained): expect wrong results.');

  // Mouse ink: recognition is asked once, after the pen lifts, with [x, y, t] strokes.
  const box = (await page.locator('#ink').boundingBox())!;
  const strokes = formulaStrokes();
  for (const stroke of strokes) await drag(page, box, stroke);
  const request = await waitForPost(page, 'recognize', 0);
  assert.equal((await posted(page)).filter((m) => m.type === 'recognize').length, 1, 'one request for ink drawn in quick succession');
  assert.equal(request.strokes!.length, 3);
  assert.equal(request.strokes![0][0].length, 3);
  const first = request.strokes![0];
  assert.ok(Math.abs(first[0][0] - 80) < 1.5 && Math.abs(first[0][1] - 90) < 1.5, `first point ${first[0]} in canvas pixels`);
  const times = request.strokes!.flat().map((p) => p[2]);
  assert.ok(times.every((time, i) => i === 0 || time >= times[i - 1]), 'times never go back');
  assert.equal(times[0], 0);

  // An answer for older ink is dropped; the current one is shown with its alternatives.
  await host({ type: 'result', id: request.id! - 1, latex: 'stale', confidence: 1, valid: true, alternatives: [] });
  assert.equal(await page.textContent('#latex'), '');
  await host({ type: 'result', id: request.id, latex: 'x^{2}', confidence: 0.62, valid: true,
    alternatives: [{ latex: 'x^{2}', score: -0.4 }, { latex: 'x^{z}', score: -1.7 }, { latex: 'X^{2}', score: -2.1 }],
    model: { name: 'tiny-test', status: 'untrained' } });
  assert.equal(await page.textContent('#latex'), 'x^{2}');
  assert.deepEqual(await page.locator('#alternatives li').allTextContents(), ['x^{2}', 'x^{z}', 'X^{2}']);
  assert.match(await page.textContent('#status') ?? '', /confidence 62%/);
  assert.equal(await page.isEnabled('#insert'), true);

  // Choosing an alternative asks for its preview and shows it; Enter inserts the choice.
  let before = (await posted(page)).length;
  await page.click('#alternatives li:nth-child(2)');
  assert.equal(await page.textContent('#latex'), 'x^{z}');
  assert.equal((await waitForPost(page, 'preview', before)).latex, 'x^{z}');
  before = (await posted(page)).length;
  await page.keyboard.press('Enter');
  assert.deepEqual(await waitForPost(page, 'insert', before), { type: 'insert', latex: 'x^{z}' });
  await host({ type: 'inserted', latex: 'x^{z}', target: 'notes.md' });
  assert.equal(await page.textContent('#status'), 'Inserted into notes.md.');

  // Undo takes the last stroke back and asks again.
  before = (await posted(page)).length;
  await page.click('#undo');
  assert.equal((await waitForPost(page, 'recognize', before)).strokes!.length, 2);

  // A pen with pressure (synthetic pointer events) adds a stroke of its own.
  before = (await posted(page)).length;
  await page.evaluate(({ x, y }) => {
    const canvas = document.getElementById('ink')!;
    const fire = (type: string, dx: number, pressure: number): boolean => canvas.dispatchEvent(new PointerEvent(type, {
      pointerId: 7, pointerType: 'pen', pressure, clientX: x + 300 + dx, clientY: y + 150, button: 0, buttons: 1, bubbles: true }));
    fire('pointerdown', 0, 0.3);
    for (let i = 1; i <= 10; i++) fire('pointermove', 6 * i, 0.3 + 0.05 * i);
    fire('pointerup', 60, 0);
  }, box);
  const penRequest = await waitForPost(page, 'recognize', before);
  assert.equal(penRequest.strokes!.length, 3);
  assert.equal(penRequest.strokes![2].length, 11);
  assert.ok(Math.abs(penRequest.strokes![2][10][0] - 360) < 1.5);

  // Clear empties the pad and posts nothing more.
  before = (await posted(page)).length;
  await page.click('#clear');
  await page.waitForTimeout(DELAY_MS * 3);
  assert.equal((await posted(page)).slice(before).filter((m) => m.type === 'recognize').length, 0);
  assert.deepEqual(await page.locator('#alternatives li').allTextContents(), []);

  // Undo takes a clear back too.
  before = (await posted(page)).length;
  await page.click('#undo');
  assert.equal((await waitForPost(page, 'recognize', before)).strokes!.length, 3);

  // One pointer at a time: a palm that lands while the pen is down draws nothing. A clear while a
  // stroke is being drawn drops that stroke; undo brings back the ink from before it began.
  const pen = (steps: [string, number, number][]): Promise<void> => page.evaluate(({ x, y, steps }) => {
    const canvas = document.getElementById('ink')!;
    for (const [type, pointerId, dx] of steps) {
      if (type === 'clear') { document.getElementById('clear')!.click(); continue; }
      canvas.dispatchEvent(new PointerEvent(type, { pointerId, pointerType: pointerId === 7 ? 'pen' : 'touch', pressure: 0.5,
        clientX: x + 100 + dx, clientY: y + 300, button: 0, buttons: 1, bubbles: true }));
    }
  }, { x: box.x, y: box.y, steps });
  before = (await posted(page)).length;
  await pen([['pointerdown', 7, 0], ['pointerdown', 8, 50], ['pointermove', 8, 60], ['pointerup', 8, 60],
    ['pointermove', 7, 20], ['pointerup', 7, 20]]);
  const withPalm = await waitForPost(page, 'recognize', before);
  assert.equal(withPalm.strokes!.length, 4, 'the palm added no stroke');
  assert.deepEqual(withPalm.strokes![3].map((p) => p[0]), [100, 120], 'nor points to the pen\'s');
  before = (await posted(page)).length;
  await pen([['pointerdown', 7, 0], ['pointermove', 7, 30], ['clear', 0, 0], ['pointermove', 7, 40], ['pointerup', 7, 40]]);
  await page.waitForTimeout(DELAY_MS * 3);
  assert.equal((await posted(page)).slice(before).filter((m) => m.type === 'recognize').length, 0, 'the cleared pad is not read');
  await page.click('#undo');
  assert.equal((await waitForPost(page, 'recognize', before)).strokes!.length, 4, 'undo restores the ink before the dropped stroke');

  // The screenshot for the README: the formula written again on a clear pad, and its answer.
  await page.click('#clear');
  before = (await posted(page)).length;
  for (const stroke of strokes) await drag(page, box, stroke);
  const redrawn = await waitForPost(page, 'recognize', before);
  assert.equal(redrawn.strokes!.length, 3);
  await host({ type: 'result', id: redrawn.id, latex: 'x^{2}', confidence: 0.62, valid: true,
    alternatives: [{ latex: 'x^{2}', score: -0.4 }, { latex: 'x^{z}', score: -1.7 }, { latex: 'X^{2}', score: -2.1 }],
    model: { name: 'tiny-test', status: 'untrained' } });
  assert.equal(await page.textContent('#latex'), 'x^{2}');
  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });
  assert.deepEqual((await posted(page)).filter((m) => m.type === 'csp-violation'), [], 'nothing broke the CSP');
  assert.deepEqual(problems, []);
});
