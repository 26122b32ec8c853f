package org.inkmath.recognizer.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Pictures of handwriting as model input: PNG, JPEG, BMP (whatever ImageIO reads), including
 * photos and scans with dark ink on light paper. Steps: check the size from the header before
 * decoding any pixels; decode to luminance; detect the polarity from the border (the paper) and
 * invert so that ink is bright; binarise with Otsu's threshold (unless the image has two values
 * already); crop to the ink plus a margin; scale into the model's range. Example:
 * <pre>{@code
 * GrayImage input = ImageInput.read(Path.of("photo.jpg"));   // ink 255 on 0, 16..256 x 16..1024
 * }</pre>
 */
public final class ImageInput {

    /** Most pixels decoded (checked from the header before decoding). */
    public static final long MAX_PIXELS = 40_000_000L;
    /** Longest side accepted. */
    public static final int MAX_SIDE = 20_000;
    /** Least contrast (luminance range, 0..255) for an image to hold any ink. */
    static final int MIN_CONTRAST = 40;

    private ImageInput() {
    }

    /** Reads an image file and prepares it as model input (see the class comment). */
    public static GrayImage read(Path file) throws IOException, ImageFormatException {
        return ImageOps.fitToModelRange(readNormalised(file));
    }

    /** Reads an image file: ink 255 on 0, cropped to the ink with a margin, not yet scaled. */
    public static GrayImage readNormalised(Path file) throws IOException, ImageFormatException {
        if (Files.size(file) == 0) {
            throw new ImageFormatException(file.toString(), "file is empty");
        }
        // read through a stream, not into memory: the header check comes before the bulk of the file
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new ImageFormatException(file.toString(), "cannot open the file");
            }
            return normalise(decode(in, file.toString()), file.toString());
        }
    }

    /** Reads an image from bytes (as a server receives it); {@code source} names it in errors. */
    public static GrayImage read(byte[] bytes, String source) throws ImageFormatException {
        if (bytes.length == 0) {
            throw new ImageFormatException(source, "file is empty");
        }
        return ImageOps.fitToModelRange(normalise(decode(bytes, source), source));
    }

    /** Decodes after checking the dimensions in the header, so a huge image is refused cheaply. */
    static BufferedImage decode(byte[] bytes, String source) throws ImageFormatException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            return decode(in, source);
        } catch (IOException e) {
            throw new ImageFormatException(source, "cannot decode the image: " + e.getMessage(), e);
        }
    }

    private static BufferedImage decode(ImageInputStream in, String source) throws ImageFormatException {
        try {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageFormatException(source, "not an image in a known format (PNG, JPEG, BMP, GIF)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0), h = reader.getHeight(0);
                if (w <= 0 || h <= 0) {
                    throw new ImageFormatException(source, "image has no pixels (" + w + "x" + h + ")");
                }
                if (w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
                    throw new ImageFormatException(source, w + "x" + h + " pixels is more than the limit of "
                            + MAX_PIXELS + " pixels (" + MAX_SIDE + " per side)");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new ImageFormatException(source, "cannot decode the image: " + e.getMessage(), e);
        }
    }

    /** Luminance 0..255 of any BufferedImage (transparent pixels count as white paper). */
    static GrayImage luminance(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        byte[] out = new byte[w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int a = argb >>> 24;
                int r = (argb >> 16) & 0xff, g = (argb >> 8) & 0xff, b = argb & 0xff;
                int lum = (299 * r + 587 * g + 114 * b) / 1000;
                lum = (lum * a + 255 * (255 - a)) / 255;
                out[y * w + x] = (byte) lum;
            }
        }
        return GrayImage.wrap(w, h, out);
    }

    /** Polarity, threshold and crop; the image must hold some ink. */
    static GrayImage normalise(BufferedImage decoded, String source) throws ImageFormatException {
        GrayImage lum = decoded.getType() == BufferedImage.TYPE_BYTE_GRAY ? GrayImage.of(decoded) : luminance(decoded);
        byte[] px = lum.pixels();
        int[] hist = new int[256];
        for (byte p : px) {
            hist[p & 0xff]++;
        }
        int lo = 0, hi = 255;
        while (hist[lo] == 0) lo++;
        while (hist[hi] == 0) hi--;
        if (hi - lo < MIN_CONTRAST) {
            throw new ImageFormatException(source, "the image is empty (no ink: gray levels " + lo + ".." + hi + ")");
        }
        boolean invert = borderMedian(lum) > (lo + hi) / 2;
        int threshold = otsu(hist);
        int w = lum.width(), h = lum.height();
        byte[] out = new byte[px.length];
        int ink = 0;
        for (int i = 0; i < px.length; i++) {
            int v = px[i] & 0xff;
            boolean on = invert ? v <= threshold : v > threshold;
            if (on) {
                out[i] = (byte) 255;
                ink++;
            }
        }
        if (ink == 0) {
            throw new ImageFormatException(source, "the image is empty (no ink found)");
        }
        if (ink > 0.6 * px.length) {
            throw new ImageFormatException(source, "no ink found: more than 60% of the image is foreground; "
                    + "expected dark ink on light paper or light ink on a dark background");
        }
        // the margin of the published CROHME images
        return ImageOps.cropToInk(GrayImage.wrap(w, h, out), RasterStyle.crohme().margin());
    }

    /** Median of the outermost rows and columns: the paper's colour in a photo or scan. */
    private static int borderMedian(GrayImage img) {
        int[] hist = new int[256];
        int n = 0;
        int w = img.width(), h = img.height();
        for (int x = 0; x < w; x++) {
            hist[img.get(x, 0)]++;
            hist[img.get(x, h - 1)]++;
            n += 2;
        }
        for (int y = 0; y < h; y++) {
            hist[img.get(0, y)]++;
            hist[img.get(w - 1, y)]++;
            n += 2;
        }
        int acc = 0;
        for (int v = 0; v < 256; v++) {
            acc += hist[v];
            if (acc * 2 >= n) {
                return v;
            }
        }
        return 255;
    }

    /** Otsu's threshold: values <= t form one class, > t the other. */
    static int otsu(int[] hist) {
        long total = 0, sum = 0;
        for (int v = 0; v < 256; v++) {
            total += hist[v];
            sum += (long) v * hist[v];
        }
        long wB = 0, sumB = 0;
        double best = -1;
        int bestT = 127;
        for (int t = 0; t < 255; t++) {
            wB += hist[t];
            if (wB == 0) continue;
            long wF = total - wB;
            if (wF == 0) break;
            sumB += (long) t * hist[t];
            double mB = (double) sumB / wB, mF = (double) (sum - sumB) / wF;
            double between = (double) wB * wF * (mB - mF) * (mB - mF);
            if (between > best) {
                best = between;
                bestT = t;
            }
        }
        return bestT;
    }
}
