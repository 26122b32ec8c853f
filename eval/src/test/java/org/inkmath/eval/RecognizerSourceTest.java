package org.inkmath.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.inkmath.eval.report.AttentionView;
import org.inkmath.eval.report.EvaluationReport;
import org.inkmath.eval.report.ExpressionOutcome;
import org.inkmath.eval.report.HtmlReport;
import org.inkmath.eval.report.ReportJson;
import org.inkmath.latex.TokenSequence;
import org.inkmath.recognizer.Recognition;
import org.inkmath.recognizer.Recognizer;
import org.inkmath.recognizer.RecognizerOptions;
import org.inkmath.recognizer.decode.Decoder.Strategy;
import org.inkmath.recognizer.model.ModelFormatException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny random model evaluated over synthetic images: predictions, determinism, failures, attention. */
class RecognizerSourceTest {

    @TempDir
    static Path dir;
    static Path model;
    static EvaluationTruth truth;
    static final RecognizerOptions SMALL = RecognizerOptions.defaults().withBeamSize(3).withMaxLength(12)
            .withAlternatives(1);

    @BeforeAll
    static void tinyModelAndImages() throws IOException {
        model = TinyEvalInputs.tinyModel(dir);
        TinyEvalInputs.images(dir);
        truth = EvaluationTruth.read(dir.resolve("caption.txt"));
    }

    static RecognizerSource source(RecognizerOptions options, int workers) throws IOException, ModelFormatException {
        return new RecognizerSource(Recognizer.load(model, options), RecognizerSource.describe(model),
                new ImageFolderInputs(dir.resolve("img")), new RecognizerSource.Config(options, workers, 1), 0.5);
    }

    static EvaluationReport run(RecognizerSource source) throws PredictionException {
        try (source) {
            return Evaluation.run(truth, source, EvaluationSettings.defaults(), "test", d -> { });
        }
    }

    @Test
    void theSameModelAndSettingsGiveByteIdenticalReportsWhateverTheWorkers() throws Exception {
        EvaluationReport one = run(source(SMALL, 1));
        EvaluationReport again = run(source(SMALL, 1));
        EvaluationReport parallel = run(source(SMALL, 3));
        String json = ReportJson.write(one.withoutRunFacts());
        assertEquals(json, ReportJson.write(again.withoutRunFacts()));
        // the workers are a setting of the report; everything measured is the same
        assertEquals(json.replace("\"workers\" : \"1\"", "\"workers\" : \"3\""),
                ReportJson.write(parallel.withoutRunFacts()));
        assertTrue(json.contains("\"workers\" : \"1\""), json);
        assertFalse(json.contains("latency"), "timings live in the run facts only");
        assertTrue(ReportJson.write(one).contains("latencyP50Millis"));
    }

    @Test
    void predictionsAreTheRecognizersOnTheTrainersInput() throws Exception {
        EvaluationReport report = run(source(SMALL, 2));
        assertEquals(6, report.summary().expressions());
        assertEquals(0, report.summary().missingPredictions());
        try (Recognizer recognizer = Recognizer.load(model, SMALL)) {
            for (int i = 0; i < 6; i++) {
                String name = "e" + i;
                Recognition r = recognizer.recognize(new ImageFolderInputs(dir.resolve("img")).read(name), SMALL);
                ExpressionOutcome outcome = report.expressions().get(i);
                assertEquals(name, outcome.name());
                assertEquals(String.join(" ", r.tokens()), outcome.predicted());
                assertEquals(r.score(), outcome.score(), 1e-9);
                assertEquals(r.valid(), outcome.valid(), "validity is the decoder's own");
                assertEquals(r.repaired(), outcome.repaired());
            }
        }
        assertEquals(6, report.summary().validPredictions() + report.summary().repairedPredictions(),
                "the recognizer repairs exactly the outputs that were not valid");
        assertNotNull(report.run().latencyP50Millis());
        assertTrue(report.run().latencyP95Millis() >= report.run().latencyP50Millis());
        assertEquals(0.5, report.run().setupSeconds());
        assertTrue(report.provenance().source().startsWith("model tiny.safetensors (sha256 "), report.provenance().source());
        assertEquals("bidirectional", report.provenance().sourceSettings().get("strategy"));
        assertEquals("3", report.provenance().sourceSettings().get("beam"));
        assertEquals("12", report.provenance().sourceSettings().get("max length"));
        assertEquals("false", report.provenance().sourceSettings().get("constrained"));
        assertEquals("2", report.provenance().sourceSettings().get("workers"));
    }

