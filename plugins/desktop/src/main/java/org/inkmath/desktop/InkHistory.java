package org.inkmath.desktop;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.inkmath.recognizer.ink.Ink;
import org.inkmath.recognizer.ink.Stroke;

/**
 * The strokes on a pad and the states before each change, for undo. Every change (a stroke
 * added, the pad cleared, the ink replaced) can be undone, a clear included, and raises the
 * generation, which tells a background recognition whether its result is still about the ink
 * shown. Not thread-safe: the pad's Swing thread owns it. Example:
 * <pre>{@code
 * InkHistory h = new InkHistory();
 * h.add(stroke);          // generation 1, one stroke
 * h.clear();              // generation 2, empty
 * h.undo();               // generation 3, the stroke is back
 * }</pre>
 */
final class InkHistory {

    /** Undo steps kept; older ones are forgotten so that a long session's memory stays bounded. */
    static final int MAX_UNDO = 1_000;

    private final Deque<List<Stroke>> before = new ArrayDeque<>();
    private List<Stroke> strokes = List.of();
    private long generation;

    /** The strokes in writing order (immutable). */
    List<Stroke> strokes() {
        return strokes;
    }

    /** The strokes as ink; empty when nothing is written. */
    Optional<Ink> ink() {
        return strokes.isEmpty() ? Optional.empty() : Optional.of(new Ink(strokes));
    }

    /** Raised by every change; never repeats. */
    long generation() {
        return generation;
    }

    boolean canUndo() {
        return !before.isEmpty();
    }

    /** Appends a finished stroke. */
    void add(Stroke stroke) {
        List<Stroke> next = new ArrayList<>(strokes);
        next.add(stroke);
        change(List.copyOf(next));
    }

    /** Empties the pad; returns false (and changes nothing) when it already was empty. */
    boolean clear() {
        if (strokes.isEmpty()) {
            return false;
        }
        change(List.of());
        return true;
    }

    /** Replaces all strokes (an undoable step). */
    void replace(List<Stroke> newStrokes) {
        change(List.copyOf(newStrokes));
    }

    /** Goes back to the state before the last change; returns false when there is none. */
    boolean undo() {
        if (before.isEmpty()) {
            return false;
        }
        strokes = before.pop();
        generation++;
        return true;
    }

    private void change(List<Stroke> next) {
        before.push(strokes);
        if (before.size() > MAX_UNDO) {
            before.removeLast();
        }
        strokes = next;
        generation++;
    }
}
