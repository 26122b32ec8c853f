package org.inkmath.eval.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.inkmath.latex.TokenSequence;

/**
 * A minimum-cost alignment of a predicted token sequence to the truth (Levenshtein over
 * tokens, every edit costing 1): its distance and the edits that reach it.
 *
 * <pre>{@code
 * TokenAlignment a = TokenAlignment.of(TokenSequence.parse("x ^ { 2 }"), TokenSequence.parse("x ^ { z }"));
 * a.distance();  // 1
 * a.edits();     // [SUBSTITUTE 2 -> z at truth position 3]
 * }</pre>
 *
 * <p>Among alignments of equal cost the one chosen is fixed (the backtrace prefers a match or
 * substitution, then a deletion, then an insertion), so confusions counted from it are
 * deterministic.
 *
 * @param distance the number of edits
 * @param edits    the edits, in order of the truth positions; matches are left out
 */
public record TokenAlignment(int distance, List<Edit> edits) {

    /** What the recognizer did wrong at one place. */
    public enum EditKind {
        /** A truth token read as another token. */
        SUBSTITUTE,
        /** A truth token missing from the prediction. */
        DELETE,
        /** A predicted token with no truth token. */
        INSERT
    }

    /**
     * One edit.
     *
     * @param kind          substitution, deletion or insertion
     * @param truth         the truth token; empty for an insertion
     * @param predicted     the predicted token; empty for a deletion
     * @param truthPosition index in the truth where the edit happens (for an insertion, of the
     *                      next truth token)
     */
    public record Edit(EditKind kind, String truth, String predicted, int truthPosition) {
        public Edit {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(truth, "truth");
            Objects.requireNonNull(predicted, "predicted");
        }

        @Override
        public String toString() {
            return kind + " " + (truth.isEmpty() ? "∅" : truth) + " -> " + (predicted.isEmpty() ? "∅" : predicted)
                    + " at truth position " + truthPosition;
        }
    }

    /** The largest alignment table (truth length times prediction length) built, to bound memory. */
    public static final long MAX_CELLS = 16_000_000L;

    public TokenAlignment {
        edits = List.copyOf(edits);
        if (distance != edits.size()) {
            throw new IllegalArgumentException("distance " + distance + " but " + edits.size() + " edits");
        }
    }

    /**
     * Aligns {@code predicted} to {@code truth}. Time and memory grow with the product of the
     * lengths (captions have at most a few hundred tokens).
     *
     * @throws IllegalArgumentException when the product of the lengths exceeds {@value #MAX_CELLS}
     */
    public static TokenAlignment of(TokenSequence truth, TokenSequence predicted) {
        int n = truth.size();
        int m = predicted.size();
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            throw new IllegalArgumentException("too long to align: " + n + " truth tokens and " + m
                    + " predicted tokens (at most " + MAX_CELLS + " pairs)");
        }
        int[][] cost = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            cost[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            cost[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int diagonal = cost[i - 1][j - 1] + (truth.get(i - 1).equals(predicted.get(j - 1)) ? 0 : 1);
                cost[i][j] = Math.min(diagonal, Math.min(cost[i - 1][j], cost[i][j - 1]) + 1);
            }
        }
        List<Edit> edits = new ArrayList<>();
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0) {
                boolean same = truth.get(i - 1).equals(predicted.get(j - 1));
                if (cost[i][j] == cost[i - 1][j - 1] + (same ? 0 : 1)) {
                    if (!same) {
                        edits.add(new Edit(EditKind.SUBSTITUTE, truth.get(i - 1), predicted.get(j - 1), i - 1));
                    }
                    i--;
                    j--;
                    continue;
                }
            }
            if (i > 0 && cost[i][j] == cost[i - 1][j] + 1) {
                edits.add(new Edit(EditKind.DELETE, truth.get(i - 1), "", i - 1));
                i--;
            } else {
                edits.add(new Edit(EditKind.INSERT, "", predicted.get(j - 1), i));
                j--;
            }
        }
        Collections.reverse(edits);
        return new TokenAlignment(cost[n][m], edits);
    }
}
