package org.inkmath.eval.report;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a report's figures come from, and nothing that changes between two runs of the same
 * inputs: the predictions' source and its settings, the truth, which expressions were chosen,
 * the evaluation's own settings and the code's version.
 *
 * <pre>{@code
 * new Provenance("predictions file p.txt", Map.of(), "caption.txt (986 expressions)", "all",
 *         Map.of("confusions", "20"), "inkmath 0.1.0-SNAPSHOT 90c3e10");
 * }</pre>
 *
 * @param source             what produced the predictions
 * @param sourceSettings     its settings (model file, beam size, ...), sorted by name
 * @param truth              the truth that was used (the caption file's name and size)
 * @param selection          which of its expressions were evaluated ({@code all},
 *                           {@code first 100}, {@code names in FILE})
 * @param evaluationSettings the evaluation's settings, sorted by name
 * @param codeVersion        the program's version, with the git commit when known
 */
public record Provenance(String source, Map<String, String> sourceSettings, String truth, String selection,
                         Map<String, String> evaluationSettings, String codeVersion) {

    public Provenance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(codeVersion, "codeVersion");
        // sorted, so that the JSON lists them in one order whatever map was given
        sourceSettings = Collections.unmodifiableMap(new TreeMap<>(sourceSettings));
        evaluationSettings = Collections.unmodifiableMap(new TreeMap<>(evaluationSettings));
    }
}
