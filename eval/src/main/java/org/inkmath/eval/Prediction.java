package org.inkmath.eval;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.inkmath.latex.TokenSequence;

/**
 * What a {@link PredictionSource} says about one expression: the predicted tokens and, when the
 * source knows them, the recognizer's score and the time it took.
 *
 * <pre>{@code
 * Prediction p = Prediction.of(TokenSequence.parse("x ^ { 2 }"));
 * Prediction timed = new Prediction(tokens, OptionalDouble.of(-0.12), OptionalLong.of(41_000_000L));
 * }</pre>
 *
 * @param tokens       the predicted token sequence
 * @param score        the recognizer's score of it (a log-probability, say), if any
 * @param latencyNanos the wall time spent recognising this expression, if measured
 */
public record Prediction(TokenSequence tokens, OptionalDouble score, OptionalLong latencyNanos) {

    public Prediction {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(latencyNanos, "latencyNanos");
        if (latencyNanos.isPresent() && latencyNanos.getAsLong() < 0) {
            throw new IllegalArgumentException("negative latency " + latencyNanos.getAsLong());
        }
    }

    /** A prediction with no score and no timing, as a predictions file gives. */
    public static Prediction of(TokenSequence tokens) {
        return new Prediction(tokens, OptionalDouble.empty(), OptionalLong.empty());
    }
}
