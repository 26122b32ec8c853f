package org.inkmath.recognizer.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A PNG of a run's curves, drawn with Java2D: left, the training loss per step (each step faint,
 * a moving average bold); right, per validated epoch the expression rate and the rates within one
 * and two edits, and, where the trainer validated one, the expression rate of the mean of the
 * snapshots since the previous validation. Example:
 * {@code TrainingCurves.write(log.rows(), Path.of("run/curves.png"))}.
 */
public final class TrainingCurves {

    private static final int PANEL_W = 480;
    private static final int PANEL_H = 320;
    private static final int MARGIN_L = 60;
    private static final int MARGIN_R = 16;
    private static final int MARGIN_T = 30;
    private static final int MARGIN_B = 40;

    private TrainingCurves() {
    }

    /** Draws the curves of {@code rows} into {@code png} (temp file, then rename). */
    public static void write(List<TrainingLog.Row> rows, Path png) throws IOException {
        BufferedImage image = draw(rows);
        Path temp = png.resolveSibling(png.getFileName() + ".tmp");
        if (!ImageIO.write(image, "png", temp.toFile())) {
            throw new IOException("no PNG writer available");
        }
        AtomicFiles.replace(temp, png);
    }

    /** The picture of the curves. */
    public static BufferedImage draw(List<TrainingLog.Row> rows) {
        List<double[]> loss = new ArrayList<>();
        List<double[]> exact = new ArrayList<>();
        List<double[]> withinOne = new ArrayList<>();
        List<double[]> withinTwo = new ArrayList<>();
        List<double[]> meanExact = new ArrayList<>();
        for (TrainingLog.Row r : rows) {
            if (r.isValidation()) {
                exact.add(new double[] {r.epoch(), 100 * r.validationRate()});
                r.meanScore().ifPresent(m -> meanExact.add(new double[] {r.epoch(), 100 * m.expressionRate()}));
                if (!Double.isNaN(r.withinOneEdit())) {
                    withinOne.add(new double[] {r.epoch(), 100 * r.withinOneEdit()});
                    withinTwo.add(new double[] {r.epoch(), 100 * r.withinTwoEdits()});
                }
            } else if (!Double.isNaN(r.loss())) {
                loss.add(new double[] {r.step(), r.loss()});
            }
        }
        BufferedImage image = new BufferedImage(2 * PANEL_W, PANEL_H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            panel(g, 0, "training loss", "step", List.of(
                    new Series("", loss, FAINT, 1f, false),
                    new Series("", movingAverage(loss, Math.max(1, loss.size() / 25)), BOLD, 2f, false)));
            List<Series> validation = new ArrayList<>(List.of(
                    new Series("within 2 edits", withinTwo, new Color(150, 190, 150), 1.5f, true),
                    new Series("within 1 edit", withinOne, new Color(60, 150, 60), 1.5f, true),
                    new Series("exact (expression rate)", exact, BOLD, 2f, true)));
            if (!meanExact.isEmpty()) {
                validation.add(new Series("exact, mean of the snapshots", meanExact, new Color(220, 120, 20), 2f, true));
            }
            panel(g, PANEL_W, "validation (% of images)", "epoch", validation);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Each point's mean over the {@code window} points ending at it. */
    static List<double[]> movingAverage(List<double[]> points, int window) {
        List<double[]> out = new ArrayList<>(points.size());
        double sum = 0;
        for (int i = 0; i < points.size(); i++) {
            sum += points.get(i)[1];
            if (i >= window) {
                sum -= points.get(i - window)[1];
            }
            out.add(new double[] {points.get(i)[0], sum / Math.min(i + 1, window)});
        }
        return out;
    }

    private static final Color FAINT = new Color(150, 180, 230);
    private static final Color BOLD = new Color(20, 60, 160);

    /** One line of a panel; named lines get a legend entry, marked ones a dot per point. */
    private record Series(String name, List<double[]> points, Color color, float width, boolean markers) {
    }

    private static void panel(Graphics2D g, int x0, String title, String xLabel, List<Series> series) {
        int left = x0 + MARGIN_L, right = x0 + PANEL_W - MARGIN_R, top = MARGIN_T, bottom = PANEL_H - MARGIN_B;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(Color.BLACK);
        g.drawString(title, left, 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(xLabel, (left + right) / 2 - 10, PANEL_H - 8);
        g.setColor(Color.GRAY);
        g.drawRect(left, top, right - left, bottom - top);
        List<double[]> all = series.stream().flatMap(s -> s.points().stream()).toList();
        if (all.isEmpty()) {
            g.drawString("no data yet", (left + right) / 2 - 30, (top + bottom) / 2);
            return;
        }
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (double[] p : all) {
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        minY = Math.min(0, minY);
        if (maxY <= minY) {
            maxY = minY + 1;
        }
        if (maxX <= minX) {
            maxX = minX + 1;
        }
        double yStep = niceStep((maxY - minY) / 4);
        maxY = Math.ceil(maxY / yStep) * yStep;
        Scale sx = new Scale(minX, maxX, left, right);
        Scale sy = new Scale(minY, maxY, bottom, top);
        for (double v = Math.ceil(minY / yStep) * yStep; v <= maxY + yStep / 2; v += yStep) {
            int y = (int) sy.map(v);
            g.setColor(new Color(230, 230, 230));
            g.drawLine(left + 1, y, right - 1, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(label(v), x0 + 4, y + 4);
        }
        double xStep = Math.max(1, niceStep((maxX - minX) / 5));
        for (double v = Math.ceil(minX / xStep) * xStep; v <= maxX; v += xStep) {
            int x = (int) sx.map(v);
            g.drawString(String.format(Locale.ROOT, "%.0f", v), x - 10, bottom + 14);
        }
        int legendY = top + 14;
        for (Series s : series) {
            g.setColor(s.color());
            g.setStroke(new BasicStroke(s.width()));
            g.draw(path(s.points(), sx, sy));
            if (s.markers()) {
                for (double[] p : s.points()) {
                    g.fillOval((int) sx.map(p[0]) - 3, (int) sy.map(p[1]) - 3, 7, 7);
                }
            }
            if (!s.name().isEmpty() && !s.points().isEmpty()) {
                g.fillRect(left + 8, legendY - 8, 14, 4);
                g.setColor(Color.DARK_GRAY);
                g.drawString(s.name(), left + 28, legendY - 3);
                legendY += 15;
            }
        }
        g.setStroke(new BasicStroke(1f));
    }

    /** A tick value without trailing zeros: 2, 2.5, 0.25. */
    static String label(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** A round step (1, 2 or 5 times a power of ten) near {@code rough}, for axis ticks. */
    static double niceStep(double rough) {
        if (!(rough > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double f = rough / power;
        return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * power;
    }

    private static Path2D path(List<double[]> points, Scale sx, Scale sy) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < points.size(); i++) {
            double x = sx.map(points.get(i)[0]), y = sy.map(points.get(i)[1]);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        return path;
    }

    private record Scale(double from, double to, double pixelFrom, double pixelTo) {
        double map(double v) {
            return pixelFrom + (v - from) / (to - from) * (pixelTo - pixelFrom);
        }
    }
}
