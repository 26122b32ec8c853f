package org.inkmath.recognizer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The whole network as one DJL block (only the network: no files, no vocabulary). Forward in:
 * images [B, 1, H, W] float (ink 1, padding 0), padding [B, H, W] boolean (true = padding), target
 * ids [n, t] int (n a multiple of B; row r reads image r mod B, so a bidirectional batch holds all
 * left-to-right targets then all right-to-left ones); out: logits [n, t, vocabulary].
 * Reference names: {@code encoder.*}, {@code decoder.*}.
 */
public final class ComerNetwork extends ReferenceBlock {

    final DenseEncoder encoder;
    final TokenDecoder decoder;
    private final ModelConfig config;

    public ComerNetwork(ModelConfig config, int vocabularySize) {
        this.config = config;
        encoder = child("encoder", new DenseEncoder(config));
        decoder = child("decoder", new TokenDecoder(config, vocabularySize));
    }

    public ModelConfig config() {
        return config;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        NDList encoded = encoder.encode(ps, in.get(0), in.get(1), training);
        NDArray logits = decoder.logits(ps, encoded.get(0), encoded.get(1), in.get(2), training);
        return new NDList(logits);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return decoder.getOutputShapes(new Shape[] {null, null, in[2]});
    }

    /** Trainable values in the encoder (6,389,041 in all for the reference with 113 tokens). */
    public long encoderParameterCount() {
        return encoder.trainableCount();
    }

    /** Trainable values in the decoder, ARM included. */
    public long decoderParameterCount() {
        return decoder.trainableCount();
    }

    public long parameterCount() {
        return trainableCount();
    }
}
