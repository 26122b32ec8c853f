package org.inkmath.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.inkmath.eval.metrics.Confusion;
import org.inkmath.eval.metrics.MetricSummary;
import org.inkmath.eval.metrics.TokenAlignment.EditKind;
import org.inkmath.eval.report.EvaluationReport;
import org.inkmath.latex.TokenSequence;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 986 CROHME 2014 captions evaluated against themselves (everything 100%) and against a
 * deterministic corruption of them whose figures are known in advance.
 */
class CrohmeSanityTest {

    static EvaluationTruth truth;

    @BeforeAll
    static void readCaptions() throws IOException {
        String dir = System.getProperty("crohme.dir", "");
        Path captions = Path.of(dir.isEmpty() ? "." : dir, "2014", "caption.txt");
        Assumptions.assumeTrue(!dir.isEmpty() && Files.isRegularFile(captions),
                "CROHME data not found (system property crohme.dir: '" + dir + "'): skipped");
        truth = EvaluationTruth.read(captions);
    }

    static EvaluationReport evaluate(Map<String, TokenSequence> predictions) throws PredictionException {
        return Evaluation.run(truth, new PredictionFile(Path.of("predictions.txt"), predictions),
                EvaluationSettings.defaults(), "test", done -> { });
    }

    @Test
    void theCaptionsAgainstThemselvesScoreFullMarks() throws PredictionException {
        EvaluationReport r = evaluate(truth.all());
        assertEquals(986, r.summary().expressions());
        assertEquals(0, r.summary().invalidTruths(), "every caption is in the grammar");
        for (MetricSummary.MetricValue m : r.metrics()) {
            assertEquals(100.0, m.percent(), 1e-9, m.key());
        }
        assertEquals(List.of(), r.confusions());
        assertEquals(List.of(), r.unknownNames());
    }

    /**
     * Expression i (in file order) is: for i mod 5 = 0 or 4, right; 1, missing; 2, the caption
     * with a symbol {@code x} appended (valid, one edit, layout wrong); 3, the caption with a
     * {@code \}} appended (invalid, one edit).
     */
    @Test
    void aKnownCorruptionGivesTheExpectedFigures() throws PredictionException {
        Map<String, TokenSequence> corrupted = new LinkedHashMap<>();
        int[] byKind = new int[5];
        int i = 0;
        for (Map.Entry<String, TokenSequence> e : truth.all().entrySet()) {
            int kind = i++ % 5;
            byKind[kind]++;
            List<String> tokens = new java.util.ArrayList<>(e.getValue().tokens());
            switch (kind) {
                case 1 -> {
                    continue;
                }
                case 2 -> tokens.add("x");
                case 3 -> tokens.add("}");
                default -> { }
            }
            corrupted.put(e.getKey(), new TokenSequence(tokens));
        }
        MetricSummary s = evaluate(corrupted).summary();
        int right = byKind[0] + byKind[4];
        assertEquals(986, s.expressions());
        assertEquals(right, s.exact());
        assertEquals(right + byKind[2] + byKind[3], s.within1());
        assertEquals(s.within1(), s.within3());
        assertEquals(byKind[1], s.missingPredictions());
        assertEquals(right + byKind[2], s.validPredictions());
        assertEquals(right, s.structureCorrect());
        assertTrue(s.symbolPrecision() < 100 && s.symbolRecall() < 100, s.toString());
        // every symbol of a right or x-appended prediction is matched; missing and invalid ones have none
        assertEquals(s.predictedSymbols() - byKind[2], s.matchedSymbols());

        List<Confusion> confusions = evaluate(corrupted).confusions();
        assertTrue(confusions.contains(new Confusion(EditKind.INSERT, "", "x", byKind[2])), confusions.toString());
        assertTrue(confusions.contains(new Confusion(EditKind.INSERT, "", "}", byKind[3])), confusions.toString());
    }
}
