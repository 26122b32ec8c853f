package org.inkmath.eval.report;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.inkmath.eval.metrics.ExpressionScore;

/**
 * One expression's result as a report keeps it: enough to list errors and to compare two runs
 * expression by expression.
 *
 * <pre>{@code
 * ExpressionOutcome.of(score, false, null)  // {name: 18_em_0, truth: "x ^ { 2 }", predicted: "x ^ { z }", editDistance: 1, ...}
 * }</pre>
 *
 * @param name             the expression's name
 * @param truth            the truth tokens, space-separated
 * @param predicted        the predicted tokens, space-separated ("" when missing)
 * @param missing          whether the source had no prediction
 * @param editDistance     token edits between the two
 * @param exact            whether the prediction is right token for token
 * @param structureCorrect whether its layout is right, symbols ignored
 * @param valid            whether the prediction is in the grammar; for a source that repairs its
 *                         output, whether its output was before repair
 * @param repaired         whether the source repaired its output into {@code predicted}; null when
 *                         the source does not repair (a predictions file)
 * @param score            the recognizer's score, when the source gave one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExpressionOutcome(String name, String truth, String predicted, boolean missing, int editDistance,
                                boolean exact, boolean structureCorrect, boolean valid, Boolean repaired,
                                Double score) {

    public ExpressionOutcome {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predicted, "predicted");
    }

    /** The outcome of a score; {@code repairs} says whether the source repairs its output at all. */
    public static ExpressionOutcome of(ExpressionScore s, boolean repairs, Double score) {
        return new ExpressionOutcome(s.name(), s.truth().toString(), s.predicted().toString(), s.missing(),
                s.editDistance(), s.exact(), s.structureCorrect(), s.outputValid(),
                repairs && !s.missing() ? s.repaired() : null, score);
    }
}
