package org.inkmath.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.inkmath.eval.report.EvaluationReport;
import org.inkmath.eval.report.HtmlReport;
import org.inkmath.eval.report.MarkdownReport;
import org.inkmath.eval.report.ReportJson;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long scoring the 986 CROHME 2014 expressions and writing the three reports take, with the
 * published images on 200 error cards. Predictions: {@link CaptionCorruption} of the captions
 * (no recognizer yet). Run: {@code mvn -B -o -Pbenchmarks test -pl eval -am
 * -Dtest=EvaluationBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class EvaluationBenchmarkTest {

    @Test
    void scoreAndReportTheCrohme2014Set() throws IOException, PredictionException {
        String dir = System.getProperty("crohme.dir", "");
        Path root = Path.of(dir.isEmpty() ? "." : dir, "2014");
        Assumptions.assumeTrue(!dir.isEmpty() && Files.isRegularFile(root.resolve("caption.txt"))
                && Files.isDirectory(root.resolve("img")), "CROHME 2014 data not found under '" + dir + "': skipped");
        EvaluationTruth truth = EvaluationTruth.read(root.resolve("caption.txt"));
        PredictionFile predictions = new PredictionFile(Path.of("corrupted"),
                CaptionCorruption.of(truth.all()).predictions());
        HtmlReport.Options html = HtmlReport.Options.defaults().withImages(root.resolve("img"));

        int rounds = 5;
        long[] score = new long[rounds];
        long[] json = new long[rounds];
        long[] markdown = new long[rounds];
        long[] page = new long[rounds];
        int htmlBytes = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            EvaluationReport report = Evaluation.run(truth, predictions, EvaluationSettings.defaults(), "bench", d -> { });
            long t1 = System.nanoTime();
            String j = ReportJson.write(report);
            long t2 = System.nanoTime();
            String m = MarkdownReport.write(report);
            long t3 = System.nanoTime();
            String h = HtmlReport.write(report, html);
            long t4 = System.nanoTime();
            score[r] = t1 - t0;
            json[r] = t2 - t1;
            markdown[r] = t3 - t2;
            page[r] = t4 - t3;
            htmlBytes = h.length();
            assertEquals(986, report.summary().expressions());
            assertTrue(j.length() > 0 && m.length() > 0);
            assertEquals(200, h.split("class=\"card\"", -1).length - 1);
        }
        System.out.printf(Locale.ROOT, "eval benchmark, 986 expressions, median of %d (first round included):%n"
                        + "  score %.0f ms (%.0f expressions/s)%n  JSON %.0f ms%n  Markdown %.1f ms%n"
                        + "  HTML with 200 cards and images %.0f ms (%,d characters)%n",
                rounds, median(score) / 1e6, 986 / (median(score) / 1e9), median(json) / 1e6,
                median(markdown) / 1e6, median(page) / 1e6, htmlBytes);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
