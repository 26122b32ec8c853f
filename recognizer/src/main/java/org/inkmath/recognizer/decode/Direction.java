package org.inkmath.recognizer.decode;

import java.util.Arrays;
import java.util.Collections;
import org.inkmath.latex.Vocabulary;

/**
 * The order in which a decoder emits a formula's tokens. The model learnt both: fed {@code <sos>}
 * it writes left to right and ends with {@code <eos>}; fed {@code <eos>} it writes right to left
 * and ends with {@code <sos>}.
 */
public enum Direction {
    LEFT_TO_RIGHT(Vocabulary.SOS, Vocabulary.EOS),
    RIGHT_TO_LEFT(Vocabulary.EOS, Vocabulary.SOS);

    private final int startToken;
    private final int endToken;

    Direction(int startToken, int endToken) {
        this.startToken = startToken;
        this.endToken = endToken;
    }

    /** The token fed first. */
    public int startToken() {
        return startToken;
    }

    /** The token that ends the formula. */
    public int endToken() {
        return endToken;
    }

    public Direction opposite() {
        return this == LEFT_TO_RIGHT ? RIGHT_TO_LEFT : LEFT_TO_RIGHT;
    }

    /** Tokens in emission order to reading order, or the other way: the same reversal (a copy). */
    int[] reorder(int[] tokens) {
        int[] out = tokens.clone();
        if (this == RIGHT_TO_LEFT) {
            for (int i = 0, j = out.length - 1; i < j; i++, j--) {
                int t = out[i];
                out[i] = out[j];
                out[j] = t;
            }
        }
        return out;
    }

    /** Per-token values (log-probabilities) in emission order to reading order (a copy). */
    float[] reorder(float[] values) {
        float[] out = values.clone();
        if (this == RIGHT_TO_LEFT) {
            for (int i = 0, j = out.length - 1; i < j; i++, j--) {
                float t = out[i];
                out[i] = out[j];
                out[j] = t;
            }
        }
        return out;
    }

    /** Per-token objects (attention maps) in emission order to reading order (a shallow copy). */
    <T> T[] reorder(T[] values) {
        T[] out = values.clone();
        if (this == RIGHT_TO_LEFT) {
            Collections.reverse(Arrays.asList(out));
        }
        return out;
    }
}
