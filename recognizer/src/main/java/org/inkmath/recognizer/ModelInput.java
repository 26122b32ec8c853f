package org.inkmath.recognizer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.image.ImageFormatException;
import org.inkmath.recognizer.image.ImageInput;
import org.inkmath.recognizer.image.ImageOps;
import org.inkmath.recognizer.image.InkRasterizer;
import org.inkmath.recognizer.image.RasterStyle;
import org.inkmath.recognizer.ink.Ink;
import org.inkmath.recognizer.ink.InkFormatException;
import org.inkmath.recognizer.ink.InkMlReader;
import org.inkmath.recognizer.ink.JsonStrokes;

/**
 * The picture the model reads (ink 255 on 0, within the model's size range), made from ink (drawn
 * by the calibrated rasteriser) or from a file in any supported format, told apart by content:
 * InkML ({@code <}), JSON strokes ({@code [}) or an image (PNG, JPEG, BMP). Example:
 * <pre>{@code
 * GrayImage input = ModelInput.read(Path.of("formula.inkml"));
 * }</pre>
 */
public final class ModelInput {

    /** Largest input file read (an image of the largest accepted size compresses far below this). */
    public static final long MAX_FILE_BYTES = 64L << 20;

    private ModelInput() {
    }

    /** Ink drawn as the model saw its training ink. */
    public static GrayImage of(Ink ink) {
        return of(ink, 1);
    }

    /**
     * Ink drawn for a model with this input scale ({@link
     * org.inkmath.recognizer.model.ModelConfig#inputScale()}): directly at that size, pen and
     * margins included, as the trainer draws it, rather than drawn at full size and resized.
     */
    public static GrayImage of(Ink ink, double inputScale) {
        if (ink.pointCount() == 0) {
            throw new IllegalArgumentException("the ink has no points: nothing was drawn");
        }
        return ImageOps.fitToModelRange(InkRasterizer.render(ink, RasterStyle.crohme().enlarged(inputScale)));
    }

    /**
     * A picture (ink 255 on 0) as a model with this input scale reads it: resized by the scale,
     * then fitted into the model's size range, as the trainer prepares its pictures.
     */
    public static GrayImage atScale(GrayImage picture, double inputScale) {
        return ImageOps.fitToModelRange(inputScale == 1 ? picture : ImageOps.scale(picture, inputScale));
    }

    /**
     * Reads a file of any supported format.
     *
     * @throws IOException             if it cannot be read (the message names the file)
     * @throws InputFormatException    if its content is not usable input (the message says why)
     */
    public static GrayImage read(Path file) throws IOException, InputFormatException {
        return read(file, 1);
    }

    /** Reads a file for a model with this input scale: ink is drawn at it, pictures resized to it. */
    public static GrayImage read(Path file, double inputScale) throws IOException, InputFormatException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        }
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a folder, not a file");
        }
        if (size > MAX_FILE_BYTES) {
            throw new InputFormatException(file + ": " + size + " bytes is more than the " + MAX_FILE_BYTES
                    + " accepted");
        }
        byte[] data;
        try (InputStream in = Files.newInputStream(file)) {
            data = in.readNBytes((int) MAX_FILE_BYTES + 1);
        }
        return read(data, file.toString(), inputScale);
    }

    /** Reads input from bytes (as a server receives it); {@code source} names it in errors. */
    public static GrayImage read(byte[] data, String source) throws InputFormatException {
        return read(data, source, 1);
    }

    /** {@link #read(byte[], String)} for a model with this input scale. */
    public static GrayImage read(byte[] data, String source, double inputScale) throws InputFormatException {
        if (data.length == 0) {
            throw new InputFormatException(source + ": empty input");
        }
        if (data.length > MAX_FILE_BYTES) {
            throw new InputFormatException(source + ": more than " + MAX_FILE_BYTES + " bytes");
        }
        try {
            return switch (firstSignificant(data)) {
                case '<' -> of(InkMlReader.read(data, source).ink(), inputScale);
                case '[' -> of(jsonStrokes(data, source), inputScale);
                default -> atScale(ImageInput.read(data, source), inputScale);
            };
        } catch (InkFormatException | ImageFormatException e) {
            throw new InputFormatException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(source + ": " + e.getMessage(), e);
        }
    }

    private static Ink jsonStrokes(byte[] data, String source) throws InputFormatException {
        try {
            return JsonStrokes.read(new String(data, StandardCharsets.UTF_8));
        } catch (InkFormatException e) {
            // JsonStrokes names its input "JSON strokes"; say which file it was
            throw new InputFormatException(source + ": " + e.getMessage(), e);
        }
    }

    /** The first byte that is not white space or a UTF-8 byte order mark. */
    private static int firstSignificant(byte[] data) {
        int i = 0;
        if (data.length >= 3 && (data[0] & 0xff) == 0xef && (data[1] & 0xff) == 0xbb && (data[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < data.length && Character.isWhitespace(data[i])) {
            i++;
        }
        return i < data.length ? data[i] : -1;
    }

    /** Input that is not a drawing or a picture the recognizer can read; the message says why. */
    public static final class InputFormatException extends Exception {
        public InputFormatException(String message) {
            super(message);
        }

        public InputFormatException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
