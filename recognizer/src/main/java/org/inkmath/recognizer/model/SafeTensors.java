package org.inkmath.recognizer.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The safetensors format, read and written here: 8-byte little-endian header length, a JSON
 * header ({@code __metadata__}: string to string; per tensor dtype, shape, data_offsets), then
 * the raw little-endian data. Tensors are kept in order. Reads F32, F16, BF16, F64, I64 and I32
 * (as float: PyTorch's {@code num_batches_tracked} counters are I64); writes F32, F16 and I64. Example: {@code SafeTensors.read(path).tensors().get("proj.weight")}.
 */
final class SafeTensors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_HEADER = 100L << 20;
    /** Values in one tensor at most (1 GiB of float32): far beyond any model here, short of exhausting memory. */
    private static final long MAX_VALUES = 1L << 28;

    /** A tensor as float values with its shape and the dtype it had (or is to have) on disk. */
    record Tensor(String dtype, long[] shape, float[] values) {
        Tensor {
            long size = 1;
            for (long d : shape) {
                if (d < 0) {
                    throw new IllegalArgumentException("negative dimension in " + java.util.Arrays.toString(shape));
                }
                size *= d;
            }
            if (size != values.length) {
                throw new IllegalArgumentException("shape " + java.util.Arrays.toString(shape) + " holds " + size
                        + " values, not " + values.length);
            }
        }
    }

    record Contents(Map<String, String> metadata, Map<String, Tensor> tensors) {
    }

    private SafeTensors() {
    }

    static void write(Path file, Map<String, String> metadata, Map<String, Tensor> tensors) throws IOException {
        ObjectNode header = JSON.createObjectNode();
        ObjectNode meta = header.putObject("__metadata__");
        metadata.forEach(meta::put);
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor t = e.getValue();
            long bytes = (long) t.values().length * width(t.dtype());
            ObjectNode entry = header.putObject(e.getKey());
            entry.put("dtype", t.dtype());
            var shape = entry.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            entry.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int padded = (json.length + 7) / 8 * 8; // the data starts 8-byte aligned; the padding is spaces
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
            out.write(len.array());
            out.write(json);
            for (int i = json.length; i < padded; i++) {
                out.write(' ');
            }
            for (Tensor t : tensors.values()) {
                out.write(encode(t));
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static Contents read(Path file) throws IOException, ModelFormatException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new ModelFormatException(file + ": too short for a safetensors file (" + size + " bytes)");
            }
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lenBuf, 0);
            long headerLength = lenBuf.flip().getLong();
            if (headerLength <= 0 || headerLength > MAX_HEADER || 8 + headerLength > size) {
                throw new ModelFormatException(file + ": not a safetensors file (header length " + headerLength
                        + " in a file of " + size + " bytes)");
            }
            ByteBuffer headerBuf = ByteBuffer.allocate((int) headerLength);
            readFully(ch, headerBuf, 8);
            JsonNode header;
            try {
                header = JSON.readTree(new String(headerBuf.array(), StandardCharsets.UTF_8).trim());
            } catch (IOException e) {
                throw new ModelFormatException(file + ": the safetensors header is not JSON: " + e.getMessage());
            }
            if (header == null || !header.isObject()) {
                throw new ModelFormatException(file + ": the safetensors header is not a JSON object");
            }
            long dataStart = 8 + headerLength;
            long dataSize = size - dataStart;
            Map<String, String> metadata = new LinkedHashMap<>();
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("__metadata__")) {
                    e.getValue().fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
                    continue;
                }
                tensors.put(e.getKey(), readTensor(ch, file, e.getKey(), e.getValue(), dataStart, dataSize));
            }
            return new Contents(metadata, tensors);
        }
    }

    private static Tensor readTensor(FileChannel ch, Path file, String name, JsonNode entry, long dataStart,
                                     long dataSize) throws IOException, ModelFormatException {
        String dtype = entry.path("dtype").asText("");
        JsonNode shapeNode = entry.path("shape");
        JsonNode offsets = entry.path("data_offsets");
        if (!shapeNode.isArray() || !offsets.isArray() || offsets.size() != 2) {
            throw new ModelFormatException(file + ": tensor '" + name + "' lacks a shape or data_offsets");
        }
        int width;
        try {
            width = width(dtype);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file + ": tensor '" + name + "' has dtype '" + dtype
                    + "'; readable are F32, F16, BF16, F64, I64, I32");
        }
        long[] shape = new long[shapeNode.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong(-1);
            if (shape[i] < 0) {
                throw new ModelFormatException(file + ": tensor '" + name + "' has a bad shape " + shapeNode);
            }
            count *= shape[i];
        }
        if (count > MAX_VALUES) {
            throw new ModelFormatException(file + ": tensor '" + name + "' has " + count + " values, more than the "
                    + MAX_VALUES + " this reader accepts");
        }
        long begin = offsets.get(0).asLong(-1);
        long end = offsets.get(1).asLong(-1);
        if (begin < 0 || end < begin || end > dataSize || end - begin != count * width) {
            throw new ModelFormatException(file + ": tensor '" + name + "' has data_offsets [" + begin + ", " + end
                    + "] that do not fit its shape " + shapeNode + " (" + dtype + ") or the file");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, buf, dataStart + begin);
        buf.flip();
        float[] values = new float[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (dtype) {
                case "F32" -> buf.getFloat();
                case "F16" -> HalfFloat.toFloat(buf.getShort());
                case "BF16" -> Float.intBitsToFloat((buf.getShort() & 0xffff) << 16);
                case "I64" -> (float) buf.getLong();
                case "I32" -> (float) buf.getInt();
                default -> (float) buf.getDouble();
            };
        }
        return new Tensor(dtype, shape, values);
    }

    private static byte[] encode(Tensor t) {
        ByteBuffer buf = ByteBuffer.allocate(t.values().length * width(t.dtype())).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : t.values()) {
            switch (t.dtype()) {
                case "F32" -> buf.putFloat(v);
                case "F16" -> buf.putShort(HalfFloat.fromFloat(v));
                case "I64" -> buf.putLong((long) v);
                default -> throw new IllegalArgumentException("cannot write dtype " + t.dtype());
            }
        }
        return buf.array();
    }

    private static int width(String dtype) {
        return switch (dtype) {
            case "F32", "I32" -> 4;
            case "F16", "BF16" -> 2;
            case "F64", "I64" -> 8;
            default -> throw new IllegalArgumentException("unsupported dtype " + dtype);
        };
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
            pos += n;
        }
    }
}
