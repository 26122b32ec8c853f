package org.inkmath.recognizer.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.inkmath.recognizer.ink.InkFormatException;
import org.inkmath.recognizer.ink.InkMlReader;

/**
 * Measures how close our renders are to the published CROHME 2014 offline images: renders each
 * {@code inkml/NAME.inkml} of a folder and compares it with {@code img/NAME.png}. Figures (medians
 * over the files):
 * <ul>
 * <li>height ratio and width ratio: our image's side over the published one's;</li>
 * <li>IoU at 1 pixel tolerance ({@link #tolerantIou}): both images on one canvas, top-left
 *     corners together (both have their ink box at the same margin), no rescaling;</li>
 * <li>the same IoU after resizing ours to the published size, which leaves out the scale error
 *     and measures the drawing itself (stroke width, shape).</li>
 * </ul>
 * Example: {@code RasterCalibration.Result r = RasterCalibration.run(dir, RasterStyle.crohme(), 1, null);}
 */
public final class RasterCalibration {

    private RasterCalibration() {
    }

    /** Called after each file, for progress reports. */
    @FunctionalInterface
    public interface Progress {
        void done(int count, int total);
    }

    /** The calibration figures; {@code failures} maps a name to why it was left out. */
    public record Result(int compared, double medianHeightRatio, double medianWidthRatio, double medianIou,
                         double medianIouResized, Map<String, String> failures) {
        public Result {
            failures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failures));
        }
    }

    /** Names (without extension) of the files of {@code dir/inkml} that have a {@code dir/img} image, sorted. */
    public static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("inkml"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".inkml"))
                    .map(n -> n.substring(0, n.length() - ".inkml".length()))
                    .filter(n -> Files.exists(dir.resolve("img").resolve(n + ".png"))).sorted().toList();
        }
    }

    /** Compares every {@code every}-th file (1 = all) of {@code dir}; {@code progress} may be null. */
    public static Result run(Path dir, RasterStyle style, int every, Progress progress) throws IOException {
        List<String> all = names(dir);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < all.size(); i += Math.max(1, every)) {
            names.add(all.get(i));
        }
        if (names.isEmpty()) {
            throw new IOException("no inkml/NAME.inkml with an img/NAME.png in " + dir);
        }
        List<Double> hr = new ArrayList<>(), wr = new ArrayList<>(), iou = new ArrayList<>(), iouR = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        int count = 0;
        for (String name : names) {
            try {
                GrayImage ours = InkRasterizer.render(InkMlReader.read(dir.resolve("inkml").resolve(name + ".inkml")).ink(), style);
                GrayImage published = readPublished(dir.resolve("img").resolve(name + ".png"));
                hr.add((double) ours.height() / published.height());
                wr.add((double) ours.width() / published.width());
                iou.add(tolerantIou(ours, published, 1));
                iouR.add(tolerantIou(ImageOps.resize(ours, published.width(), published.height()), published, 1));
            } catch (InkFormatException | IOException e) {
                failures.put(name, e.getMessage());
            }
            count++;
            if (progress != null) {
                progress.done(count, names.size());
            }
        }
        return new Result(hr.size(), median(hr), median(wr), median(iou), median(iouR), failures);
    }

    /** A published image as is (strokes 255 on 0). */
    public static GrayImage readPublished(Path png) throws IOException {
        var img = ImageIO.read(png.toFile());
        if (img == null) {
            throw new IOException(png + ": not a readable image");
        }
        return GrayImage.of(img);
    }

    /**
     * Pixel IoU with a tolerance of {@code tol} pixels. Both images lie on one canvas with their
     * top-left corners together; a pixel is ink when it is at least 128. With A and B the ink sets
     * and D(X) the set X dilated by a (2 tol + 1)-square, the matched ink is
     * I = (|A ∩ D(B)| + |B ∩ D(A)|) / 2 and the IoU is I / (|A| + |B| - I); with {@code tol = 0}
     * it is the plain IoU. Two empty images give 1.
     */
    public static double tolerantIou(GrayImage a, GrayImage b, int tol) {
        int w = Math.max(a.width(), b.width()), h = Math.max(a.height(), b.height());
        boolean[] ma = mask(a, w, h), mb = mask(b, w, h);
        boolean[] da = dilate(ma, w, h, tol), db = dilate(mb, w, h, tol);
        long na = 0, nb = 0, ab = 0, ba = 0;
        for (int i = 0; i < ma.length; i++) {
            if (ma[i]) {
                na++;
                if (db[i]) ab++;
            }
            if (mb[i]) {
                nb++;
                if (da[i]) ba++;
            }
        }
        if (na + nb == 0) {
            return 1;
        }
        double inter = (ab + ba) / 2.0;
        return inter / (na + nb - inter);
    }

    private static boolean[] mask(GrayImage img, int w, int h) {
        boolean[] m = new boolean[w * h];
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                m[y * w + x] = img.get(x, y) >= 128;
            }
        }
        return m;
    }

    private static boolean[] dilate(boolean[] m, int w, int h, int r) {
        if (r <= 0) {
            return m;
        }
        boolean[] rows = new boolean[m.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (m[y * w + x]) {
                    for (int dx = Math.max(0, x - r); dx <= Math.min(w - 1, x + r); dx++) {
                        rows[y * w + dx] = true;
                    }
                }
            }
        }
        boolean[] out = new boolean[m.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (rows[y * w + x]) {
                    for (int dy = Math.max(0, y - r); dy <= Math.min(h - 1, y + r); dy++) {
                        out[dy * w + x] = true;
                    }
                }
            }
        }
        return out;
    }

    /**
     * A picture of pairs, one pair per row: ours on the left, the published image on the right,
     * separated and framed by gray (128) lines.
     */
    public static GrayImage sideBySide(List<GrayImage[]> pairs) {
        int gap = 6;
        int leftW = 0, rightW = 0, height = gap;
        for (GrayImage[] p : pairs) {
            leftW = Math.max(leftW, p[0].width());
            rightW = Math.max(rightW, p[1].width());
            height += Math.max(p[0].height(), p[1].height()) + gap;
        }
        int width = gap + leftW + gap + rightW + gap;
        byte[] out = new byte[width * height];
        Arrays.fill(out, (byte) 128);
        int y0 = gap;
        for (GrayImage[] p : pairs) {
            int rowH = Math.max(p[0].height(), p[1].height());
            paste(out, width, blank(leftW, rowH), gap, y0);
            paste(out, width, blank(rightW, rowH), gap + leftW + gap, y0);
            paste(out, width, p[0], gap, y0);
            paste(out, width, p[1], gap + leftW + gap, y0);
            y0 += rowH + gap;
        }
        return GrayImage.wrap(width, height, out);
    }

    private static GrayImage blank(int w, int h) {
        return GrayImage.wrap(w, h, new byte[w * h]);
    }

    private static void paste(byte[] out, int width, GrayImage img, int x0, int y0) {
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                out[(y0 + y) * width + x0 + x] = (byte) img.get(x, y);
            }
        }
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
