package org.inkmath.recognizer.model;

import java.util.Random;

/** Small configurations and random inputs for fast tests. */
final class TinyModels {

    private TinyModels() {
    }


    /** A random picture of strokes-like blobs, values in [0, 1]. */
    static float[] randomImage(Random random, int h, int w) {
        float[] px = new float[h * w];
        for (int i = 0; i < px.length; i++) {
            px[i] = random.nextFloat() < 0.3f ? random.nextFloat() : 0f;
        }
        return px;
    }

    /** Images placed top-left in a batch padded to h x w. */
    static ImageBatch batch(int h, int w, float[][] images, int[][] sizes) {
        int b = images.length;
        float[] px = new float[b * h * w];
        boolean[] pad = new boolean[b * h * w];
        java.util.Arrays.fill(pad, true);
        for (int i = 0; i < b; i++) {
            int ih = sizes[i][0], iw = sizes[i][1];
            for (int y = 0; y < ih; y++) {
                for (int x = 0; x < iw; x++) {
                    px[(i * h + y) * w + x] = images[i][y * iw + x];
                    pad[(i * h + y) * w + x] = false;
                }
            }
        }
        return new ImageBatch(b, h, w, px, pad);
    }
}
