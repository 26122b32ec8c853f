package org.inkmath.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.inkmath.latex.TokenSequence;

/**
 * Predictions read from a file in the caption format, {@code NAME<TAB>tokens} a line (read by
 * {@link org.inkmath.latex.CaptionFile}, so {@code '} is read as {@code \prime} as in the captions). A line with a
 * name and no tokens is an empty prediction; a name without a line has no prediction.
 *
 * <pre>{@code
 * PredictionFile predictions = PredictionFile.read(Path.of("predictions.txt"));
 * predictions.predict("18_em_0");  // Optional[Prediction[tokens=x ^ { 2 }, ...]]
 * }</pre>
 *
 * @param file        the file read, for the report
 * @param predictions name to predicted tokens, in file order
 */
public record PredictionFile(Path file, Map<String, TokenSequence> predictions) implements PredictionSource {

    public PredictionFile {
        predictions = Map.copyOf(predictions);
    }

    /** The longest prediction accepted, in tokens; captions have at most a few hundred. */
    public static final int MAX_TOKENS = 10_000;

    /**
     * Reads a predictions file; fails naming the line of a malformed or repeated entry, or the
     * name of a prediction longer than {@value #MAX_TOKENS} tokens.
     */
    public static PredictionFile read(Path file) throws IOException {
        Map<String, TokenSequence> predictions = CaptionInput.read(file);
        for (Map.Entry<String, TokenSequence> e : predictions.entrySet()) {
            if (e.getValue().size() > MAX_TOKENS) {
                throw new IOException(file + ": the prediction of " + e.getKey() + " has " + e.getValue().size()
                        + " tokens, more than " + MAX_TOKENS);
            }
        }
        return new PredictionFile(file, predictions);
    }

    @Override
    public String description() {
        return "predictions file " + file.getFileName();
    }

    @Override
    public Map<String, String> settings() {
        return Map.of();
    }

    @Override
    public Optional<Prediction> predict(String name) {
        return Optional.ofNullable(predictions.get(name)).map(Prediction::of);
    }

    /** The names in the file that were not asked about, sorted. */
    @Override
    public Set<String> namesOtherThan(Set<String> asked) {
        TreeSet<String> other = new TreeSet<>(predictions.keySet());
        other.removeAll(asked);
        return other;
    }
}
