package org.inkmath.recognizer.ink;

/**
 * An axis-aligned box around ink, in the ink's own units. Example:
 * {@code new InkBounds(0, 0, 4, 2).width() == 4}.
 */
public record InkBounds(double minX, double minY, double maxX, double maxY) {

    public InkBounds {
        if (!(minX <= maxX) || !(minY <= maxY)) {
            throw new IllegalArgumentException("bounds with min > max: " + minX + "," + minY + " " + maxX + "," + maxY);
        }
    }

    public double width() {
        return maxX - minX;
    }

    public double height() {
        return maxY - minY;
    }

    /** The smallest box holding this box and {@code other}. */
    public InkBounds union(InkBounds other) {
        return new InkBounds(Math.min(minX, other.minX), Math.min(minY, other.minY),
                Math.max(maxX, other.maxX), Math.max(maxY, other.maxY));
    }
}
