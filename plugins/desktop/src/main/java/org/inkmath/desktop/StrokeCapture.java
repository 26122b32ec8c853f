package org.inkmath.desktop;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.inkmath.recognizer.ink.InkPoint;
import org.inkmath.recognizer.ink.Stroke;

/**
 * Turns pointer samples (pen down, moves, pen up) into a {@link Stroke}. Times are in
 * milliseconds from the first pen-down of the ink, so that saved InkML has small, meaningful
 * times. Samples that repeat the previous position are dropped (a resting pen adds nothing to the
 * shape). Not thread-safe: the Swing thread feeds it. Example:
 * <pre>{@code
 * StrokeCapture c = new StrokeCapture();
 * c.begin(10, 10, event.getWhen(), true);
 * c.extend(12, 14, later);
 * Optional<Stroke> s = c.end(13, 15, evenLater);
 * }</pre>
 */
final class StrokeCapture {

    /** Samples kept per stroke at most; further ones are dropped (bounds memory, as JsonStrokes does). */
    static final int MAX_POINTS_PER_STROKE = 20_000;

    private final List<InkPoint> points = new ArrayList<>();
    private long origin;
    private boolean hasOrigin;
    private boolean active;

    /**
     * Pen down at (x, y).
     *
     * @param newInk whether this stroke starts new ink (the pad is empty): times count from here
     */
    void begin(double x, double y, long when, boolean newInk) {
        if (newInk || !hasOrigin) {
            origin = when;
            hasOrigin = true;
        }
        points.clear();
        active = true;
        points.add(new InkPoint(x, y, when - origin));
    }

    /** A move with the pen down; ignored when no stroke is in progress. */
    void extend(double x, double y, long when) {
        if (!active || points.size() >= MAX_POINTS_PER_STROKE) {
            return;
        }
        InkPoint last = points.get(points.size() - 1);
        if (last.x() == x && last.y() == y) {
            return;
        }
        points.add(new InkPoint(x, y, when - origin));
    }

    /** Pen up at (x, y): the finished stroke, or empty when no stroke was in progress. */
    Optional<Stroke> end(double x, double y, long when) {
        if (!active) {
            return Optional.empty();
        }
        extend(x, y, when);
        active = false;
        Stroke stroke = new Stroke(points);
        points.clear();
        return Optional.of(stroke);
    }

    /** Drops the stroke in progress (the pad was cleared or the ink replaced under the pen). */
    void cancel() {
        active = false;
        points.clear();
    }

    boolean active() {
        return active;
    }

    /** The points of the stroke in progress, a copy (empty when none). */
    List<InkPoint> inProgress() {
        return List.copyOf(points);
    }
}
