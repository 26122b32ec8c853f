package org.inkmath.recognizer.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * An immutable one-channel 8-bit image in the model's polarity: ink is bright (255), background
 * is 0. Pixels are row-major. Example:
 * <pre>{@code
 * GrayImage img = InkRasterizer.crohme().render(ink);
 * img.writePng(Path.of("formula.png"));
 * float[] input = img.toFloats();          // ink 1.0, background 0.0
 * }</pre>
 */
public final class GrayImage {

    private final int width;
    private final int height;
    private final byte[] pixels;

    /** An image over a copy of {@code pixels} (row-major, {@code width * height} values). */
    public GrayImage(int width, int height, byte[] pixels) {
        this(pixels.clone(), width, height);
    }

    /** Takes {@code pixels} as they are, without a copy. */
    private GrayImage(byte[] pixels, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
        if (pixels.length != (long) width * height) {
            throw new IllegalArgumentException("expected " + (long) width * height + " pixels, got " + pixels.length);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /** Wraps an array this class now owns (no copy); for code in this package that just built it. */
    static GrayImage wrap(int width, int height, byte[] pixels) {
        return new GrayImage(pixels, width, height);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The value at (x, y), 0..255. */
    public int get(int x, int y) {
        return pixels[y * width + x] & 0xff;
    }

    /** A copy of the pixels, row-major. */
    public byte[] pixels() {
        return pixels.clone();
    }

    /** Pixels as floats in [0, 1] (ink 1.0), row-major: the model's input. */
    public float[] toFloats() {
        float[] out = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = (pixels[i] & 0xff) / 255f;
        }
        return out;
    }

    /** How many pixels are at least {@code threshold}. */
    public int countAtLeast(int threshold) {
        int n = 0;
        for (byte p : pixels) {
            if ((p & 0xff) >= threshold) {
                n++;
            }
        }
        return n;
    }

    /** An 8-bit grayscale BufferedImage of this image. */
    public BufferedImage toBufferedImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels, 0, data, 0, pixels.length);
        return img;
    }

    /** Copies the gray values of an 8-bit grayscale BufferedImage (no polarity change). */
    public static GrayImage of(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            if (data.length == img.getWidth() * img.getHeight()) {
                return new GrayImage(img.getWidth(), img.getHeight(), data);
            }
        }
        return ImageInput.luminance(img);
    }

    /** Writes this image as an 8-bit grayscale PNG. */
    public void writePng(Path file) throws IOException {
        if (!ImageIO.write(toBufferedImage(), "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GrayImage g && g.width == width && g.height == height && Arrays.equals(g.pixels, pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "GrayImage[" + width + "x" + height + "]";
    }
}
