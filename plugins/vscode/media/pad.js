// The ink pad in the VS Code webview. It only captures ink (with ink-canvas.js, loaded first) and
// shows answers: the strokes go to the extension with postMessage, the extension asks the inkmath
// server and posts the result back (so the page needs no network access and no CORS). Plain
// script, no framework, no CDN.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const canvas = document.getElementById('ink');
  const statusText = document.getElementById('status');
  const banner = document.getElementById('banner');
  const latexBox = document.getElementById('latex');
  const insertButton = document.getElementById('insert');
  const alternativesList = document.getElementById('alternatives');
  const preview = document.getElementById('preview');
  const delayMs = Number(document.body.dataset.recognitionDelay || 400);

  let recognitionTimer = null;
  let requestId = 0;
  let candidates = [];
  let chosen = -1;

  function setStatus(text) {
    statusText.textContent = text;
  }

  function cancelRecognition() {
    if (recognitionTimer !== null) clearTimeout(recognitionTimer);
    recognitionTimer = null;
  }

  // Pen input, drawing, undo (of a stroke or a clear) and clear: ink-canvas.js, the server's web
  // pad's own file, copied into media/ by the build.
  const ink = InkCanvas.attach(canvas, {
    colour: () => getComputedStyle(document.body).getPropertyValue('--vscode-editor-foreground').trim() || '#1f2328',
    onPenDown: () => {
      cancelRecognition();
      requestId++; // an answer under way is for ink that is changing now: drop it
    },
    onChange: scheduleRecognition,
  });

  function scheduleRecognition() {
    cancelRecognition();
    if (ink.strokeCount() === 0) {
      requestId++; // an answer still under way is for ink that is gone
      showCandidates([]);
      setStatus('Write a formula below.');
      return;
    }
    recognitionTimer = setTimeout(() => {
      recognitionTimer = null;
      requestId++;
      setStatus('Recognizing…');
      vscode.postMessage({ type: 'recognize', id: requestId, strokes: ink.traces() });
    }, delayMs);
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
  document.getElementById('undo').addEventListener('click', ink.undo);
  document.getElementById('clear').addEventListener('click', ink.clear);
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
      event.preventDefault();
      ink.undo();
    } else if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
      event.preventDefault();
      if (event.target instanceof HTMLLIElement) choose(Array.from(alternativesList.children).indexOf(event.target));
      insert();
    }
  });

  vscode.postMessage({ type: 'ready' });
})();
