package org.inkmath.recognizer.image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.inkmath.recognizer.ink.Ink;
import org.inkmath.recognizer.ink.InkBounds;
import org.inkmath.recognizer.ink.InkPoint;
import org.inkmath.recognizer.ink.Stroke;

/**
 * Renders ink into a one-channel image in the style of the published CROHME offline images:
 * strokes 255 on 0, two values, cropped to the ink with a fixed margin. The size comes from
 * {@link RasterStyle}. Stateless and thread-safe. Example:
 * <pre>{@code
 * GrayImage img = InkRasterizer.render(ink, RasterStyle.crohme());
 * }</pre>
 */
public final class InkRasterizer {

    private InkRasterizer() {
    }

    /** Renders with the calibrated CROHME style. */
    public static GrayImage render(Ink ink) {
        return render(ink, RasterStyle.crohme());
    }

    /**
     * The factor from ink units to pixels that {@code style} gives this ink: the mean height of the
     * strokes at least {@link RasterStyle#SMALL_STROKE_FRACTION} as tall as the tallest one (dots,
     * dashes and minus signs left out) becomes {@code style.meanStrokeHeight() * style.scale()}
     * pixels. This rule predicts the scale of the published CROHME 2014 images to within 1.5%
     * (median 0.5%); see BENCHMARKS.md.
     */
    public static double pixelsPerUnit(Ink ink, RasterStyle style) {
        double tallest = 0, sumSide = 0;
        double[] heights = new double[ink.strokeCount()];
        for (int i = 0; i < heights.length; i++) {
            InkBounds b = ink.strokes().get(i).bounds();
            heights[i] = b.height();
            tallest = Math.max(tallest, b.height());
            sumSide += Math.max(b.width(), b.height());
        }
        double sum = 0;
        int n = 0;
        for (double h : heights) {
            if (h >= RasterStyle.SMALL_STROKE_FRACTION * tallest) {
                sum += h;
                n++;
            }
        }
        // Ink of only horizontal lines falls back to the mean longer side, and ink that is only
        // dots is drawn at one pixel per unit.
        double extent = tallest > 0 ? sum / n : sumSide / heights.length;
        double factor = extent > 0 ? style.meanStrokeHeight() * style.scale() / extent : style.scale();
        InkBounds all = ink.bounds();
        double side = Math.max(all.width(), all.height()) * factor;
        if (side > RasterStyle.MAX_SIDE) {
            factor *= RasterStyle.MAX_SIDE / side;
        }
        return factor;
    }

    /** Renders {@code ink} with {@code style}. */
    public static GrayImage render(Ink ink, RasterStyle style) {
        double factor = pixelsPerUnit(ink, style);
        InkBounds b = ink.bounds();
        int pad = (int) Math.ceil(style.strokeWidth()) + 2;
        int cw = (int) Math.ceil(b.width() * factor) + 2 * pad + 1;
        int ch = (int) Math.ceil(b.height() * factor) + 2 * pad + 1;
        BufferedImage canvas = new BufferedImage(cw, ch, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            float w = (float) style.strokeWidth();
            g.setStroke(new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            double ox = pad - b.minX() * factor;
            double oy = pad - b.minY() * factor;
            for (Stroke s : ink.strokes()) {
                if (isDot(s)) {
                    InkPoint p = s.get(0);
                    g.fill(new Ellipse2D.Double(ox + p.x() * factor - w / 2.0, oy + p.y() * factor - w / 2.0, w, w));
                    continue;
                }
                Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, s.size());
                path.moveTo(ox + s.get(0).x() * factor, oy + s.get(0).y() * factor);
                for (int i = 1; i < s.size(); i++) {
                    path.lineTo(ox + s.get(i).x() * factor, oy + s.get(i).y() * factor);
                }
                g.draw(path);
            }
        } finally {
            g.dispose();
        }
        byte[] px = ((DataBufferByte) canvas.getRaster().getDataBuffer()).getData();
        return cropWithMargin(GrayImage.wrap(cw, ch, px.clone()), style.margin());
    }

    private static boolean isDot(Stroke s) {
        InkPoint first = s.get(0);
        for (InkPoint p : s.points()) {
            if (p.x() != first.x() || p.y() != first.y()) {
                return false;
            }
        }
        return true;
    }

    /** The smallest box around non-zero pixels, with {@code margin} background pixels around it. */
    static GrayImage cropWithMargin(GrayImage img, int margin) {
        int w = img.width(), h = img.height();
        int minX = w, minY = h, maxX = -1, maxY = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (img.get(x, y) != 0) {
                    if (x < minX) minX = x;
                    if (x > maxX) maxX = x;
                    if (y < minY) minY = y;
                    if (y > maxY) maxY = y;
                }
            }
        }
        if (maxX < 0) {
            return GrayImage.wrap(2 * margin + 1, 2 * margin + 1, new byte[(2 * margin + 1) * (2 * margin + 1)]);
        }
        int ow = maxX - minX + 1 + 2 * margin, oh = maxY - minY + 1 + 2 * margin;
        byte[] out = new byte[ow * oh];
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                out[(y - minY + margin) * ow + (x - minX + margin)] = (byte) img.get(x, y);
            }
        }
        return GrayImage.wrap(ow, oh, out);
    }
}
