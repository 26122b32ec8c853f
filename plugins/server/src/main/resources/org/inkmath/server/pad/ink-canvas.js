// inkmath ink canvas: the pen input, drawing and undo of every web ink pad, in one place. The
// pad the server serves loads it as /ink-canvas.js; the VS Code extension's build copies this file
// into its media/ folder for its webview. Each page adds its own recognition and answers around it:
//
//   const ink = InkCanvas.attach(canvas, {
//     colour: () => '#000',           // the ink's colour, asked at every drawing
//     onPenDown: () => {},            // a stroke starts: work for the old ink is stale
//     onChange: () => {},             // a stroke ended, or undo or clear changed the ink
//   });
//   ink.traces();                     // [[[x, y, t], ...], ...]: CSS pixels, ms since the first point
//
// Plain script, no libraries, no network.
'use strict';

window.InkCanvas = Object.freeze({
  attach: function attach(canvas, options) {
    const ctx = canvas.getContext('2d');

    /** The ink: strokes of {x, y, t, p} (CSS pixels, ms since origin, pressure), the one being drawn last. */
    let strokes = [];
    /** Earlier inks, newest last: undo goes back one, whether a stroke was added or the pad cleared. */
    const history = [];
    let current = null;          // the stroke being drawn
    let activePointer = null;    // one pen at a time: a palm or a second finger is ignored
    let origin = null;           // the time of the ink's first point (the page's clock, ms)

    // --- drawing -----------------------------------------------------------------------------
    function resize() {
      const ratio = window.devicePixelRatio || 1;
      const box = canvas.getBoundingClientRect();
      canvas.width = Math.max(1, Math.round(box.width * ratio));
      canvas.height = Math.max(1, Math.round(box.height * ratio));
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      redraw();
    }

    function redraw() {
      const box = canvas.getBoundingClientRect();
      ctx.clearRect(0, 0, box.width, box.height);
      for (const s of strokes) { drawStroke(s, 0); }
    }

    // mice report 0.5 while pressed, so they draw the middle width; pens widen it with pressure
    function width(p) { return 1.5 + 2.5 * (p > 0 ? p : 0.5); }

    /** Draws a stroke from point index {@code from} (0 for all of it). */
    function drawStroke(stroke, from) {
      ctx.strokeStyle = options.colour();
      ctx.fillStyle = ctx.strokeStyle;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      if (stroke.length === 1) {
        ctx.beginPath();
        ctx.arc(stroke[0].x, stroke[0].y, width(stroke[0].p) / 2, 0, 2 * Math.PI);
        ctx.fill();
        return;
      }
      for (let i = Math.max(1, from); i < stroke.length; i++) {
        const a = stroke[i - 1], b = stroke[i];
        ctx.lineWidth = width(b.p);
        ctx.beginPath();
        ctx.moveTo(a.x, a.y);
        ctx.lineTo(b.x, b.y);
        ctx.stroke();
      }
    }

    // --- pen input ---------------------------------------------------------------------------
    function round2(v) { return Math.round(v * 100) / 100; }

    function point(e) {
      const box = canvas.getBoundingClientRect();
      const now = e.timeStamp || performance.now();   // both count from the page's time origin
      if (origin === null) { origin = now; }
      const t = Math.max(0, Math.round(now - origin));
      // mice report 0.5 while pressed; pens and some touch screens report real pressure
      return { x: round2(e.clientX - box.left), y: round2(e.clientY - box.top), t: t, p: e.pressure || 0 };
    }

    canvas.addEventListener('pointerdown', (e) => {
      if (activePointer !== null || (e.pointerType === 'mouse' && e.button !== 0)) { return; }
      activePointer = e.pointerId;
      try {
        canvas.setPointerCapture(e.pointerId);   // the stroke goes on when the pen leaves the canvas
      } catch (err) {
        // a pointer the browser does not track (a synthetic event): the stroke works inside the canvas
      }
      e.preventDefault();
      options.onPenDown();
      history.push({ strokes: strokes, origin: origin });
      current = [point(e)];
      strokes = strokes.concat([current]);
      drawStroke(current, 0);
    });

    canvas.addEventListener('pointermove', (e) => {
      if (e.pointerId !== activePointer || current === null) { return; }
      const from = current.length;
      // coalesced events carry the points between two frames: smoother ink from fast pens
      const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
      for (const c of (events.length ? events : [e])) {
        const p = point(c);
        const last = current[current.length - 1];
        if (p.x !== last.x || p.y !== last.y) { current.push(p); }
      }
      drawStroke(current, from);
    });

    function endStroke(e) {
      if (e.pointerId !== activePointer) { return; }
      activePointer = null;
      if (canvas.hasPointerCapture(e.pointerId)) { canvas.releasePointerCapture(e.pointerId); }
      current = null;
      options.onChange();
    }
    canvas.addEventListener('pointerup', endStroke);
    canvas.addEventListener('pointercancel', endStroke);
    // a long press or a pen's barrel button would open a menu over the ink
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());

    // --- editing -----------------------------------------------------------------------------
    function restore(earlier) {
      strokes = earlier.strokes;
      origin = earlier.origin;
    }

    /** Takes back the last stroke or clear; nothing while a stroke is being drawn. */
    function undo() {
      if (current !== null || history.length === 0) { return; }
      restore(history.pop());
      redraw();
      options.onChange();
    }

    /** Empties the pad (undo brings the ink back); a stroke being drawn is dropped. */
    function clear() {
      const drawing = current !== null;
      if (drawing) {
        restore(history.pop());   // the ink before that stroke began
        current = null;
        activePointer = null;
      }
      if (strokes.length > 0) {
        history.push({ strokes: strokes, origin: origin });
        strokes = [];
        origin = null;
      } else if (!drawing) {
        return;
      }
      redraw();
      options.onChange();
    }

    new ResizeObserver(resize).observe(canvas);
    resize();

    return Object.freeze({
      /** The ink as [x, y, t] points per stroke: the JSON the server's /api/recognize reads. */
      traces: () => strokes.map((s) => s.map((p) => [p.x, p.y, p.t])),
      strokeCount: () => strokes.length,
      pointCount: () => strokes.reduce((n, s) => n + s.length, 0),
      undo: undo,
      clear: clear,
    });
  },
});
