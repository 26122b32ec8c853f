package org.inkmath.eval.metrics;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.inkmath.eval.metrics.TokenAlignment.EditKind;

/**
 * One kind of token error and how often it happened in a run: {@code x} read as {@code \times}
 * (a substitution), a {@code \prime} left out (a deletion), a stray {@code \}} (an insertion).
 * Counted from each expression's {@link TokenAlignment}.
 *
 * <pre>{@code
 * Confusion.mostFrequent(scores, 20);  // [SUBSTITUTE x -> \times 12, DELETE \prime 7, ...]
 * }</pre>
 *
 * @param kind      substitution, deletion or insertion
 * @param truth     the truth token ("" for an insertion)
 * @param predicted the predicted token ("" for a deletion)
 * @param count     how many times
 */
public record Confusion(EditKind kind, String truth, String predicted, int count) {

    public Confusion {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predicted, "predicted");
    }

    /** Most frequent first, missing predictions left out; ties by kind, then truth token, then predicted token (so runs agree). */
    public static List<Confusion> mostFrequent(List<ExpressionScore> scores, int limit) {
        Map<Confusion, Integer> counts = new HashMap<>();
        for (ExpressionScore s : scores) {
            if (s.missing()) {
                continue; // nothing was recognised: not a confusion of the recognizer
            }
            for (TokenAlignment.Edit e : s.edits()) {
                counts.merge(new Confusion(e.kind(), e.truth(), e.predicted(), 0), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .map(e -> new Confusion(e.getKey().kind(), e.getKey().truth(), e.getKey().predicted(), e.getValue()))
                .sorted(Comparator.comparingInt(Confusion::count).reversed()
                        .thenComparing(Confusion::kind)
                        .thenComparing(Confusion::truth)
                        .thenComparing(Confusion::predicted))
                .limit(Math.max(0, limit))
                .toList();
    }
}
