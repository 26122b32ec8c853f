package org.inkmath.eval.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.inkmath.eval.Evaluation;
import org.inkmath.eval.EvaluationSettings;
import org.inkmath.eval.EvaluationTruth;
import org.inkmath.eval.PredictionException;
import org.inkmath.eval.PredictionFile;
import org.inkmath.latex.TokenSequence;

/** Small hand-made runs for the report tests. */
final class Reports {

    private Reports() {
    }

    /** Truths and predictions as alternating name, truth, prediction (null: missing). */
    static EvaluationReport run(String... nameTruthPrediction) {
        Map<String, TokenSequence> truths = new LinkedHashMap<>();
        Map<String, TokenSequence> predictions = new LinkedHashMap<>();
        for (int i = 0; i < nameTruthPrediction.length; i += 3) {
            truths.put(nameTruthPrediction[i], TokenSequence.parse(nameTruthPrediction[i + 1]));
            if (nameTruthPrediction[i + 2] != null) {
                predictions.put(nameTruthPrediction[i], TokenSequence.parse(nameTruthPrediction[i + 2]));
            }
        }
        predictions.put("stray", TokenSequence.parse("q"));
        EvaluationTruth truth = new EvaluationTruth("truth.txt (" + truths.size() + " expressions)", truths,
                new ArrayList<>(truths.keySet()), "all");
        try {
            return Evaluation.run(truth, new PredictionFile(Path.of("predictions.txt"), predictions),
                    EvaluationSettings.defaults(), "test", done -> { });
        } catch (PredictionException e) {
            throw new AssertionError(e);
        }
    }

    /** Two right, one misread, one invalid, one missing, one with markup-looking tokens. */
    static EvaluationReport sample() {
        return run(
                "e1", "x ^ { 2 }", "x ^ { 2 }",
                "e2", "\\frac { a } { b }", "\\frac { a } { b }",
                "e3", "x < y", "x < z",
                "e4", "\\sqrt { x }", "\\sqrt { x",
                "e5", "a + b", null,
                "e6", "a & b", "<script>alert(1)</script>");
    }
}
