package org.inkmath.recognizer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.Arrays;

/**
 * Incremental decoding of a batch of hypotheses (rows), one token per call: the self-attention
 * keys and values of the prefix and the running coverage sums are cached, so a step costs one
 * position, and gives the same log-probabilities as re-running the whole prefix. Rows can be
 * selected or reordered between steps (beam search). Inference mode (no dropout, running
 * BatchNorm statistics). Not thread-safe; close it when done. Example:
 * <pre>{@code
 * try (StepDecoder d = model.startDecoding(images, new int[] {0, 0, 1})) {
 *     float[][] logProbs = d.step(new int[] {Vocabulary.SOS, Vocabulary.SOS, Vocabulary.EOS});
 *     d.reorder(new int[] {1, 1, 2});
 * }
 * }</pre>
 */
public final class StepDecoder implements AutoCloseable {

    private final TokenDecoder decoder;
    private final ParameterStore store;
    private final NDManager own;
    private NDManager state;
    private NDManager cache;
    private TokenDecoder.Memory memory;
    private NDArray[] memoryKeys;
    private NDArray[] memoryValues;
    private NDArray[] selfKeys;
    private NDArray[] selfValues;
    /** Per layer, the coverage sums of the steps so far [n, C, L] (null for unrefined layers). */
    private NDArray[] coverage;
    private int rows;
    /** The image each row reads: rows reading the same image share identical memory rows. */
    private int[] imageOfRow;
    private int position;
    private boolean recordAttention;
    private float[][] attention;

    StepDecoder(NDManager parent, ComerNetwork network, EncodedImages images, int[] imageOfRow) {
        JniUtils.setGradMode(false); // a new Java thread starts with gradient tracking on
        this.decoder = network.decoder;
        this.own = parent.newSubManager();
        this.store = new ParameterStore(own, false);
        this.state = own.newSubManager();
        this.cache = own.newSubManager();
        int layers = decoder.layers.size();
        try (NDManager temp = own.newSubManager()) {
            NDArray index = temp.create(imageOfRow);
            NDArray features = TokenDecoder.flattenFeatures(images.features(temp));
            memory = TokenDecoder.Memory.of(images.padding(temp)).rows(index);
            memoryKeys = new NDArray[layers];
            memoryValues = new NDArray[layers];
            for (int i = 0; i < layers; i++) {
                // once per image, then a row each: a beam's rows all read the same image
                NDArray[] kv = decoder.layers.get(i).crossAttention.memoryKeysValues(store, features, false);
                memoryKeys[i] = kv[0].get(index);
                memoryValues[i] = kv[1].get(index);
            }
            keep(state, memory.keyBias(), memory.cells());
            keep(state, memoryKeys);
            keep(state, memoryValues);
        }
        rows = imageOfRow.length;
        this.imageOfRow = imageOfRow.clone();
        selfKeys = new NDArray[layers];
        selfValues = new NDArray[layers];
        coverage = new NDArray[layers];
        if (decoder.arm != null) {
            long cells = (long) memory.height() * memory.width();
            int channels = decoder.config.coverage().inputChannels(decoder.config.heads());
            for (int i = 1; i < layers; i++) {
                coverage[i] = cache.zeros(new Shape(rows, channels, cells), DataType.FLOAT32);
            }
        }
    }

    /** The number of hypotheses. */
    public int rows() {
        return rows;
    }

    /**
     * Whether {@link #step} keeps the last layer's attention over the feature map (heads averaged)
     * for {@link #attention()}: off by default, as reading it back costs a copy per step.
     */
    public void recordAttention(boolean on) {
        recordAttention = on;
        attention = null;
    }

    /**
     * The last step's attention per row over the feature map cells, [rows][height * width] in
     * row-major order (see {@link #featureHeight()}); null unless recording.
     */
    public float[][] attention() {
        return attention;
    }

    public int featureHeight() {
        return memory.height();
    }

    public int featureWidth() {
        return memory.width();
    }

    /** Tokens decoded so far per row. */
    public int length() {
        return position;
    }

