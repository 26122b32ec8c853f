package org.inkmath.eval;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.inkmath.eval.metrics.LengthBucket;

/**
 * The evaluation's own settings (not the recognizer's): how expressions are bucketed by length
 * and how many confusions a report lists.
 *
 * <pre>{@code
 * EvaluationSettings.defaults().withConfusionLimit(50);
 * }</pre>
 *
 * @param lengthUpperBounds the upper bounds of the length buckets, increasing
 * @param confusionLimit    how many of the most frequent confusions to keep
 */
public record EvaluationSettings(List<Integer> lengthUpperBounds, int confusionLimit) {

    public EvaluationSettings {
        lengthUpperBounds = List.copyOf(lengthUpperBounds);
        if (confusionLimit < 0) {
            throw new IllegalArgumentException("confusion limit must not be negative: " + confusionLimit);
        }
        LengthBucket.of(List.of(), lengthUpperBounds); // checks the bounds
    }

    public static EvaluationSettings defaults() {
        return new EvaluationSettings(LengthBucket.DEFAULT_UPPER_BOUNDS, 20);
    }

    public EvaluationSettings withConfusionLimit(int limit) {
        return new EvaluationSettings(lengthUpperBounds, limit);
    }

    /** The settings as the report's provenance lists them. */
    public Map<String, String> describe() {
        Map<String, String> out = new TreeMap<>();
        out.put("confusions", Integer.toString(confusionLimit));
        out.put("length buckets", lengthUpperBounds.toString());
        return out;
    }
}
