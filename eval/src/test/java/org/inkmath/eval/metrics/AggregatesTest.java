package org.inkmath.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.inkmath.eval.metrics.TokenAlignment.EditKind;
import org.inkmath.latex.TokenSequence;
import org.junit.jupiter.api.Test;

/** MetricSummary, LengthBucket, Confusion and MultisetOverlap on a small hand-made run. */
class AggregatesTest {

    static ExpressionScore score(String name, String truth, String predicted) {
        return ExpressionScore.of(name, TokenSequence.parse(truth),
                predicted == null ? Optional.empty() : Optional.of(TokenSequence.parse(predicted)));
    }

    /** Four expressions: exact; 1 edit (x read as y); 2 edits and invalid; missing. */
    static final List<ExpressionScore> RUN = List.of(
            score("a", "x + 1", "x + 1"),
            score("b", "x ^ { 2 }", "y ^ { 2 }"),
            score("c", "\\sqrt { x } + x + 1 + 2 + 3 + 4 + 5", "\\sqrt { y + x + 1 + 2 + 3 + 4 + 5"),
            score("d", "z", null));

    @Test
    void validityCountsTheDecodersOwnOutputWhenTheSourceRepairsIt() {
        TokenSequence truth = TokenSequence.parse("\\sqrt { x }");
        TokenSequence repaired = TokenSequence.parse("\\sqrt { x }"); // the decoder wrote "\sqrt { x"
        ExpressionScore fixed = ExpressionScore.of("r", truth, Optional.of(repaired), Optional.of(false));
        assertEquals(true, fixed.exact(), "the repaired LaTeX is what is scored");
        assertEquals(true, fixed.predictedValid());
        assertEquals(false, fixed.outputValid(), "but the decoder's output was not valid");
        assertEquals(true, fixed.repaired());
        ExpressionScore clean = ExpressionScore.of("c", truth, Optional.of(repaired), Optional.of(true));
        assertEquals(true, clean.outputValid());
        assertEquals(false, clean.repaired());
        ExpressionScore fromFile = ExpressionScore.of("f", truth, Optional.of(TokenSequence.parse("\\sqrt { x")),
                Optional.empty());
        assertEquals(false, fromFile.outputValid(), "a file's prediction: its own validity");
        assertEquals(false, fromFile.repaired());
        ExpressionScore missing = ExpressionScore.of("m", truth, Optional.empty(), Optional.of(true));
        assertEquals(false, missing.outputValid(), "no prediction is never valid");

        MetricSummary s = MetricSummary.of(List.of(fixed, clean, fromFile, missing));
        assertEquals(1, s.validPredictions());
        assertEquals(1, s.repairedPredictions());
        assertEquals(2, s.exact());
        assertEquals(25.0, s.metrics().get(MetricSummary.KEYS.indexOf("validity")).percent());
    }

    @Test
    void summaryCountsEachCriterion() {
        MetricSummary s = MetricSummary.of(RUN);
        assertEquals(4, s.expressions());
        assertEquals(1, s.exact());
        assertEquals(2, s.within1());
        assertEquals(3, s.within2());
        assertEquals(3, s.within3());
        assertEquals(2, s.structureCorrect());
        assertEquals(2, s.validPredictions());
        assertEquals(1, s.missingPredictions());
        assertEquals(25.0, s.expressionRate());
        // truth symbols 3 + 2 + 14 + 1; predicted 3 + 2 (c is invalid: none) ; matched 3 + 1
        assertEquals(20, s.truthSymbols());
        assertEquals(5, s.predictedSymbols());
        assertEquals(4, s.matchedSymbols());
        assertEquals(80.0, s.symbolPrecision(), 1e-9);
        assertEquals(20.0, s.symbolRecall(), 1e-9);
        MetricSummary.MetricValue f1 = s.metrics().get(MetricSummary.KEYS.indexOf("symbol_f1"));
        assertEquals(2 * 80.0 * 20.0 / 100.0, f1.percent(), 1e-9);
        assertEquals(MetricSummary.KEYS, s.metrics().stream().map(MetricSummary.MetricValue::key).toList());
    }

    @Test
    void ratesOverNothingAreZero() {
        MetricSummary s = MetricSummary.of(List.of());
        s.metrics().forEach(m -> assertEquals(0.0, m.percent(), m.key()));
    }

    @Test
    void bucketsByTruthLength() {
        List<LengthBucket> buckets = LengthBucket.of(RUN, List.of(3, 5));
        assertEquals(List.of("0-3", "4-5", "6+"), buckets.stream().map(LengthBucket::label).toList());
        assertEquals(List.of(2, 1, 1), buckets.stream().map(LengthBucket::expressions).toList());
        assertEquals(50.0, buckets.get(0).expressionRate());
        assertEquals(100.0, buckets.get(1).within1Rate());
        assertEquals(0.0, buckets.get(2).structureRate());
        assertThrows(IllegalArgumentException.class, () -> LengthBucket.of(RUN, List.of(5, 5)));
        assertThrows(IllegalArgumentException.class, () -> LengthBucket.of(RUN, List.of(-1)));
    }

    @Test
    void confusionsAreCountedSortedAndLeaveMissingOut() {
        List<ExpressionScore> run = List.of(
                score("a", "x + 1", "y + 1"),
                score("b", "x - x", "y - y"),
                score("c", "a b", "a"),
                score("d", "q", null));
        List<Confusion> top = Confusion.mostFrequent(run, 10);
        assertEquals(List.of(new Confusion(EditKind.SUBSTITUTE, "x", "y", 3),
                new Confusion(EditKind.DELETE, "b", "", 1)), top);
        assertEquals(1, Confusion.mostFrequent(run, 1).size());
    }

    @Test
    void multisetOverlapPairsEqualElementsOnce() {
        assertEquals(2, MultisetOverlap.count(List.of("x", "x", "y"), List.of("x", "y", "y", "z")));
        assertEquals(0, MultisetOverlap.count(List.of(), List.of("x")));
        assertEquals(3, MultisetOverlap.count(List.of("a", "a", "a"), List.of("a", "a", "a", "a")));
    }
}
