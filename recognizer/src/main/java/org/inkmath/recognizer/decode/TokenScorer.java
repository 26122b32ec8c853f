package org.inkmath.recognizer.decode;

import org.inkmath.recognizer.model.StepDecoder;

/**
 * What a beam search needs from the model: the next token's log-probabilities for each live
 * hypothesis (row), and a way to keep, repeat or drop rows between steps. The cached
 * {@link StepDecoder} is the real one; {@link PrefixRerun} re-runs every prefix and exists to
 * check the cache and measure what it saves.
 */
interface TokenScorer extends AutoCloseable {

    /** Feeds one token per row; returns [rows][vocabulary] log-probabilities of the next token. */
    float[][] step(int[] tokens);

    /** Keeps row {@code order[i]} as row i. */
    void reorder(int[] order);

    /** The last step's attention per row over the feature map, or null when not recorded. */
    float[][] attention();

    @Override
    void close();

    /** The cached decoder as a scorer. */
    static TokenScorer cached(StepDecoder decoder) {
        return new TokenScorer() {
            @Override
            public float[][] step(int[] tokens) {
                return decoder.step(tokens);
            }

            @Override
            public void reorder(int[] order) {
                decoder.reorder(order);
            }

            @Override
            public float[][] attention() {
                return decoder.attention();
            }

            @Override
            public void close() {
                decoder.close();
            }
        };
    }
}
