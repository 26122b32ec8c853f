package org.inkmath.recognizer.train;

/**
 * Limits of one batch (comer.md): at most {@code maxImages} images and at most {@code maxPixels}
 * padded pixels (images x largest height x largest width). Example: {@code BatchRules.comer()}.
 */
public record BatchRules(int maxImages, long maxPixels) {

    public BatchRules {
        if (maxImages < 1 || maxPixels < 1) {
            throw new IllegalArgumentException("batch limits must be positive: " + maxImages + ", " + maxPixels);
        }
    }

    /** 8 images, 320,000 padded pixels. */
    public static BatchRules comer() {
        return new BatchRules(8, 320_000);
    }

    /** Whether {@code count} images padded to {@code height x width} keep to the limits. */
    public boolean allows(int count, int height, int width) {
        return count <= maxImages && (long) count * height * width <= maxPixels;
    }
}
