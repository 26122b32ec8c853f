package org.inkmath.recognizer.ink;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Handwriting: strokes in writing order, in whatever units the device used (tablet units, screen
 * pixels). Immutable; transformations return new ink. Example:
 * <pre>{@code
 * Ink ink = new Ink(List.of(new Stroke(List.of(new InkPoint(0, 0), new InkPoint(10, 5)))));
 * Ink unit = ink.normalised(100);   // top-left at 0,0, height 100 (aspect ratio kept)
 * }</pre>
 */
public record Ink(List<Stroke> strokes) {

    public Ink {
        strokes = List.copyOf(strokes);
        if (strokes.isEmpty()) {
            throw new IllegalArgumentException("ink has at least one stroke");
        }
    }

    public int strokeCount() {
        return strokes.size();
    }

    /** The number of points over all strokes. */
    public int pointCount() {
        int n = 0;
        for (Stroke s : strokes) {
            n += s.size();
        }
        return n;
    }

    /** The box around all points. */
    public InkBounds bounds() {
        InkBounds b = strokes.get(0).bounds();
        for (int i = 1; i < strokes.size(); i++) {
            b = b.union(strokes.get(i).bounds());
        }
        return b;
    }

    /** This ink with every point replaced by {@code f(point)}; times pass through f too. */
    public Ink map(UnaryOperator<InkPoint> f) {
        return new Ink(strokes.stream().map(s -> s.map(f)).toList());
    }

    /** This ink moved by (dx, dy) and then scaled by {@code factor} about the origin. */
    public Ink translatedScaled(double dx, double dy, double factor) {
        return map(p -> new InkPoint((p.x() + dx) * factor, (p.y() + dy) * factor, p.time()));
    }

    /**
     * This ink moved so that its box starts at (0, 0) and scaled uniformly so that its height is
     * {@code height}. Ink of zero height (a single dash) is scaled by its width instead, and ink
     * that is a single point is only moved.
     */
    public Ink normalised(double height) {
        if (!(height > 0)) {
            throw new IllegalArgumentException("normalised height must be positive: " + height);
        }
        InkBounds b = bounds();
        double extent = b.height() > 0 ? b.height() : b.width();
        double factor = extent > 0 ? height / extent : 1.0;
        return translatedScaled(-b.minX(), -b.minY(), factor);
    }
}
