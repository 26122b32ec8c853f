package org.inkmath.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.inkmath.eval.report.EvaluationReport;
import org.inkmath.eval.report.MarkdownReport;
import org.inkmath.eval.report.RunFacts;
import org.inkmath.latex.TokenSequence;
import org.junit.jupiter.api.Test;

/** Evaluation with a source that times and scores its predictions, as a recognizer will. */
class EvaluationTest {

    /** Predicts the truth itself, taking (i + 1) ms for the i-th expression, score -i. */
    static final class TimedEcho implements PredictionSource {
        final Map<String, TokenSequence> truths;
        final List<String> asked = new ArrayList<>();

        TimedEcho(Map<String, TokenSequence> truths) {
            this.truths = truths;
        }

        @Override
        public String description() {
            return "echo";
        }

        @Override
        public Map<String, String> settings() {
            return Map.of("beam", "10", "model", "m.pt");
        }

        @Override
        public Optional<Prediction> predict(String name) throws PredictionException {
            if (name.equals("bad")) {
                throw new PredictionException("bad: the image could not be read");
            }
            asked.add(name);
            int i = asked.size() - 1;
            return Optional.of(new Prediction(truths.get(name), OptionalDouble.of(-i), OptionalLong.of((i + 1) * 1_000_000L)));
        }
    }

    static EvaluationTruth truth(int n) {
        Map<String, TokenSequence> truths = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            truths.put("e" + i, TokenSequence.parse("x + " + i));
        }
        return new EvaluationTruth("t", truths, new ArrayList<>(truths.keySet()), "all");
    }

    @Test
    void aTimedSourceFillsTheSpeedFigures() throws PredictionException {
        EvaluationTruth truth = truth(20);
        TimedEcho source = new TimedEcho(truth.all());
        List<Integer> progress = new ArrayList<>();
        EvaluationReport r = Evaluation.run(truth, source, EvaluationSettings.defaults(), "v", progress::add);
        assertEquals(truth.selected(), source.asked, "asked in the truth's order, each once");
        assertEquals(20, progress.size());
        assertEquals(20, progress.get(19));
        RunFacts run = r.run();
        assertEquals(10.0, run.latencyP50Millis(), 1e-9, "nearest rank: the 10th of 1..20 ms");
        assertEquals(19.0, run.latencyP95Millis(), 1e-9);
        assertEquals(20 / run.elapsedSeconds(), run.expressionsPerSecond(), 1e-6,
                "expressions over the run's wall time, not over the summed latencies (workers run side by side)");
        assertNotNull(run.peakResidentBytes(), "VmHWM, on Linux");
        assertTrue(run.peakResidentBytes() > 1 << 20, "a JVM holds more than a MiB: " + run.peakResidentBytes());
        assertNull(run.setupSeconds(), "the source loaded nothing");
        assertEquals(-3.0, r.expressions().get(3).score());
        assertEquals(Map.of("beam", "10", "model", "m.pt"), r.provenance().sourceSettings());
        assertTrue(MarkdownReport.write(r).contains("- latency p50 / p95: 10.0 / 19.0 ms"), MarkdownReport.write(r));
    }

    @Test
    void anUntimedSourceLeavesThemOut() throws PredictionException {
        EvaluationTruth truth = truth(3);
        EvaluationReport r = Evaluation.run(truth, new PredictionFile(java.nio.file.Path.of("p"), truth.all()),
                EvaluationSettings.defaults(), "v", d -> { });
        assertNull(r.run().latencyP50Millis());
        assertNull(r.run().expressionsPerSecond());
        assertNull(r.run().peakResidentBytes());
        assertNull(r.expressions().get(0).score());
    }

    @Test
    void aFailingSourceStopsTheRunWithItsMessage() {
        Map<String, TokenSequence> truths = new LinkedHashMap<>(truth(2).all());
        truths.put("bad", TokenSequence.parse("x"));
        EvaluationTruth truth = new EvaluationTruth("t", truths, new ArrayList<>(truths.keySet()), "all");
        PredictionException e = assertThrows(PredictionException.class,
                () -> Evaluation.run(truth, new TimedEcho(truths), EvaluationSettings.defaults(), "v", d -> { }));
        assertEquals("bad: the image could not be read", e.getMessage());
    }

    @Test
    void selectionsKeepTheirOrderAndRefuseUnknownNames() {
        EvaluationTruth all = truth(5);
        assertEquals(List.of("e0", "e1"), all.first(2).selected());
        assertEquals(List.of("e0", "e1", "e2", "e3", "e4"), all.first(99).selected());
        assertEquals(List.of("e3", "e1"), all.named(List.of("e3", "e1", "e3"), "n").selected());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> all.named(List.of("e1", "zz"), "n"));
        assertEquals("1 names not in t: zz", e.getMessage());
    }
}
