package org.inkmath.recognizer.train;

/**
 * Random variation of the training pictures. Scale augmentation (comer.md): each picture is
 * resized by a factor k uniform in [minScale, maxScale] (for ink: rendered k times larger, pen
 * and margins included, which is a resize without blur). Ink-level jitter: a small random affine
 * map of the ink (rotation, horizontal shear, vertical stretch) and a pen width factor. Symbol
 * swap: each segmented symbol, with this probability, redrawn by another writer
 * ({@link SymbolBank}). All draws come from a per-sample seeded generator, so a run is
 * reproducible. Example: {@code Augmentation.comer()} (scale only),
 * {@code Augmentation.comerWithInkJitter()} or {@code Augmentation.comerWithSymbolSwap()}.
 *
 * @param minScale        least scale factor k
 * @param maxScale        greatest scale factor k
 * @param maxRotationDeg  rotation uniform in [-max, max] degrees
 * @param maxShear        horizontal shear (x += s * y) uniform in [-max, max]
 * @param maxStretch      vertical stretch uniform in [1 - max, 1 + max]
 * @param minWidthFactor  least pen width factor
 * @param maxWidthFactor  greatest pen width factor
 * @param symbolSwap      probability that a symbol is swapped for another writer's (0 to 1; a
 *                        configuration saved before swaps existed reads 0)
 */
public record Augmentation(double minScale, double maxScale, double maxRotationDeg, double maxShear,
                           double maxStretch, double minWidthFactor, double maxWidthFactor, double symbolSwap) {

    public Augmentation {
        if (!(minScale > 0 && minScale <= maxScale) || !(minWidthFactor > 0 && minWidthFactor <= maxWidthFactor)
                || maxRotationDeg < 0 || maxRotationDeg > 45 || maxShear < 0 || maxShear > 1
                || maxStretch < 0 || maxStretch >= 1 || !(symbolSwap >= 0 && symbolSwap <= 1)) {
            throw new IllegalArgumentException("bad augmentation ranges: " + this);
        }
    }

    /** No variation: every picture as calibrated. */
    public static Augmentation none() {
        return new Augmentation(1, 1, 0, 0, 0, 1, 1, 0);
    }

    /** The published recipe: scale factor uniform in [0.7, 1.4], nothing else. */
    public static Augmentation comer() {
        return new Augmentation(0.7, 1.4, 0, 0, 0, 1, 1, 0);
    }

    /** The recipe plus ink jitter: rotation up to 3 degrees, shear 0.1, stretch 8%, pen width 0.75..1.35. */
    public static Augmentation comerWithInkJitter() {
        return new Augmentation(0.7, 1.4, 3, 0.1, 0.08, 0.75, 1.35, 0);
    }

    /** The jitter recipe plus symbol swap: each segmented symbol redrawn by another writer with probability 0.3. */
    public static Augmentation comerWithSymbolSwap() {
        return new Augmentation(0.7, 1.4, 3, 0.1, 0.08, 0.75, 1.35, 0.3);
    }

    /** Whether this draws anything at all. */
    public boolean isNone() {
        return minScale == 1 && maxScale == 1 && maxRotationDeg == 0 && maxShear == 0 && maxStretch == 0
                && minWidthFactor == 1 && maxWidthFactor == 1 && symbolSwap == 0;
    }
}
