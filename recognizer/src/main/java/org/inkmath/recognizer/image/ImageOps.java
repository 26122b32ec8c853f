package org.inkmath.recognizer.image;

/**
 * Pixel operations on {@link GrayImage}: area resampling and fitting into the model's size range.
 * Example: {@code GrayImage input = ImageOps.fitToModelRange(ImageOps.scale(img, 0.8));}
 */
public final class ImageOps {

    /** The model's height range (comer.md): 16 <= H <= 256. */
    public static final int MIN_HEIGHT = 16, MAX_HEIGHT = 256;
    /** The model's width range (comer.md): 16 <= W <= 1024. */
    public static final int MIN_WIDTH = 16, MAX_WIDTH = 1024;

    private ImageOps() {
    }

    /**
     * The image scaled into the model's range, aspect ratio kept: shrunk when a side is too large,
     * grown when a side is too small (never past the upper limits; a sliver of extreme aspect ratio
     * keeps its short side under 16 rather than break the upper limits). Returned as is when already
     * in range.
     */
    public static GrayImage fitToModelRange(GrayImage img) {
        int[] hw = modelRangeSize(img.height(), img.width());
        return resize(img, hw[1], hw[0]);
    }

    /** The {height, width} that {@link #fitToModelRange} gives an image of {@code h x w}. */
    public static int[] modelRangeSize(int h, int w) {
        double f = 1;
        if (h > MAX_HEIGHT || w > MAX_WIDTH) {
            f = Math.min((double) MAX_HEIGHT / h, (double) MAX_WIDTH / w);
        } else if (h < MIN_HEIGHT || w < MIN_WIDTH) {
            f = Math.min(Math.max((double) MIN_HEIGHT / h, (double) MIN_WIDTH / w),
                    Math.min((double) MAX_HEIGHT / h, (double) MAX_WIDTH / w));
        }
        if (f == 1) {
            return new int[] {h, w};
        }
        return new int[] {clamp((int) Math.round(h * f), 1, MAX_HEIGHT), clamp((int) Math.round(w * f), 1, MAX_WIDTH)};
    }

    /** The image scaled by {@code factor} (at least one pixel per side). */
    public static GrayImage scale(GrayImage img, double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("scale factor must be positive: " + factor);
        }
        return resize(img, Math.max(1, (int) Math.round(img.width() * factor)),
                Math.max(1, (int) Math.round(img.height() * factor)));
    }

    /**
     * Area resampling to {@code nw x nh}: each output pixel is the mean of the input area it covers
     * (thin strokes fade to gray when shrunk instead of vanishing, as with OpenCV's INTER_AREA).
     */
    public static GrayImage resize(GrayImage img, int nw, int nh) {
        if (nw <= 0 || nh <= 0) {
            throw new IllegalArgumentException("target size must be positive: " + nw + "x" + nh);
        }
        if (nw == img.width() && nh == img.height()) {
            return img;
        }
        int w = img.width(), h = img.height();
        byte[] src = img.pixels();
        float[] tmp = new float[nw * h];
        double sx = (double) w / nw;
        for (int x = 0; x < nw; x++) {
            double a = x * sx, b = a + sx;
            int i0 = (int) Math.floor(a), i1 = Math.min(w - 1, (int) Math.ceil(b) - 1);
            for (int y = 0; y < h; y++) {
                double sum = 0;
                int row = y * w;
                for (int i = i0; i <= i1; i++) {
                    double cover = Math.min(b, i + 1) - Math.max(a, i);
                    sum += cover * (src[row + i] & 0xff);
                }
                tmp[y * nw + x] = (float) (sum / sx);
            }
        }
        byte[] out = new byte[nw * nh];
        double sy = (double) h / nh;
        for (int y = 0; y < nh; y++) {
            double a = y * sy, b = a + sy;
            int j0 = (int) Math.floor(a), j1 = Math.min(h - 1, (int) Math.ceil(b) - 1);
            for (int x = 0; x < nw; x++) {
                double sum = 0;
                for (int j = j0; j <= j1; j++) {
                    double cover = Math.min(b, j + 1) - Math.max(a, j);
                    sum += cover * tmp[j * nw + x];
                }
                out[y * nw + x] = (byte) clamp((int) Math.round(sum / sy), 0, 255);
            }
        }
        return GrayImage.wrap(nw, nh, out);
    }

    /** The image cropped to its non-zero pixels plus {@code margin} zero pixels on every side. */
    public static GrayImage cropToInk(GrayImage img, int margin) {
        return InkRasterizer.cropWithMargin(img, margin);
    }

    static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
