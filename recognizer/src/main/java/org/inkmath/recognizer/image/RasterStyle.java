package org.inkmath.recognizer.image;

/**
 * How ink becomes pixels. The scale is set by the ink itself: the mean bounding-box height of its
 * strokes (leaving out those under {@link #SMALL_STROKE_FRACTION} of the tallest: dots, dashes)
 * becomes {@code meanStrokeHeight} pixels (times {@code scale}, the hook for scale augmentation), so that writing of any size, in tablet units or screen pixels, comes out at the
 * size of the published CROHME images. Strokes are {@code strokeWidth} pixels wide with round caps,
 * drawn 255 on 0 without anti-aliasing (two values, like the published images), and the image is
 * cropped to the ink plus {@code margin} pixels on every side. Example:
 * {@code RasterStyle.crohme().withScale(1.2).withStrokeWidth(4)}.
 *
 * @param meanStrokeHeight pixels that the mean height of the counted strokes maps to (before {@code scale})
 * @param strokeWidth      pen width in pixels
 * @param margin           background pixels around the ink on each side
 * @param scale            extra factor on the size (1 = the calibrated size)
 */
public record RasterStyle(double meanStrokeHeight, double strokeWidth, int margin, double scale) {

    /** Largest side of a rendered image, in pixels: ink beyond it is scaled down to fit. */
    public static final int MAX_SIDE = 8192;
    /** Strokes less tall than this fraction of the tallest stroke do not count for the scale. */
    public static final double SMALL_STROKE_FRACTION = 0.1;

    public RasterStyle {
        // upper bounds keep a request from asking for a canvas that cannot be allocated
        if (!(meanStrokeHeight > 0 && meanStrokeHeight <= 1000) || !(strokeWidth > 0 && strokeWidth <= 200)
                || margin < 0 || margin > 1000 || !(scale > 0 && scale <= 100)) {
            throw new IllegalArgumentException("bad raster style: stroke height " + meanStrokeHeight + ", width "
                    + strokeWidth + ", margin " + margin + ", scale " + scale);
        }
    }

    /**
     * The style fitted to the published CROHME 2014 offline images (see BENCHMARKS.md,
     * "Rasteriser calibration"): 12-pixel margins and the stroke width and scale measured there.
     */
    public static RasterStyle crohme() {
        return new RasterStyle(28.1, 3.25, 12, 1.0);
    }

    /**
     * This style for a picture {@code k} times as large, as resizing the picture would make it:
     * size, pen width and margins all grow by {@code k} (margins rounded to whole pixels).
     */
    public RasterStyle enlarged(double k) {
        return new RasterStyle(meanStrokeHeight, strokeWidth * k, (int) Math.round(margin * k), scale * k);
    }

    public RasterStyle withScale(double newScale) {
        return new RasterStyle(meanStrokeHeight, strokeWidth, margin, newScale);
    }

    public RasterStyle withStrokeWidth(double width) {
        return new RasterStyle(meanStrokeHeight, width, margin, scale);
    }

    public RasterStyle withMeanStrokeHeight(double pixels) {
        return new RasterStyle(pixels, strokeWidth, margin, scale);
    }

    public RasterStyle withMargin(int pixels) {
        return new RasterStyle(meanStrokeHeight, strokeWidth, pixels, scale);
    }
}
