package org.inkmath.eval.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of the expressions whose truth has between {@code minTokens} and
 * {@code maxTokens} tokens: long formulas are where recognizers fail, and this shows how much.
 *
 * <pre>{@code
 * LengthBucket.of(scores, List.of(10, 20, 30, 50));
 * // buckets 0-10, 11-20, 21-30, 31-50, 51+ (the last has maxTokens -1)
 * }</pre>
 *
 * @param minTokens        the smallest truth length in the bucket
 * @param maxTokens        the largest, or -1 for no bound
 * @param expressions      expressions in the bucket
 * @param exact            exact predictions among them
 * @param within1          predictions at most 1 token edit away
 * @param structureCorrect predictions with the right layout
 */
public record LengthBucket(int minTokens, int maxTokens, int expressions, int exact, int within1, int structureCorrect) {

    /** The bucket bounds of reports unless told otherwise. */
    public static final List<Integer> DEFAULT_UPPER_BOUNDS = List.of(10, 20, 30, 50);

    /** {@code 0-10}, {@code 51+}. */
    public String label() {
        return maxTokens < 0 ? minTokens + "+" : minTokens + "-" + maxTokens;
    }

    public double expressionRate() {
        return MetricSummary.percent(exact, expressions);
    }

    public double within1Rate() {
        return MetricSummary.percent(within1, expressions);
    }

    public double structureRate() {
        return MetricSummary.percent(structureCorrect, expressions);
    }

    /**
     * Buckets {@code 0..b0}, {@code b0+1..b1}, ..., {@code bk+1..} for strictly increasing,
     * non-negative upper bounds; every bucket is listed, empty ones included.
     */
    public static List<LengthBucket> of(List<ExpressionScore> scores, List<Integer> upperBounds) {
        for (int i = 0; i < upperBounds.size(); i++) {
            if (upperBounds.get(i) < 0 || (i > 0 && upperBounds.get(i) <= upperBounds.get(i - 1))) {
                throw new IllegalArgumentException("bucket bounds must be increasing and not negative: " + upperBounds);
            }
        }
        List<LengthBucket> buckets = new ArrayList<>();
        int min = 0;
        for (int i = 0; i <= upperBounds.size(); i++) {
            int max = i < upperBounds.size() ? upperBounds.get(i) : -1;
            int n = 0;
            int exact = 0;
            int w1 = 0;
            int structure = 0;
            for (ExpressionScore s : scores) {
                int length = s.truth().size();
                if (length >= min && (max < 0 || length <= max)) {
                    n++;
                    exact += s.exact() ? 1 : 0;
                    w1 += s.within(1) ? 1 : 0;
                    structure += s.structureCorrect() ? 1 : 0;
                }
            }
            buckets.add(new LengthBucket(min, max, n, exact, w1, structure));
            min = max + 1;
        }
        return buckets;
    }
}
