package org.inkmath.recognizer.train;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.inkmath.recognizer.image.GrayImage;

/**
 * A picture of what training sees: one row per sample, its caption, the sample as drawn without
 * augmentation, then several of the augmentation's draws (epochs 0, 1, ...), dark ink on white.
 * Example: {@code AugmentationPreview.write(samples, plain, augmented, seed, 4, Path.of("preview.png"))}.
 */
public final class AugmentationPreview {

    private static final int GAP = 10;
    private static final int CAPTION_H = 18;

    private AugmentationPreview() {
    }

    /** Writes {@link #draw}'s picture as a PNG. */
    public static void write(List<Sample> samples, SamplePreparer plain, SamplePreparer augmented, long seed,
                             int draws, Path png) throws IOException {
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageIO.write(draw(samples, plain, augmented, seed, draws), "png", png.toFile());
    }

    /** Rows of: the sample as {@code plain} draws it, then {@code draws} draws of {@code augmented} with the run's {@code seed}. */
    public static BufferedImage draw(List<Sample> samples, SamplePreparer plain, SamplePreparer augmented, long seed,
                                     int draws) {
        if (samples.isEmpty() || draws < 1) {
            throw new IllegalArgumentException("a preview needs a sample and a draw");
        }
        List<List<GrayImage>> rows = new ArrayList<>();
        int[] colWidth = new int[draws + 1];
        int height = 0;
        for (int i = 0; i < samples.size(); i++) {
            List<GrayImage> row = new ArrayList<>();
            row.add(plain.prepare(samples.get(i), SamplePreparer.Draw.IDENTITY));
            for (int e = 0; e < draws; e++) {
                row.add(augmented.prepare(samples.get(i), augmented.draw(SamplePreparer.random(seed, e, i))));
            }
            int h = 0;
            for (int c = 0; c < row.size(); c++) {
                colWidth[c] = Math.max(colWidth[c], row.get(c).width());
                h = Math.max(h, row.get(c).height());
            }
            height += CAPTION_H + h + GAP;
            rows.add(row);
        }
        int width = GAP;
        for (int w : colWidth) {
            width += w + GAP;
        }
        BufferedImage img = new BufferedImage(width, height + GAP, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int y = GAP;
        for (int i = 0; i < rows.size(); i++) {
            Sample s = samples.get(i);
            g.setColor(Color.DARK_GRAY);
            g.drawString(s.name() + "   " + s.caption().toString() + "   (left: as written; right: draws of epochs 0-"
                    + (draws - 1) + ")", GAP, y + CAPTION_H - 5);
            y += CAPTION_H;
            int x = GAP;
            int h = 0;
            for (int c = 0; c < rows.get(i).size(); c++) {
                GrayImage cell = rows.get(i).get(c);
                paste(img, cell, x, y);
                x += colWidth[c] + GAP;
                h = Math.max(h, cell.height());
            }
            y += h + GAP;
        }
        g.dispose();
        return img;
    }

    /** The picture's ink 255 on 0 becomes dark gray on white. */
    private static void paste(BufferedImage img, GrayImage cell, int x0, int y0) {
        for (int y = 0; y < cell.height(); y++) {
            for (int x = 0; x < cell.width(); x++) {
                int v = 255 - (cell.get(x, y) * 215 / 255);
                img.setRGB(x0 + x, y0 + y, (v << 16) | (v << 8) | v);
            }
        }
    }
}
