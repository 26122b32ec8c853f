package org.inkmath.eval;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the predictions of an evaluation come from: a file of earlier outputs
 * ({@link PredictionFile}) or, later, a recognizer running on the images. The evaluation asks
 * for the expressions it scores by name, one at a time, in a fixed order.
 *
 * <pre>{@code
 * try (PredictionSource source = PredictionFile.read(Path.of("predictions.txt"))) {
 *     Optional<Prediction> p = source.predict("18_em_0");
 * }
 * }</pre>
 *
 * A recognizer-backed source would load its model when opened, recognise the image named
 * {@code name} in {@link #predict}, fill {@link Prediction#latencyNanos()}, and describe the
 * model file and decoding settings in {@link #settings()}.
 */
public interface PredictionSource extends AutoCloseable {

    /** What produced the predictions, for the report's provenance ({@code "file predictions.txt"}). */
    String description();

    /** The settings that shaped the predictions (model, beam size, ...), name to value; may be empty. */
    Map<String, String> settings();

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

    /** Releases what the source holds (a model, say); nothing by default. */
    @Override
    default void close() {
    }
}
