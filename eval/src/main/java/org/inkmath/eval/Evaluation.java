package org.inkmath.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.IntConsumer;

import org.inkmath.eval.metrics.Confusion;
import org.inkmath.eval.metrics.ExpressionScore;
import org.inkmath.eval.metrics.LengthBucket;
import org.inkmath.eval.metrics.MetricSummary;
import org.inkmath.eval.report.EvaluationReport;
import org.inkmath.eval.report.ExpressionOutcome;
import org.inkmath.eval.report.Provenance;
import org.inkmath.eval.report.RunFacts;

/**
 * One evaluation run: asks a {@link PredictionSource} for every selected expression, scores
 * each against its truth and sums the scores into an {@link EvaluationReport}.
 *
 * <pre>{@code
 * EvaluationTruth truth = EvaluationTruth.read(Path.of("2014/caption.txt"));
 * try (PredictionFile predictions = PredictionFile.read(Path.of("predictions.txt"))) {
 *     EvaluationReport report = Evaluation.run(truth, predictions, EvaluationSettings.defaults(),
 *             "inkmath 0.1.0", done -> {});
 * }
 * }</pre>
 *
 * Expressions are scored in the truth's order, one at a time, so the report depends only on the
 * inputs; the run's date and timings go to {@link EvaluationReport#run()} alone.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * Runs the evaluation.
     *
     * @param codeVersion the program's version, for the provenance
     * @param progress    told the number of expressions done after each one
     * @throws PredictionException when the source fails on an expression
     */
    public static EvaluationReport run(EvaluationTruth truth, PredictionSource source, EvaluationSettings settings,
                                       String codeVersion, IntConsumer progress) throws PredictionException {
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        List<ExpressionScore> scores = new ArrayList<>(truth.selected().size());
        List<ExpressionOutcome> outcomes = new ArrayList<>(truth.selected().size());
        List<Long> latencies = new ArrayList<>();
        source.expect(truth.selected());
        for (String name : truth.selected()) {
            Optional<Prediction> prediction = source.predict(name);
            Optional<Boolean> decoderValid = prediction.flatMap(Prediction::decoderValid);
            ExpressionScore score = ExpressionScore.of(name, truth.all().get(name), prediction.map(Prediction::tokens),
                    decoderValid);
            scores.add(score);
            Double recognizerScore = prediction.filter(p -> p.score().isPresent())
                    .map(p -> p.score().getAsDouble()).orElse(null);
            outcomes.add(ExpressionOutcome.of(score, decoderValid.isPresent(), recognizerScore));
            prediction.ifPresent(p -> p.latencyNanos().ifPresent(latencies::add));
            progress.accept(scores.size());
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        Provenance provenance = new Provenance(source.description(), source.settings(), truth.description(),
                truth.selection(), settings.describe(), codeVersion);
        MetricSummary summary = MetricSummary.of(scores);
        return new EvaluationReport(EvaluationReport.FORMAT, provenance, summary, summary.metrics(),
                LengthBucket.of(scores, settings.lengthUpperBounds()),
                Confusion.mostFrequent(scores, settings.confusionLimit()),
                List.copyOf(source.namesOtherThan(new HashSet<>(truth.all().keySet()))),
                outcomes, runFacts(started, elapsed, source.setupSeconds(), latencies));
    }

    /**
     * Date and elapsed time; the speed figures only when the source timed its predictions. The
     * rate is the expressions over the run's wall time, not over the summed latencies, so that it
     * counts a source's parallel workers.
     */
    static RunFacts runFacts(Instant started, double elapsedSeconds, OptionalDouble setupSeconds, List<Long> latencyNanos) {
        String date = started.truncatedTo(ChronoUnit.SECONDS).toString();
        Double setup = setupSeconds.isPresent() ? setupSeconds.getAsDouble() : null;
        if (latencyNanos.isEmpty()) {
            return new RunFacts(date, RunFacts.thisMachine(), elapsedSeconds, setup, null, null, null, null);
        }
        long[] sorted = latencyNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new RunFacts(date, RunFacts.thisMachine(), elapsedSeconds, setup, percentile(sorted, 50) / 1e6,
                percentile(sorted, 95) / 1e6, elapsedSeconds > 0 ? sorted.length / elapsedSeconds : null,
                peakResidentBytes().orElse(null));
    }

    /** The nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /**
     * The process's peak resident memory so far (VmHWM of {@code /proc/self/status}): the heap
     * and the native memory of the tensor library, which the JVM's own figures miss. Empty where
     * there is no such file (not Linux).
     */
    static Optional<Long> peakResidentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String kib = line.substring("VmHWM:".length()).replace("kB", "").strip();
                    return Optional.of(Long.parseLong(kib) * 1024);
                }
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            // no figure rather than a failed run
        }
        return Optional.empty();
    }
}
