package org.inkmath.recognizer.ink;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One pen-down to pen-up trace: at least one point, in writing order. Immutable.
 * Example: {@code new Stroke(List.of(new InkPoint(0, 0), new InkPoint(5, 5)))}.
 */
public record Stroke(List<InkPoint> points) {

    public Stroke {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a stroke has at least one point");
        }
    }

    public int size() {
        return points.size();
    }

    public InkPoint get(int index) {
        return points.get(index);
    }

    /** The box around all points of this stroke. */
    public InkBounds bounds() {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (InkPoint p : points) {
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        return new InkBounds(minX, minY, maxX, maxY);
    }

    /** This stroke with every point replaced by {@code f(point)}. */
    public Stroke map(UnaryOperator<InkPoint> f) {
        return new Stroke(points.stream().map(f).toList());
    }
}
