package org.inkmath.recognizer.train;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.List;
import org.inkmath.latex.Vocabulary;
import org.inkmath.recognizer.image.GrayImage;

/**
 * A padded batch, ready for a tensor library: {@code size} images of {@code height x width}
 * (pixels in [0,1], ink 1, padding 0, row-major [b, h, w]), a mask of the same shape that is
 * true on padding, and the captions' token ids padded with {@link Vocabulary#PAD} to
 * {@code maxTokens} ([b, maxTokens], no {@code <sos>}/{@code <eos>}: the model adds them for each
 * direction). Immutable: the accessors give read-only views. Example:
 * <pre>{@code
 * float[] x = new float[batch.size() * batch.height() * batch.width()];
 * batch.pixels().get(x);
 * }</pre>
 */
public final class Batch {

    private final List<String> names;
    private final int height;
    private final int width;
    private final float[] pixels;
    private final boolean[] mask;
    private final int[] tokens;
    private final int maxTokens;
    private final int[] tokenCounts;
    private final int[] heights;
    private final int[] widths;

    private Batch(List<String> names, int height, int width, float[] pixels, boolean[] mask, int[] tokens,
                  int maxTokens, int[] tokenCounts, int[] heights, int[] widths) {
        this.names = List.copyOf(names);
        this.height = height;
        this.width = width;
        this.pixels = pixels;
        this.mask = mask;
        this.tokens = tokens;
        this.maxTokens = maxTokens;
        this.tokenCounts = tokenCounts;
        this.heights = heights;
        this.widths = widths;
    }

    /** Pads the images and token ids into one batch. */
    public static Batch of(List<String> names, List<GrayImage> images, List<int[]> ids) {
        int b = images.size();
        if (b == 0 || names.size() != b || ids.size() != b) {
            throw new IllegalArgumentException("a batch needs as many names, images and captions, at least one: "
                    + names.size() + ", " + b + ", " + ids.size());
        }
        int h = 0, w = 0, t = 0;
        for (int i = 0; i < b; i++) {
            h = Math.max(h, images.get(i).height());
            w = Math.max(w, images.get(i).width());
            t = Math.max(t, ids.get(i).length);
        }
        float[] px = new float[b * h * w];
        boolean[] mask = new boolean[b * h * w];
        java.util.Arrays.fill(mask, true);
        int[] hs = new int[b], ws = new int[b], counts = new int[b];
        int[] tok = new int[b * t]; // zeros are <pad>
        for (int i = 0; i < b; i++) {
            GrayImage img = images.get(i);
            hs[i] = img.height();
            ws[i] = img.width();
            float[] f = img.toFloats();
            for (int y = 0; y < img.height(); y++) {
                int dst = (i * h + y) * w;
                System.arraycopy(f, y * img.width(), px, dst, img.width());
                java.util.Arrays.fill(mask, dst, dst + img.width(), false);
            }
            int[] id = ids.get(i);
            counts[i] = id.length;
            System.arraycopy(id, 0, tok, i * t, id.length);
        }
        return new Batch(names, h, w, px, mask, tok, t, counts, hs, ws);
    }

    public int size() {
        return names.size();
    }

    public List<String> names() {
        return names;
    }

    /** Padded height (the largest in the batch). */
    public int height() {
        return height;
    }

    /** Padded width (the largest in the batch). */
    public int width() {
        return width;
    }

    /** Padded pixels in all: size x height x width. */
    public long paddedPixels() {
        return (long) size() * height * width;
    }

    /** Pixels [b, h, w], ink 1.0, background and padding 0.0. */
    public FloatBuffer pixels() {
        return FloatBuffer.wrap(pixels).asReadOnlyBuffer();
    }

    /** Whether cell (i, y, x) is padding (outside image i). */
    public boolean isPadding(int i, int y, int x) {
        return mask[(i * height + y) * width + x];
    }

    /** The mask [b, h, w] as a copy; true = padding. */
    public boolean[] mask() {
        return mask.clone();
    }

    /** Token ids [b, maxTokens], padded with 0 ({@code <pad>}). */
    public IntBuffer tokens() {
        return IntBuffer.wrap(tokens).asReadOnlyBuffer();
    }

    public int maxTokens() {
        return maxTokens;
    }

    /** The caption length of image i. */
    public int tokenCount(int i) {
        return tokenCounts[i];
    }

    /** The unpadded height of image i. */
    public int imageHeight(int i) {
        return heights[i];
    }

    /** The unpadded width of image i. */
    public int imageWidth(int i) {
        return widths[i];
    }

    @Override
    public String toString() {
        return "Batch[" + size() + " x " + height + " x " + width + ", " + maxTokens + " tokens]";
    }
}
