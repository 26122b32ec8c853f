// inkmath web ink pad: around the ink of ink-canvas.js (loaded first), recognises shortly after
// the pen lifts, shows the formula, its LaTeX and the alternatives, and saves the ink as InkML.
// No libraries, no network beyond the server that served this file.
'use strict';

(function () {
  const RECOGNISE_DELAY_MS = 400;   // after the last pen-up, so a multi-stroke symbol is whole
  const RENDER_SIZE = 32;

  const canvas = document.getElementById('pad');
  const statusLine = document.getElementById('status');
  const latexOut = document.getElementById('latex');
  const rendered = document.getElementById('rendered');
  const copyButton = document.getElementById('copy');
  const alternativesList = document.getElementById('alternatives');
  const details = document.getElementById('details');
  const warning = document.getElementById('model-warning');

  let timer = null;
  let inFlight = null;         // AbortController of the request under way
  let generation = 0;          // bumps on every change; stale answers are dropped
  let chosen = null;           // the LaTeX now shown (best or a chosen alternative)

  function setState(state) { document.body.dataset.state = state; }
  function say(text) { statusLine.textContent = text; }

  // pen input, drawing, undo and clear: ink-canvas.js, shared with the VS Code pad
  const ink = InkCanvas.attach(canvas, {
    colour: () => getComputedStyle(document.documentElement).getPropertyValue('--ink').trim() || '#000',
    onPenDown: cancelPending,
    onChange: changed,
  });

  function changed() {
    generation++;
    cancelPending();
    if (ink.strokeCount() === 0) {
      showNothing();
      return;
    }
    setState('pending');
    timer = setTimeout(recognise, RECOGNISE_DELAY_MS);
  }

  function cancelPending() {
    if (timer !== null) { clearTimeout(timer); timer = null; }
    if (inFlight !== null) { inFlight.abort(); inFlight = null; }
  }

  // --- recognition ---------------------------------------------------------------------------
  function strokesJson() {
    return JSON.stringify(ink.traces());
  }

  async function recognise(attempt) {
    timer = null;
    const mine = generation;
    const controller = new AbortController();
    inFlight = controller;
    say('Recognising…');
    try {
      const response = await fetch('api/recognize?nbest=5', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: strokesJson(),
        signal: controller.signal,
      });
      const body = await response.json();
      if (mine !== generation) { return; }
      inFlight = null;
      if (response.status === 503 && (attempt || 0) < 3) {
        const wait = Number(response.headers.get('Retry-After') || '1');
        say('The server is busy; trying again in ' + wait + ' s…');
        timer = setTimeout(() => recognise((attempt || 0) + 1), wait * 1000);
        return;
      }
      if (!response.ok) {
        setState('error');
        say('Not recognised: ' + (body.detail || body.error || response.status));
        return;
      }
      show(body);
    } catch (err) {
      if (err.name === 'AbortError' || mine !== generation) { return; }
      inFlight = null;
      setState('error');
      say('Cannot reach the server: ' + err.message);
    }
  }

  function show(result) {
    details.textContent = 'confidence ' + (100 * result.confidence).toFixed(0) + ' %' +
      (result.repaired ? ' · repaired to valid LaTeX' : '') +
      ' · ' + Math.round(result.timings.serverMs) + ' ms';
    alternativesList.replaceChildren();
    const alternatives = result.alternatives.length ? result.alternatives : [{ latex: result.latex, score: result.score }];
    alternatives.forEach((alt, i) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = alt.latex;
      b.title = 'Use this reading (score ' + alt.score.toFixed(3) + ')';
      b.dataset.latex = alt.latex;
      b.setAttribute('aria-pressed', i === 0 ? 'true' : 'false');
      b.addEventListener('click', () => choose(alt.latex));
      li.appendChild(b);
      alternativesList.appendChild(li);
    });
    if (result.model && result.model.warning) { showWarning(result.model); }
    choose(result.latex);
    say('Recognised.');
  }

  function choose(latex) {
    chosen = latex;
    latexOut.textContent = latex;
    copyButton.disabled = false;
    for (const b of alternativesList.querySelectorAll('button')) {
      b.setAttribute('aria-pressed', b.dataset.latex === latex ? 'true' : 'false');
    }
    rendered.alt = 'Typeset formula: ' + latex;
    rendered.hidden = false;
    setState('rendering');
    rendered.onload = () => { if (chosen === latex) { setState('done'); } };
    rendered.onerror = () => { if (chosen === latex) { rendered.hidden = true; setState('done'); } };
    rendered.src = 'api/render?format=svg&size=' + RENDER_SIZE + '&latex=' + encodeURIComponent(latex);
  }

  function showNothing() {
    chosen = null;
    latexOut.textContent = '';
    rendered.hidden = true;
    rendered.removeAttribute('src');
    copyButton.disabled = true;
    alternativesList.replaceChildren();
    details.textContent = '';
    setState('idle');
    say('Draw to begin.');
  }

  function showWarning(model) {
    warning.textContent = 'Warning: ' + model.warning + ' (model “' + model.name + '”).';
    warning.hidden = false;
  }

  // --- copy and save -------------------------------------------------------------------------
  async function copy() {
    if (chosen === null) { return; }
    try {
      await navigator.clipboard.writeText(chosen);
      say('LaTeX copied.');
    } catch (err) {
      // clipboard access needs a secure context or a user gesture: fall back to a selection
      const range = document.createRange();
      range.selectNodeContents(latexOut);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      say('Press Ctrl+C to copy the selected LaTeX.');
    }
  }

  function escapeXml(s) {
    return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' }[c]));
  }

  /** The drawing as InkML 2006 (channels X, Y, T), with the chosen LaTeX as its truth. */
  function inkml() {
    const lines = ['<?xml version="1.0" encoding="UTF-8"?>',
      '<ink xmlns="http://www.w3.org/2003/InkML">',
      '  <traceFormat>',
      '    <channel name="X" type="decimal"/>',
      '    <channel name="Y" type="decimal"/>',
      '    <channel name="T" type="integer"/>',
      '  </traceFormat>'];
    if (chosen !== null) { lines.push('  <annotation type="truth">$' + escapeXml(chosen) + '$</annotation>'); }
    ink.traces().forEach((trace, i) => {
      lines.push('  <trace id="' + i + '">' + trace.map((p) => p.join(' ')).join(', ') + '</trace>');
    });
    lines.push('</ink>', '');
    return lines.join('\n');
  }

  function save() {
    if (ink.strokeCount() === 0) { say('Nothing to save yet.'); return; }
    const blob = new Blob([inkml()], { type: 'application/inkml+xml' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'formula-' + new Date().toISOString().replace(/[:.]/g, '-') + '.inkml';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    say('Saved the ink as InkML.');
  }

  document.getElementById('undo').addEventListener('click', ink.undo);
  document.getElementById('clear').addEventListener('click', ink.clear);
  document.getElementById('save').addEventListener('click', save);
  copyButton.addEventListener('click', copy);
  document.addEventListener('keydown', (e) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && !e.shiftKey && e.key.toLowerCase() === 'z') { e.preventDefault(); ink.undo(); }
    else if (mod && e.key.toLowerCase() === 's') { e.preventDefault(); save(); }
    else if (e.key === 'Escape') { ink.clear(); }
  });

  // the model's status: a model that is not released gets a visible warning from the start
  fetch('health').then((r) => r.json()).then((h) => {
    if (h.model && h.model.warning) { showWarning(h.model); }
  }).catch(() => say('Cannot reach the server.'));

  // for tests and for pages that embed the pad: read-only views of the ink
  window.inkPad = Object.freeze({
    strokesJson: strokesJson,
    inkml: inkml,
    strokeCount: ink.strokeCount,
    pointCount: ink.pointCount,
  });
}());
