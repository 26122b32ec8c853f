package org.inkmath.recognizer.model;

import java.util.List;
import org.inkmath.recognizer.image.GrayImage;

/**
 * Images padded to one size, as plain arrays: {@code pixels} [size, height, width] row-major in
 * [0, 1] (ink 1, background and padding 0) and {@code padding} of the same shape (true outside an
 * image). Example: {@code ImageBatch.of(List.of(image1, image2))}.
 */
public record ImageBatch(int size, int height, int width, float[] pixels, boolean[] padding) {

    public ImageBatch {
        if (size <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("an image batch needs positive sizes: " + size + " x " + height + " x " + width);
        }
        long cells = (long) size * height * width;
        if (pixels.length != cells || padding.length != cells) {
            throw new IllegalArgumentException("an image batch of " + size + " x " + height + " x " + width
                    + " needs " + cells + " pixels and mask cells, not " + pixels.length + " and " + padding.length);
        }
    }

    /** Pads grey images (ink 255 on 0) at the bottom and right to the largest height and width. */
    public static ImageBatch of(List<GrayImage> images) {
        int h = 0, w = 0;
        for (GrayImage img : images) {
            h = Math.max(h, img.height());
            w = Math.max(w, img.width());
        }
        return padded(images, h, w);
    }

    /** Pads the images to {@code height x width} (each must fit). */
    public static ImageBatch padded(List<GrayImage> images, int height, int width) {
        int b = images.size();
        float[] px = new float[b * height * width];
        boolean[] mask = new boolean[px.length];
        java.util.Arrays.fill(mask, true);
        for (int i = 0; i < b; i++) {
            GrayImage img = images.get(i);
            if (img.height() > height || img.width() > width) {
                throw new IllegalArgumentException("image " + i + " (" + img.width() + "x" + img.height()
                        + ") does not fit in " + width + "x" + height);
            }
            float[] f = img.toFloats();
            for (int y = 0; y < img.height(); y++) {
                int dst = (i * height + y) * width;
                System.arraycopy(f, y * img.width(), px, dst, img.width());
                java.util.Arrays.fill(mask, dst, dst + img.width(), false);
            }
        }
        return new ImageBatch(b, height, width, px, mask);
    }
}
