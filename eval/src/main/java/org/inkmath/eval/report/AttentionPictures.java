package org.inkmath.eval.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.inkmath.recognizer.Recognition;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.image.ImageOps;

/**
 * Attention heatmaps as small pictures: for each token, the input shrunk to a thumbnail (dark ink
 * on white) with the token's attention laid over it in red, upsampled bilinearly from the model's
 * 16-pixel grid. Only attention above the map's mean is drawn, scaled to the map's maximum: a
 * token that looked everywhere alike shows no red, one that looked at one symbol shows it.
 *
 * <pre>{@code
 * for (AttentionPictures.Thumbnail t : AttentionPictures.thumbnails(view, 60)) {
 *     Files.write(Path.of(t.label() + ".png"), t.png());
 * }
 * }</pre>
 */
public final class AttentionPictures {

    /** Height and width the thumbnails fit into, in pixels: small, so that a page of them stays light. */
    static final int THUMB_HEIGHT = 40;
    static final int THUMB_WIDTH = 240;
    /** The grid's cell side in model-input pixels (see {@link Recognition.AttentionMaps}). */
    static final int CELL = 16;
    /** Opacity of the overlay where the attention is at its maximum. */
    private static final double MAX_ALPHA = 0.75;

    private AttentionPictures() {
    }

    /** One token's heatmap as a PNG, with its label. */
    public record Thumbnail(String label, byte[] png) {
    }

    /** The heatmaps of the first {@code maxTokens} tokens, in reading order. */
    public static List<Thumbnail> thumbnails(AttentionView view, int maxTokens) {
        GrayImage input = view.input();
        double f = Math.min(1, Math.min((double) THUMB_HEIGHT / input.height(), (double) THUMB_WIDTH / input.width()));
        int tw = Math.max(1, (int) Math.round(input.width() * f));
        int th = Math.max(1, (int) Math.round(input.height() * f));
        GrayImage small = ImageOps.resize(input, tw, th);
        List<float[]> maps = view.maps().perToken();
        List<Thumbnail> out = new ArrayList<>();
        int cells = view.maps().height() * view.maps().width();
        for (int i = 0; i < Math.min(maxTokens, maps.size()); i++) {
            if (maps.get(i).length != cells) {
                throw new IllegalArgumentException("attention map " + (i + 1) + " has " + maps.get(i).length
                        + " weights for a grid of " + cells + " cells");
            }
            out.add(new Thumbnail(view.label(i), png(overlay(small, view.maps(), maps.get(i)))));
        }
        return out;
    }

    /**
     * The thumbnail with one map over it. A thumbnail pixel's centre is mapped to the model input's
     * pixels (the maps' image size), then to the grid, whose cell centres hold the weights.
     */
    static BufferedImage overlay(GrayImage small, Recognition.AttentionMaps maps, float[] weights) {
        int tw = small.width(), th = small.height();
        float max = 0;
        double mean = 0;
        for (float w : weights) {
            max = Math.max(max, w);
            mean += w;
        }
        mean /= Math.max(1, weights.length);
        double range = max - mean;
        BufferedImage img = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < th; y++) {
            double gy = (y + 0.5) / th * maps.imageHeight() / CELL - 0.5;
            for (int x = 0; x < tw; x++) {
                double gx = (x + 0.5) / tw * maps.imageWidth() / CELL - 0.5;
                double heat = range > 1e-12 ? (bilinear(weights, maps.height(), maps.width(), gy, gx) - mean) / range : 0;
                double ink = small.get(x, y) / 255.0;
                double base = 255 * (1 - 0.85 * ink); // dark ink on white
                double a = MAX_ALPHA * Math.max(0, Math.min(1, heat));
                int r = (int) Math.round(base * (1 - a) + 230 * a);
                int g = (int) Math.round(base * (1 - a) + 30 * a);
                int b = (int) Math.round(base * (1 - a));
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    /** The weights of a rows x cols grid at (row, col), interpolated between cell centres, clamped at the edges. */
    static double bilinear(float[] w, int rows, int cols, double row, double col) {
        double r = Math.max(0, Math.min(rows - 1, row));
        double c = Math.max(0, Math.min(cols - 1, col));
        int r0 = (int) Math.floor(r), c0 = (int) Math.floor(c);
        int r1 = Math.min(rows - 1, r0 + 1), c1 = Math.min(cols - 1, c0 + 1);
        double fr = r - r0, fc = c - c0;
        double top = w[r0 * cols + c0] * (1 - fc) + w[r0 * cols + c1] * fc;
        double bottom = w[r1 * cols + c0] * (1 - fc) + w[r1 * cols + c1] * fc;
        return top * (1 - fr) + bottom * fr;
    }

    private static byte[] png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding in memory failed", e);
        }
        return out.toByteArray();
    }
}
