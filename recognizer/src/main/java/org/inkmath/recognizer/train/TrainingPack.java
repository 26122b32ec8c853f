package org.inkmath.recognizer.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inkmath.latex.Vocabulary;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.image.InkRasterizer;
import org.inkmath.recognizer.image.RasterStyle;

/**
 * The data pack of the GPU training path ({@code training/gpu}): the training set rendered once
 * by {@link InkRasterizer} at the calibrated size (no augmentation, not yet fitted to the model's
 * size range), the validation images prepared exactly as {@link Validation} prepares them, the
 * captions as token ids and the vocabulary, in one numpy {@code .npz} archive that
 * {@code numpy.load} reads without pickle. Training images are two-valued, so they are stored
 * 1 bit a pixel ({@code numpy.packbits} layout: row-major, most significant bit first, each image
 * padded to whole bytes); validation images, which fitting may have resampled to grey, are stored
 * as bytes. Arrays (N images, V tokens):
 * <pre>
 * meta                   [1] JSON: format, version, raster style, sources, licence
 * vocabulary             [V] token strings, index = id
 * train_names            [N]            valid_names            [M]
 * train_shapes           [N, 2] (h, w)  valid_shapes           [M, 2]
 * train_bits             packed bits    valid_pixels           bytes, ink 255 on 0
 * train_offsets          [N + 1] byte offsets into train_bits / valid_pixels (valid_offsets)
 * train_tokens           int16 ids      valid_tokens
 * train_token_offsets    [N + 1]        valid_token_offsets    [M + 1]
 * </pre>
 * Example:
 * <pre>{@code
 * TrainingPack.Summary s = TrainingPack.write(Path.of("pack.npz"), train, valid, Vocabulary.crohme(),
 *         RasterStyle.crohme(), () -> { });
 * }</pre>
 */
public final class TrainingPack {

    public static final String FORMAT = "inkmath-pack";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingPack() {
    }

    /**
     * What was written: image counts, training pixels, the file's size in bytes, and how many
     * training pixels were neither 0 nor 255 (stored as ink when at least 128; 0 for this rasteriser).
     */
    public record Summary(int trainImages, int validationImages, long trainPixels, long bytes, long greyPixels) {
    }

    /**
     * Renders and writes the pack; {@code imageDone} runs after each image (training and
     * validation). Fails naming the sample whose caption has a token outside the vocabulary.
     */
    public static Summary write(Path file, List<Sample> train, List<Sample> validation, Vocabulary vocabulary,
                                RasterStyle style, Runnable imageDone) throws IOException {
        Part trainPart = new Part();
        long grey = 0;
        long pixels = 0;
        for (Sample s : train) {
            GrayImage img = s.source() instanceof Sample.InkSource ink
                    ? InkRasterizer.render(ink.ink(), style)
                    : ((Sample.ImageSource) s.source()).image();
            byte[] px = img.pixels();
            pixels += px.length;
            byte[] packed = new byte[(px.length + 7) / 8];
            for (int i = 0; i < px.length; i++) {
                int v = px[i] & 0xff;
                if (v != 0 && v != 255) {
                    grey++;
                }
                if (v >= 128) {
                    packed[i >>> 3] |= (byte) (0x80 >>> (i & 7));
                }
            }
            trainPart.add(s, img, packed, vocabulary);
            imageDone.run();
        }
        Part validPart = new Part();
        SamplePreparer preparer = new SamplePreparer(style, Augmentation.none());
        for (Sample s : validation) {
            GrayImage img = preparer.prepare(s, SamplePreparer.Draw.IDENTITY);
            validPart.add(s, img, img.pixels(), vocabulary);
            imageDone.run();
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (NpzWriter npz = new NpzWriter(tmp)) {
            npz.strings("meta", List.of(meta(style, train.size(), validation.size())));
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < vocabulary.size(); i++) {
                tokens.add(vocabulary.token(i));
            }
            npz.strings("vocabulary", tokens);
            trainPart.writeTo(npz, "train", "train_bits");
            validPart.writeTo(npz, "valid", "valid_pixels");
        }
        AtomicFiles.replace(tmp, file);
        return new Summary(train.size(), validation.size(), pixels, Files.size(file), grey);
    }

    private static String meta(RasterStyle style, int trainCount, int validCount) throws JsonProcessingException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("format_version", VERSION);
        m.put("raster_style", style);
        m.put("train_images", trainCount);
        m.put("valid_images", validCount);
        m.put("train", "CROHME 2014 training ink rendered by InkRasterizer at scale 1 (no augmentation,"
                + " not fitted to the model's size range); 1 bit a pixel");
        m.put("valid", "CROHME 2014 test images (2014/img) prepared as Validation does (fitted to the model's range)");
        m.put("licence", "CROHME data: research use, Creative Commons Attribution-NonCommercial-ShareAlike");
        return JSON.writeValueAsString(m);
    }

    /** One side of the pack (training or validation), accumulated in memory. */
    private static final class Part {
        private final List<String> names = new ArrayList<>();
        private final List<int[]> shapes = new ArrayList<>();
        private final ByteArrayOutputStream data = new ByteArrayOutputStream();
        private final List<Long> offsets = new ArrayList<>(List.of(0L));
        private final List<int[]> captions = new ArrayList<>();

        void add(Sample s, GrayImage img, byte[] bytes, Vocabulary vocabulary) {
            int[] ids;
            try {
                ids = vocabulary.encode(s.caption());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(s.name() + ": " + e.getMessage(), e);
            }
            names.add(s.name());
            shapes.add(new int[] {img.height(), img.width()});
            data.write(bytes, 0, bytes.length);
            offsets.add((long) data.size());
            captions.add(ids);
        }

        void writeTo(NpzWriter npz, String prefix, String dataName) throws IOException {
            npz.strings(prefix + "_names", names);
            int[] hw = new int[2 * shapes.size()];
            for (int i = 0; i < shapes.size(); i++) {
                hw[2 * i] = shapes.get(i)[0];
                hw[2 * i + 1] = shapes.get(i)[1];
            }
            npz.int32(prefix + "_shapes", hw, shapes.size(), 2);
            npz.uint8(dataName, data.toByteArray());
            npz.int64(prefix + "_offsets", offsets.stream().mapToLong(Long::longValue).toArray());
            int total = captions.stream().mapToInt(c -> c.length).sum();
            short[] ids = new short[total];
            long[] tokenOffsets = new long[captions.size() + 1];
            int k = 0;
            for (int i = 0; i < captions.size(); i++) {
                for (int id : captions.get(i)) {
                    ids[k++] = (short) id;
                }
                tokenOffsets[i + 1] = k;
            }
            npz.int16(prefix + "_tokens", ids);
            npz.int64(prefix + "_token_offsets", tokenOffsets);
        }
    }
}
