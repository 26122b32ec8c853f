package org.inkmath.recognizer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The encoder's output for a batch of images, kept so that several decoders (the two directions
 * of a bidirectional beam search and the rescoring of its hypotheses) share one encoding, which
 * is most of the cost of recognising an image. Owns its tensors: close it. Example:
 * <pre>{@code
 * try (EncodedImages encoded = model.encode(ImageBatch.of(List.of(image)));
 *      StepDecoder d = model.startDecoding(encoded, new int[] {0, 0})) { ... }
 * }</pre>
 */
public final class EncodedImages implements AutoCloseable {

    private final NDManager own;
    private final NDArray features;
    private final NDArray padding;
    private final int size;

    EncodedImages(NDManager own, NDArray features, NDArray padding, int size) {
        this.own = own;
        this.features = features;
        this.padding = padding;
        this.size = size;
    }

    /** The number of images. */
    public int size() {
        return size;
    }

    /** The feature map's height and width (a sixteenth of the image's, rounded up). */
    public int[] featureSize() {
        return new int[] {(int) features.getShape().get(1), (int) features.getShape().get(2)};
    }

    /**
     * A copy of the features [n, h, w, d] on {@code m}: what is computed from it then belongs to
     * {@code m}, not to this object, so repeated decoding does not pile arrays up here.
     */
    NDArray features(NDManager m) {
        return copyOn(features, m);
    }

    /** A copy of the padding mask [n, h, w] on {@code m}. */
    NDArray padding(NDManager m) {
        return copyOn(padding, m);
    }

    private static NDArray copyOn(NDArray a, NDManager m) {
        NDArray copy = a.duplicate();
        copy.attach(m);
        return copy;
    }

    @Override
    public void close() {
        own.close();
    }
}
