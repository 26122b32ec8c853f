package org.inkmath.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.inkmath.eval.metrics.Confusion;
import org.inkmath.eval.metrics.MetricSummary;
import org.inkmath.eval.metrics.TokenAlignment.EditKind;
import org.inkmath.eval.report.EvaluationReport;
import org.inkmath.eval.report.ReportJson;
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

    /** See {@link CaptionCorruption} for what is done to which caption. */
    @Test
    void aKnownCorruptionGivesTheExpectedFigures() throws PredictionException {
        CaptionCorruption corruption = CaptionCorruption.of(truth.all());
        Map<String, TokenSequence> corrupted = corruption.predictions();
        int[] byKind = corruption.byKind();
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

        EvaluationReport report = evaluate(corrupted);
        List<Confusion> confusions = report.confusions();
        assertTrue(confusions.contains(new Confusion(EditKind.INSERT, "", "x", byKind[2])), confusions.toString());
        assertTrue(confusions.contains(new Confusion(EditKind.INSERT, "", "}", byKind[3])), confusions.toString());
        // a second run gives the same bytes, the run facts aside
        assertEquals(ReportJson.write(report.withoutRunFacts()), ReportJson.write(evaluate(corrupted).withoutRunFacts()));
    }
}