    /**
     * Feeds one token per row (the first call feeds {@code <sos>} or {@code <eos>}) and returns
     * the log-probabilities of the next token, [rows][vocabulary].
     */
    public float[][] step(int[] tokens) {
        if (tokens.length != rows) {
            throw new IllegalArgumentException("one token per row: " + rows + " rows, " + tokens.length + " tokens");
        }
        ComerModel.checkTokens(tokens, decoder.vocabularySize);
        JniUtils.setGradMode(false);
        NDManager next = own.newSubManager();
        float[] flat;
        try (NDManager temp = own.newSubManager()) {
            NDArray ids = temp.create(tokens).toType(DataType.INT64, false).reshape(rows, 1);
            NDArray x = decoder.embed(store, ids, position, false);
            NDArray noMask = temp.zeros(new Shape(1, 1, 1, 1));
            NDArray previous = null;
            NDArray[] newCoverage = new NDArray[coverage.length];
            for (int i = 0; i < decoder.layers.size(); i++) {
                NDArray sums = coverage[i];
                NDArray prev = previous;
                java.util.function.UnaryOperator<NDArray> cov = sums == null ? null : ignored -> sums.expandDims(2);
                TokenDecoder.LayerOutput out = decoder.layers.get(i).forward(store, x, selfKeys[i], selfValues[i], noMask,
                        memoryKeys[i], memoryValues[i], memory, decoder.arm, cov, false);
                if (sums != null) {
                    // Now this step joins the sums that later steps see.
                    newCoverage[i] = sums.add(decoder.arm.stack(prev, out.ownAttention()).squeeze(2));
                }
                x = out.output();
                previous = out.attention();
                selfKeys[i] = out.keys();
                selfValues[i] = out.values();
            }
            NDArray logProbs = decoder.project(store, x, false).logSoftmax(-1);
            flat = logProbs.toFloatArray();
            attention = recordAttention ? split(previous.mean(new int[] {1}).toFloatArray(), rows) : null;
            keep(next, selfKeys);
            keep(next, selfValues);
            coverage = newCoverage;
            keep(next, coverage);
        }
        cache.close();
        cache = next;
        position++;
        return split(flat, rows);
    }

    /** Keeps row {@code order[i]} as row i (rows may repeat or be dropped). */
    public void reorder(int[] order) {
        int[] images = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            if (order[i] < 0 || order[i] >= rows) {
                throw new IllegalArgumentException("no row " + order[i] + " among " + rows);
            }
            images[i] = imageOfRow[order[i]];
        }
        NDManager newCache = own.newSubManager();
        NDManager newState = null;
        try (NDManager temp = own.newSubManager()) {
            NDArray index = temp.create(order);
            // The image memory depends only on which image a row reads. A beam over one image keeps
            // the same images in the same order, or fewer of them as hypotheses finish: then the
            // memory stays, or its first rows do, instead of being gathered again every step.
            if (!Arrays.equals(images, imageOfRow)) {
                newState = own.newSubManager();
                if (images.length < imageOfRow.length
                        && Arrays.equals(images, Arrays.copyOf(imageOfRow, images.length))) {
                    NDIndex first = new NDIndex("0:" + images.length);
                    memory = memory.slice(first);
                    memoryKeys = slice(memoryKeys, first, newState);
                    memoryValues = slice(memoryValues, first, newState);
                } else {
                    memory = memory.rows(index);
                    memoryKeys = pick(memoryKeys, index, newState);
                    memoryValues = pick(memoryValues, index, newState);
                }
                keep(newState, memory.keyBias(), memory.cells());
            }
            selfKeys = pick(selfKeys, index, newCache);
            selfValues = pick(selfValues, index, newCache);
            coverage = pick(coverage, index, newCache);
        }
        if (newState != null) {
            state.close();
            state = newState;
        }
        cache.close();
        cache = newCache;
        rows = order.length;
        imageOfRow = images;
    }

    @Override
    public void close() {
        own.close();
    }

    private static NDArray[] slice(NDArray[] arrays, NDIndex first, NDManager target) {
        NDArray[] out = new NDArray[arrays.length];
        for (int i = 0; i < arrays.length; i++) {
            out[i] = arrays[i].get(first);
            out[i].attach(target);
        }
        return out;
    }

    private static NDArray[] pick(NDArray[] arrays, NDArray index, NDManager target) {
        NDArray[] out = new NDArray[arrays.length];
        for (int i = 0; i < arrays.length; i++) {
            if (arrays[i] != null) {
                out[i] = arrays[i].get(index);
                out[i].attach(target);
            }
        }
        return out;
    }

    private static void keep(NDManager target, NDArray... arrays) {
        for (NDArray a : arrays) {
            if (a != null) {
                a.attach(target);
            }
        }
    }

    static float[][] split(float[] flat, int rows) {
        int v = flat.length / rows;
        float[][] out = new float[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = Arrays.copyOfRange(flat, r * v, (r + 1) * v);
        }
        return out;
    }
}
