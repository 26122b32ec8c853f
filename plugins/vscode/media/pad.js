// The ink pad in the VS Code webview. It only captures ink and shows answers: the strokes go to
// the extension with postMessage, the extension asks the inkmath server and posts the result back
// (so the page needs no network access and no CORS). Plain script, no framework, no CDN.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const canvas = document.getElementById('ink');
  const context = canvas.getContext('2d');
  const statusText = document.getElementById('status');
  const banner = document.getElementById('banner');
  const latexBox = document.getElementById('latex');
  const insertButton = document.getElementById('insert');
  const alternativesList = document.getElementById('alternatives');
  const preview = document.getElementById('preview');
  const delayMs = Number(document.body.dataset.recognitionDelay || 400);

  // Each stroke: {points: [[x, y, t]...], widths: [...]}; t in ms since the ink's first pen-down.
  let strokes = [];
  // Undo restores the previous ink: a stroke added or a clear are both one step back.
  const history = [];
  let current = null;
  let inkStart = null;
  let recognitionTimer = null;
  let requestId = 0;
  let candidates = [];
  let chosen = -1;

  function setStatus(text) {
    statusText.textContent = text;
  }

  function resizeCanvas() {
    const ratio = window.devicePixelRatio || 1;
    const box = canvas.getBoundingClientRect();
    canvas.width = Math.max(1, Math.round(box.width * ratio));
    canvas.height = Math.max(1, Math.round(box.height * ratio));
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    redraw();
  }

  function strokeColour() {
    return getComputedStyle(document.body).getPropertyValue('--vscode-editor-foreground').trim() || '#1f2328';
  }

  function drawSegment(stroke, i) {
    const [x0, y0] = stroke.points[Math.max(0, i - 1)];
    const [x1, y1] = stroke.points[i];
    context.lineWidth = stroke.widths[i];
    context.beginPath();
    context.moveTo(x0, y0);
    context.lineTo(x1 + (i === 0 ? 0.01 : 0), y1);
    context.stroke();
  }

  function redraw() {
    const box = canvas.getBoundingClientRect();
    context.clearRect(0, 0, box.width, box.height);
    context.strokeStyle = strokeColour();
    context.lineCap = 'round';
    context.lineJoin = 'round';
    for (const stroke of strokes) {
      for (let i = 0; i < stroke.points.length; i++) drawSegment(stroke, i);
    }
  }

  // A pen's pressure widens the line; mouse and touch report 0.5 (or 0) and draw the base width.
  function widthOf(event) {
    const pressure = event.pointerType === 'pen' && event.pressure > 0 ? event.pressure : 0.5;
    return 1 + 4 * pressure;
  }

  function pointOf(event) {
    const box = canvas.getBoundingClientRect();
    const now = performance.now();
    if (inkStart === null) inkStart = now;
    return [event.clientX - box.left, event.clientY - box.top, Math.round(now - inkStart)];
  }

  function addSample(event) {
    current.points.push(pointOf(event));
    current.widths.push(widthOf(event));
    context.strokeStyle = strokeColour();
    drawSegment(current, current.points.length - 1);
  }

  function cancelRecognition() {
    if (recognitionTimer !== null) clearTimeout(recognitionTimer);
    recognitionTimer = null;
  }

  canvas.addEventListener('pointerdown', (event) => {
    if (event.button !== 0 && event.pointerType === 'mouse') return;
    event.preventDefault();
    cancelRecognition();
    requestId++; // an answer under way is for ink that is changing now: drop it
    try {
      canvas.setPointerCapture(event.pointerId); // keep the stroke when the pen leaves the canvas
    } catch {
      // a pointer the browser does not track (synthetic events): the stroke still works inside the canvas
    }
    current = { pointerId: event.pointerId, points: [], widths: [] };
    history.push(strokes);
    strokes = strokes.concat([current]);
    addSample(event);
  });

  canvas.addEventListener('pointermove', (event) => {
    if (!current || event.pointerId !== current.pointerId) return;
    const samples = typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [];
    for (const sample of samples.length > 0 ? samples : [event]) addSample(sample);
  });

  function endStroke(event) {
    if (!current || event.pointerId !== current.pointerId) return;
    current = null;
    scheduleRecognition();
  }
  canvas.addEventListener('pointerup', endStroke);
  canvas.addEventListener('pointercancel', endStroke);

  function scheduleRecognition() {
    cancelRecognition();
    if (strokes.length === 0) {
      requestId++; // an answer still under way is for ink that is gone
      showCandidates([]);
      setStatus('Write a formula below.');
      return;
    }
    recognitionTimer = setTimeout(() => {
      recognitionTimer = null;
      requestId++;
      setStatus('Recognizing…');
      vscode.postMessage({ type: 'recognize', id: requestId, strokes: strokes.map((s) => s.points) });
    }, delayMs);
  }

  function undo() {
    if (history.length === 0) return;
    current = null;
    strokes = history.pop();
    redraw();
    scheduleRecognition();
  }

  function clear() {
    if (strokes.length === 0) return;
    history.push(strokes);
    strokes = [];
    inkStart = null;
    redraw();
    scheduleRecognition();
  }

  function choose(index) {
    if (index < 0 || index >= candidates.length) return;
    chosen = index;
    latexBox.textContent = candidates[index].latex;
    insertButton.disabled = false;
    for (const [i, item] of Array.from(alternativesList.children).entries()) {
      item.classList.toggle('chosen', i === index);
      item.setAttribute('aria-selected', String(i === index));
    }
    preview.hidden = true;
    vscode.postMessage({ type: 'preview', latex: candidates[index].latex });
  }

  function showCandidates(list) {
    candidates = list;
    chosen = -1;
    alternativesList.replaceChildren();
    latexBox.textContent = '';
    preview.hidden = true;
    insertButton.disabled = true;
    list.forEach((candidate, i) => {
      const item = document.createElement('li');
      item.className = 'alternative';
      item.tabIndex = 0;
      item.setAttribute('role', 'option');
      item.textContent = candidate.latex;
      item.title = Number.isFinite(candidate.score) ? `score ${candidate.score.toFixed(3)}` : '';
      item.addEventListener('click', () => choose(i));
      item.addEventListener('dblclick', () => { choose(i); insert(); });
      alternativesList.appendChild(item);
    });
    if (list.length > 0) choose(0);
  }

  function insert() {
    if (chosen < 0) return;
    vscode.postMessage({ type: 'insert', latex: candidates[chosen].latex });
  }

  function showModel(model) {
    const released = model && (typeof model.released === 'boolean' ? model.released : model.status === 'released');
    if (model && !released) {
      banner.textContent = model.warning ? `Model "${model.name}": ${model.warning}.`
        : `Model "${model.name}" is ${model.status}, not released: its answers are not reliable yet.`;
      banner.hidden = false;
    } else {
      banner.hidden = true;
    }
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message.type !== 'string') return;
    switch (message.type) {
      case 'server':
        setStatus(message.message);
        if (message.model) showModel(message.model);
        break;
      case 'result': {
        if (message.id !== requestId) return; // for ink that has changed since
        showModel(message.model);
        const list = [{ latex: message.latex, score: NaN }];
        for (const a of message.alternatives || []) {
          if (a.latex === message.latex) list[0] = a; else if (!list.some((c) => c.latex === a.latex)) list.push(a);
        }
        showCandidates(message.latex === '' ? [] : list);
        const confidence = Number.isFinite(message.confidence) ? ` (confidence ${Math.round(message.confidence * 100)}%)` : '';
        setStatus(message.latex === '' ? 'Nothing recognized.'
          : `Recognized${confidence}${message.valid ? '' : ', not valid LaTeX'}. Enter inserts; click an alternative to choose.`);
        break;
      }
      case 'error':
        if (message.id !== undefined && message.id !== requestId) return;
        setStatus(message.message);
        break;
      case 'preview':
        if (chosen >= 0 && candidates[chosen].latex === message.latex) {
          preview.src = message.image;
          preview.alt = message.latex;
          preview.hidden = false;
        }
        break;
      case 'inserted':
        setStatus(`Inserted into ${message.target}.`);
        break;
    }
  });

  insertButton.addEventListener('click', insert);
  document.getElementById('undo').addEventListener('click', undo);
  document.getElementById('clear').addEventListener('click', clear);
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
      event.preventDefault();
      undo();
    } else if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
      event.preventDefault();
      if (event.target instanceof HTMLLIElement) choose(Array.from(alternativesList.children).indexOf(event.target));
      insert();
    }
  });

  new ResizeObserver(resizeCanvas).observe(canvas);
  resizeCanvas();
  vscode.postMessage({ type: 'ready' });
})();
