package org.inkmath.recognizer.ink;

/**
 * One pen sample: a position and, when the device recorded it, a time stamp.
 * An absent time is {@code NaN} (records compare doubles with {@link Double#compare}, so two
 * points without time are equal). Example: {@code new InkPoint(10, 20)}.
 */
public record InkPoint(double x, double y, double time) {

    public InkPoint {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("point coordinates must be finite numbers: " + x + ", " + y);
        }
        if (Double.isInfinite(time)) {
            throw new IllegalArgumentException("point time must be finite or absent (NaN): " + time);
        }
    }

    /** A point without a time stamp. */
    public InkPoint(double x, double y) {
        this(x, y, Double.NaN);
    }

    /** Whether this point has a time stamp. */
    public boolean hasTime() {
        return !Double.isNaN(time);
    }
}
