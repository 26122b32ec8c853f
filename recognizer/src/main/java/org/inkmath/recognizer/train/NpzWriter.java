package org.inkmath.recognizer.train;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes numpy's {@code .npz} archives: a zip of {@code NAME.npy} entries (format 1.0, little-endian,
 * C order), deflated, as {@code numpy.savez_compressed} writes them, so that {@code numpy.load}
 * reads them without pickle. Arrays are 1-D or 2-D of uint8, int16, int32, int64 or fixed-width
 * unicode ({@code <U}n). Example:
 * <pre>{@code
 * try (NpzWriter npz = new NpzWriter(Path.of("pack.npz"))) {
 *     npz.int64("offsets", new long[] {0, 10, 25});
 *     npz.strings("names", List.of("a", "b"));
 * }
 * }</pre>
 */
final class NpzWriter implements AutoCloseable {

    private final ZipOutputStream zip;
    private final Set<String> names = new HashSet<>();

    NpzWriter(Path file) throws IOException {
        zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        zip.setLevel(Deflater.BEST_COMPRESSION);
    }

    void uint8(String name, byte[] values, long... shape) throws IOException {
        write(name, "|u1", shape(values.length, shape), out -> out.write(values));
    }

    void int16(String name, short[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put(values);
        write(name, "<i2", new long[] {values.length}, out -> out.write(b.array()));
    }

    void int32(String name, int[] values, long... shape) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(values);
        write(name, "<i4", shape(values.length, shape), out -> out.write(b.array()));
    }

    void int64(String name, long[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        write(name, "<i8", new long[] {values.length}, out -> out.write(b.array()));
    }

    /** Strings as numpy's fixed-width unicode: UTF-32LE code points, zero-padded to the longest. */
    void strings(String name, List<String> values) throws IOException {
        int width = 1;
        for (String s : values) {
            width = Math.max(width, (int) s.codePoints().count());
        }
        int w = width;
        ByteBuffer b = ByteBuffer.allocate(values.size() * w * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (String s : values) {
            int[] cps = s.codePoints().toArray();
            for (int i = 0; i < w; i++) {
                b.putInt(i < cps.length ? cps[i] : 0);
            }
        }
        write(name, "<U" + w, new long[] {values.size()}, out -> out.write(b.array()));
    }

    private static long[] shape(int length, long[] shape) {
        if (shape.length == 0) {
            return new long[] {length};
        }
        long size = 1;
        for (long d : shape) {
            size *= d;
        }
        if (size != length) {
            throw new IllegalArgumentException("shape holds " + size + " values, the array " + length);
        }
        return shape;
    }

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private void write(String name, String descr, long[] shape, Body body) throws IOException {
        if (!names.add(name)) {
            throw new IllegalArgumentException("array '" + name + "' written twice");
        }
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(", ");
        }
        String dimText = shape.length == 1 ? dims.toString().trim() : dims.substring(0, dims.length() - 2);
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dimText + "), }";
        // magic (6) + version (2) + length (2) + dict + padding + '\n' is a multiple of 64
        int total = (10 + dict.length() + 1 + 63) / 64 * 64;
        String header = dict + " ".repeat(total - 10 - dict.length() - 1) + "\n";
        zip.putNextEntry(new ZipEntry(name + ".npy"));
        zip.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        int len = header.length();
        zip.write(new byte[] {(byte) (len & 0xff), (byte) (len >>> 8)});
        zip.write(header.getBytes(StandardCharsets.US_ASCII));
        body.writeTo(zip);
        zip.closeEntry();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
