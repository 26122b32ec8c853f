package org.inkmath.eval;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.inkmath.latex.TokenSequence;

/**
 * What a {@link PredictionSource} says about one expression: the predicted tokens and, when the
 * source knows them, the recognizer's score, the time it took and whether its own output was
 * in the grammar before it was repaired.
 *
 * <pre>{@code
 * Prediction p = Prediction.of(TokenSequence.parse("x ^ { 2 }"));
 * Prediction timed = new Prediction(tokens, OptionalDouble.of(-0.12), OptionalLong.of(41_000_000L));
 * Prediction repaired = new Prediction(tokens, OptionalDouble.of(-0.9), OptionalLong.of(52_000_000L), Optional.of(false));
 * }</pre>
 *
 * @param tokens       the predicted token sequence
 * @param score        the recognizer's score of it (a log-probability, say), if any
 * @param latencyNanos the wall time spent recognising this expression, if measured
 * @param decoderValid for a source that repairs what its decoder wrote (the {@code Recognizer}
 *                     does, so that its LaTeX always validates): whether the decoder's own output
 *                     was in the grammar; {@code tokens} are then the repaired output. Empty when
 *                     the source does not repair, and the validity of {@code tokens} counts.
 */
public record Prediction(TokenSequence tokens, OptionalDouble score, OptionalLong latencyNanos,
                         Optional<Boolean> decoderValid) {

    public Prediction {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(latencyNanos, "latencyNanos");
        Objects.requireNonNull(decoderValid, "decoderValid");
        if (latencyNanos.isPresent() && latencyNanos.getAsLong() < 0) {
            throw new IllegalArgumentException("negative latency " + latencyNanos.getAsLong());
        }
    }

    /** A prediction from a source that does not repair its output. */
    public Prediction(TokenSequence tokens, OptionalDouble score, OptionalLong latencyNanos) {
        this(tokens, score, latencyNanos, Optional.empty());
    }

    /** A prediction with no score and no timing, as a predictions file gives. */
    public static Prediction of(TokenSequence tokens) {
        return new Prediction(tokens, OptionalDouble.empty(), OptionalLong.empty());
    }
}