    @Test
    void anUnreadableInputIsNamedCountedWrongAndTheRunGoesOn() throws Exception {
        Path captions = Files.writeString(dir.resolve("more.txt"), Files.readString(dir.resolve("caption.txt"))
                + "gone\tx\nbroken\ty\n");
        Files.writeString(dir.resolve("img/broken.png"), "not a png", StandardCharsets.UTF_8);
        EvaluationTruth more = EvaluationTruth.read(captions);
        EvaluationReport report;
        RecognizerSource source = source(SMALL.withStrategy(Strategy.GREEDY), 2);
        try (source) {
            report = Evaluation.run(more, source, EvaluationSettings.defaults(), "test", d -> { });
            assertEquals(List.of("gone", "broken"), List.copyOf(source.failures().keySet()));
            assertTrue(source.failures().get("gone").startsWith("no image "), source.failures().toString());
            assertTrue(source.failures().get("broken").contains("broken.png: not an image"), source.failures().toString());
        } finally {
            Files.delete(dir.resolve("img/broken.png"));
        }
        assertEquals(8, report.summary().expressions());
        assertEquals(2, report.summary().missingPredictions());
        assertTrue(report.expressions().get(6).missing());
        assertNull(report.expressions().get(6).repaired());
    }

    @Test
    void attentionIsKeptOnRequestAndDrawnOnTheCards() throws Exception {
        RecognizerOptions withAttention = SMALL.withStrategy(Strategy.GREEDY).withAttention(true);
        RecognizerSource source = source(withAttention, 1);
        EvaluationReport report = run(source);
        Optional<AttentionView> view = source.attention("e2");
        assertTrue(view.isPresent());
        Recognition.AttentionMaps maps = view.get().maps();
        assertEquals(view.get().input().width(), maps.imageWidth());
        assertEquals((maps.imageWidth() + 15) / 16, maps.width(), "16-pixel cells, rounded up");
        assertFalse(maps.perToken().isEmpty());
        String page = HtmlReport.write(report, HtmlReport.Options.defaults().withAttention(source::attention, 2));
        int cardsWithHeatmaps = page.split("class=\"att\"", -1).length - 1;
        assertEquals(Math.min(2, report.errors().size()), cardsWithHeatmaps, "only the first cards get heatmaps");

        RecognizerSource without = source(SMALL.withStrategy(Strategy.GREEDY), 1);
        run(without);
        assertTrue(without.attention("e2").isEmpty(), "no maps are kept unless asked for");
    }

    @Test
    void theImageFolderReadsPicturesAsTheyAreAndNothingOutsideIt() throws IOException {
        ImageFolderInputs inputs = new ImageFolderInputs(dir.resolve("img"));
        assertEquals(java.util.Set.of("e0", "e1", "e2", "e3", "e4", "e5"), inputs.names());
        IOException outside = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> inputs.read("../e1"));
        assertTrue(outside.getMessage().contains("does not lie in"), outside.getMessage());
        // the PNG for the report is the model's input, white ink on black
        byte[] png = inputs.png("e1");
        assertEquals(inputs.read("e1").width(), javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth());
        assertArrayEquals(inputs.read("e1").pixels(), inputs.read("e1").pixels());
        assertEquals(new TokenSequence(List.of("x", "^", "{", "2", "}")), truth.all().get("e0"));
    }
}
