package org.inkmath.eval;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Where the predictions of an evaluation come from: a file of earlier outputs
 * ({@link PredictionFile}) or a recognizer running on the inputs ({@link RecognizerSource}).
 * The evaluation first tells the source every name it will ask for ({@link #expect}), then asks
 * for them by name, one at a time, in that order.
 *
 * <pre>{@code
 * try (PredictionSource source = PredictionFile.read(Path.of("predictions.txt"))) {
 *     Optional<Prediction> p = source.predict("18_em_0");
 * }
 * }</pre>
 *
 * A recognizer-backed source loads its model when opened, may start recognising in
 * {@link #expect} on several threads, fills {@link Prediction#latencyNanos()}, and describes the
 * model and decoding settings in {@link #settings()}.
 */
public interface PredictionSource extends AutoCloseable {

    /** What produced the predictions, for the report's provenance ({@code "file predictions.txt"}). */
    String description();

    /** The settings that shaped the predictions (model, beam size, ...), name to value; may be empty. */
    Map<String, String> settings();

    /**
     * The names the evaluation will ask for, in order, before it asks: a source may start on them
     * ahead (in parallel), as long as each answer depends only on its name. Nothing by default.
     */
    default void expect(List<String> names) {
    }

    /**
     * The prediction for one expression, or empty when the source has none for that name
     * (the evaluation then scores an empty prediction, which is wrong).
     *
     * @throws PredictionException when the source failed on this expression; the message names it
     */
    Optional<Prediction> predict(String name) throws PredictionException;

    /**
     * Names the source has predictions for that the evaluation did not ask about, when the source
     * can list its names (a file can, a recognizer cannot): those are reported, as they usually
     * mean a mismatched file.
     */
    default Set<String> namesOtherThan(Set<String> asked) {
        return Set.of();
    }

    /**
     * The names the source could not predict (an input that cannot be read, say), with why, in
     * the order asked; they were answered with no prediction and count as wrong.
     */
    default Map<String, String> failures() {
        return Map.of();
    }

    /** Seconds the source spent getting ready (loading a model), when it measured them. */
    default OptionalDouble setupSeconds() {
        return OptionalDouble.empty();
    }

    /** Releases what the source holds (a model, say); nothing by default. */
    @Override
    default void close() {
    }
}
