package org.inkmath.recognizer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.inkmath.latex.CaptionFile;
import org.inkmath.latex.Vocabulary;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.image.ImageOps;
import org.inkmath.recognizer.image.RasterStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data pack as numpy would read it: entries, .npy headers, packed bits, offsets, strings. */
class TrainingPackTest {

    /** One .npy entry: its header dictionary and its data bytes. */
    private record Npy(String header, byte[] data) {
        ByteBuffer le() {
            return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    @Test
    void packHoldsImagesBitsCaptionsAndVocabularyInNumpyLayout(@TempDir Path dir) throws IOException {
        List<Sample> train = TinyRuns.samples(3);
        List<Sample> valid = TinyRuns.samples(2);
        Path file = dir.resolve("sub/pack.npz");
        int[] done = new int[1];
        TrainingPack.Summary s = TrainingPack.write(file, train, valid, Vocabulary.crohme(), RasterStyle.crohme(),
                () -> done[0]++);
        assertEquals(5, done[0]);
        assertEquals(3, s.trainImages());
        assertEquals(0, s.greyPixels());
        assertEquals(Files.size(file), s.bytes());

        try (ZipFile zip = new ZipFile(file.toFile())) {
            Set<String> names = new TreeSet<>();
            zip.stream().map(ZipEntry::getName).forEach(names::add);
            assertEquals(new TreeSet<>(List.of("meta.npy", "vocabulary.npy", "train_names.npy", "train_shapes.npy",
                    "train_bits.npy", "train_offsets.npy", "train_tokens.npy", "train_token_offsets.npy",
                    "valid_names.npy", "valid_shapes.npy", "valid_pixels.npy", "valid_offsets.npy", "valid_tokens.npy",
                    "valid_token_offsets.npy")), names);
            assertTrue(zip.stream().allMatch(e -> e.getMethod() == ZipEntry.DEFLATED));

            Npy shapes = read(zip, "train_shapes");
            assertEquals("{'descr': '<i4', 'fortran_order': False, 'shape': (3, 2), }", shapes.header().strip());
            Npy offsets = read(zip, "train_offsets");
            assertTrue(offsets.header().contains("'shape': (4,)"), offsets.header());
            Npy bits = read(zip, "train_bits");
            for (int i = 0; i < 3; i++) {
                GrayImage img = ((Sample.ImageSource) train.get(i).source()).image();
                assertEquals(img.height(), shapes.le().getInt(8 * i));
                assertEquals(img.width(), shapes.le().getInt(8 * i + 4));
                long from = offsets.le().getLong(8 * i);
                long to = offsets.le().getLong(8 * (i + 1));
                assertEquals((img.height() * img.width() + 7) / 8, to - from, "image " + i + " packed to whole bytes");
                byte[] px = img.pixels();
                for (int p = 0; p < px.length; p++) {
                    boolean on = (bits.data()[(int) from + p / 8] & (0x80 >>> (p % 8))) != 0;
                    assertEquals((px[p] & 0xff) >= 128, on, "image " + i + " pixel " + p);
                }
            }

            Npy validPixels = read(zip, "valid_pixels");
            GrayImage first = ImageOps.fitToModelRange(((Sample.ImageSource) valid.get(0).source()).image());
            assertArrayEquals(first.pixels(), Arrays.copyOf(validPixels.data(), first.pixels().length));

            Npy tokens = read(zip, "train_tokens");
            Npy tokenOffsets = read(zip, "train_token_offsets");
            int[] expected = Vocabulary.crohme().encode(train.get(1).caption());
            int from = (int) tokenOffsets.le().getLong(8);
            for (int k = 0; k < expected.length; k++) {
                assertEquals(expected[k], tokens.le().getShort(2 * (from + k)));
            }

            Npy vocabulary = read(zip, "vocabulary");
            assertTrue(vocabulary.header().contains("'descr': '<U"), vocabulary.header());
            assertEquals(List.of("<pad>", "<sos>", "<eos>"), strings(vocabulary).subList(0, 3));
            assertEquals(List.of("synthetic_0", "synthetic_1", "synthetic_2"), strings(read(zip, "train_names")));
            String meta = strings(read(zip, "meta")).get(0);
            assertTrue(meta.contains("\"format\":\"inkmath-pack\"") && meta.contains("NonCommercial"), meta);
        }
        assertFalse(Files.exists(dir.resolve("sub/pack.npz.tmp")));
    }

    @Test
    void captionOutsideTheVocabularyIsNamed(@TempDir Path dir) {
        Sample odd = new Sample("odd_one", TinyRuns.samples(1).get(0).source(), CaptionFile.tokens("x \\notatoken"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingPack.write(
                dir.resolve("p.npz"), List.of(odd), List.of(), Vocabulary.crohme(), RasterStyle.crohme(), () -> { }));
        assertTrue(e.getMessage().startsWith("odd_one: "), e.getMessage());
        assertFalse(Files.exists(dir.resolve("p.npz")));
    }

    /** A .npy entry; checks the magic, version 1.0 and the 64-byte alignment of the data. */
    private static Npy read(ZipFile zip, String name) throws IOException {
        byte[] all = zip.getInputStream(zip.getEntry(name + ".npy")).readAllBytes();
        assertEquals("NUMPY", new String(all, 1, 5, StandardCharsets.US_ASCII));
        assertEquals((byte) 0x93, all[0]);
        assertEquals(1, all[6]);
        int len = (all[8] & 0xff) | (all[9] & 0xff) << 8;
        assertEquals(0, (10 + len) % 64, name + ": data aligned to 64 bytes");
        String header = new String(all, 10, len, StandardCharsets.US_ASCII);
        assertTrue(header.endsWith("\n"));
        return new Npy(header, Arrays.copyOfRange(all, 10 + len, all.length));
    }

    /** A 1-D {@code <U}n array: UTF-32LE code points, zero-padded to n. */
    private static List<String> strings(Npy npy) {
        String h = npy.header();
        int at = h.indexOf("'<U") + 3;
        int width = Integer.parseInt(h.substring(at, h.indexOf('\'', at)));
        ByteBuffer b = npy.le();
        List<String> out = new ArrayList<>();
        while (b.remaining() >= 4 * width) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < width; i++) {
                int cp = b.getInt();
                if (cp != 0) {
                    sb.appendCodePoint(cp);
                }
            }
            out.add(sb.toString());
        }
        return out;
    }
}
