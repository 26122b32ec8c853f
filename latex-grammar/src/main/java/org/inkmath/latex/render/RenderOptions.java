package org.inkmath.latex.render;

import java.awt.Color;
import java.util.Objects;

/**
 * How to render a formula.
 *
 * @param sizePoints  font size in points; at jlatexmath's scale one point is one pixel, so 20
 *                    gives glyphs of about 20 pixels; between {@value #MIN_SIZE} and {@value #MAX_SIZE}
 * @param foreground  colour of the ink
 * @param background  colour behind the ink; a colour with alpha 0 (see {@link #TRANSPARENT})
 *                    leaves the background transparent
 * @param paddingPixels empty margin on every side, 0 to {@value #MAX_PADDING}
 * @param style       TeX math style
 *
 * <pre>{@code
 * RenderOptions options = RenderOptions.defaults().withSize(40).withBackground(Color.WHITE);
 * }</pre>
 */
public record RenderOptions(double sizePoints, Color foreground, Color background, int paddingPixels, RenderStyle style) {

    public static final double MIN_SIZE = 1;
    public static final double MAX_SIZE = 1000;
    public static final int MAX_PADDING = 1000;
    /** A fully transparent background. */
    public static final Color TRANSPARENT = new Color(0, 0, 0, 0);

    public RenderOptions {
        Objects.requireNonNull(foreground, "foreground");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(style, "style");
        if (!(sizePoints >= MIN_SIZE && sizePoints <= MAX_SIZE)) {
            throw new IllegalArgumentException("size must be between " + MIN_SIZE + " and " + MAX_SIZE + " points, not " + sizePoints);
        }
        if (paddingPixels < 0 || paddingPixels > MAX_PADDING) {
            throw new IllegalArgumentException("padding must be between 0 and " + MAX_PADDING + " pixels, not " + paddingPixels);
        }
    }

    /** 20 points, black ink on a transparent background, 4 pixels of padding, display style. */
    public static RenderOptions defaults() {
        return new RenderOptions(20, Color.BLACK, TRANSPARENT, 4, RenderStyle.DISPLAY);
    }

    public RenderOptions withSize(double points) {
        return new RenderOptions(points, foreground, background, paddingPixels, style);
    }

    public RenderOptions withForeground(Color color) {
        return new RenderOptions(sizePoints, color, background, paddingPixels, style);
    }

    public RenderOptions withBackground(Color color) {
        return new RenderOptions(sizePoints, foreground, color, paddingPixels, style);
    }

    public RenderOptions withPadding(int pixels) {
        return new RenderOptions(sizePoints, foreground, background, pixels, style);
    }

    public RenderOptions withStyle(RenderStyle newStyle) {
        return new RenderOptions(sizePoints, foreground, background, paddingPixels, newStyle);
    }

    /** Whether the background is left transparent. */
    public boolean transparentBackground() {
        return background.getAlpha() == 0;
    }
}
