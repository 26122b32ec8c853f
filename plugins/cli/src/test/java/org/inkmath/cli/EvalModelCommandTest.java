package org.inkmath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.inkmath.eval.report.EvaluationReport;
import org.inkmath.eval.report.ReportJson;
import org.inkmath.recognizer.ink.InkDocument;
import org.inkmath.recognizer.ink.InkMlWriter;
import org.inkmath.recognizer.model.WeightPrecision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inkmath eval --model}: a tiny random model over synthetic images and InkML, in-process. */
class EvalModelCommandTest {

    @TempDir
    static Path dir;
    static Path model;
    static final String[] SMALL = {"--beam", "3", "--max-length", "12"};

    @BeforeAll
    static void tinyModelImagesAndInk() throws IOException {
        model = TinyModel.save(dir.resolve("tiny.safetensors"), 11, WeightPrecision.FLOAT16);
        Path img = Files.createDirectories(dir.resolve("img"));
        StringBuilder captions = new StringBuilder();
        String[] truths = {"x ^ { 2 }", "1 + 1", "\\frac { a } { b }", "x", "y - 3", "\\sqrt { 2 }"};
        for (int i = 0; i < truths.length; i++) {
            BufferedImage b = new BufferedImage(60 + 20 * i, 50, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = b.createGraphics();
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(3));
            for (int s = 0; s <= i; s++) {
                g.drawLine(8 + 18 * s, 10 + (s % 2) * 20, 20 + 18 * s, 40 - (s % 3) * 10);
            }
            g.dispose();
            ImageIO.write(b, "png", img.resolve("e" + i + ".png").toFile());
            captions.append('e').append(i).append('\t').append(truths[i]).append('\n');
        }
        Files.writeString(dir.resolve("caption.txt"), captions);
        Path inkml = Files.createDirectories(dir.resolve("inkml"));
        String[] latex = {"$x^2$", "$1+1$", "$\\frac{a}{b}$"};
        for (int i = 0; i < latex.length; i++) {
            InkMlWriter.write(InkDocument.of(TinyModel.scribble(i), latex[i]), inkml.resolve("i" + i + ".inkml"));
        }
        InkMlWriter.write(InkDocument.of(TinyModel.scribble(3)), inkml.resolve("notruth.inkml"));
    }

    static CliRun.Result eval(String... args) {
        List<String> all = new ArrayList<>(List.of("eval", "--model", model.toString()));
        all.addAll(List.of(SMALL));
        all.addAll(List.of(args));
        return CliRun.once(all.toArray(String[]::new));
    }

    @Test
    void evaluatesTheModelOnASubsetOfImagesWithSpeedFigures() throws IOException {
        Path out = dir.resolve("run");
        CliRun.Result r = eval("--images", dir.resolve("img").toString(), "--captions", dir.resolve("caption.txt").toString(),
                "--subset", "5", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("| ExpRate (exact) | "), r.out());
        EvaluationReport report = ReportJson.read(out.resolve("report.json"));
        assertEquals(5, report.summary().expressions());
        assertEquals(List.of("e0", "e1", "e2", "e3", "e4"), report.expressions().stream().map(e -> e.name()).toList());
        assertEquals(5, report.summary().validPredictions() + report.summary().repairedPredictions());
        assertNotNull(report.run().latencyP50Millis());
        assertNotNull(report.run().expressionsPerSecond());
        assertNotNull(report.run().setupSeconds());
        assertNotNull(report.run().peakResidentBytes());
        assertEquals("3", report.provenance().sourceSettings().get("beam"));
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("- latency p50 / p95: "), md);
        assertTrue(md.contains("- peak resident memory: "), md);
        assertTrue(md.contains("Valid predictions counts the decoder's own output"), md);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<div class=\"input\">"), "the input images are on the cards");
        assertFalse(html.contains("class=\"att\""), "no heatmaps unless asked for");
        assertTrue(html.contains("<h2>Run</h2>") && html.contains("<li>latency p50 / p95: "), "speed on the page");
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void deterministicRunsGiveIdenticalFilesAndAttentionAddsHeatmaps() throws IOException {
        for (String run : new String[] {"d1", "d2"}) {
            // one thread per worker in both runs: the intra-op thread count may change the last digits of a score
            CliRun.Result r = eval("--deterministic", "--strategy", "greedy", "--workers", run.equals("d1") ? "1" : "2",
                    "--threads", run.equals("d1") ? "1" : "2",
                    "--images", dir.resolve("img").toString(), "--captions", dir.resolve("caption.txt").toString(),
                    "--out", dir.resolve(run).toString());
            assertEquals(0, r.exitCode(), r.err());
        }
        String one = Files.readString(dir.resolve("d1/report.json"));
        String two = Files.readString(dir.resolve("d2/report.json"));
        assertTrue(one.contains("\"workers\" : \"1\""), one);
        assertTrue(two.contains("\"workers\" : \"2\""), two);
        assertEquals(withoutParallelism(one), withoutParallelism(two), "the same but for the workers and their threads");
        assertFalse(one.contains("\"date\""));

        CliRun.Result a = eval("--strategy", "greedy", "--attention", "--attention-cards", "1", "--images",
                dir.resolve("img").toString(), "--captions", dir.resolve("caption.txt").toString(), "--out",
                dir.resolve("att").toString());
        assertEquals(0, a.exitCode(), a.err());
        String html = Files.readString(dir.resolve("att/report.html"));
        assertEquals(1, html.split("class=\"att\"", -1).length - 1, "heatmaps on the first card only");
        assertTrue(html.contains("<figcaption>"), "each heatmap is labelled");
    }

    /** The report without the lines that name the workers and threads. */
    static String withoutParallelism(String json) {
        return json.lines().filter(l -> !l.contains("\"workers\"") && !l.contains("\"threads per worker\""))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test
    void inkmlFilesAreDrawnAndTheirTruthNormalised() throws IOException {
        Path out = dir.resolve("ink");
        CliRun.Result r = eval("--strategy", "greedy", "--inkml", dir.resolve("inkml").toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("inkmath: 1 InkML files left out: notruth (no truth annotation)"), r.err());
        EvaluationReport report = ReportJson.read(out.resolve("report.json"));
        assertEquals(3, report.summary().expressions());
        assertEquals("\\frac { a } { b }", report.expressions().get(2).truth());
        assertTrue(report.provenance().truth().startsWith("truth annotations of "), report.provenance().truth());
        assertTrue(Files.readString(out.resolve("report.html")).contains("data:image/png;base64,"));
    }

    @Test
    void unreadableImagesAreNamedAndCountedWrong() throws IOException {
        Path captions = Files.writeString(dir.resolve("more.txt"),
                Files.readString(dir.resolve("caption.txt")) + "gone\tx\n");
        CliRun.Result r = eval("--strategy", "greedy", "--images", dir.resolve("img").toString(), "--captions",
                captions.toString(), "--out", dir.resolve("gone").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("inkmath: 1 inputs could not be read (counted wrong): gone (no image "), r.err());
        assertEquals(1, ReportJson.read(dir.resolve("gone/report.json")).summary().missingPredictions());
    }

    @Test
    void badUsageAndMissingModelsAreNamed() throws IOException {
        String captions = dir.resolve("caption.txt").toString();
        CliRun.Result mixed = CliRun.once("eval", "--predictions", captions, "--captions", captions, "--beam", "3");
        assertEquals(2, mixed.exitCode());
        assertTrue(mixed.err().contains("apply only when a model is run"), mixed.err());
        CliRun.Result noInput = CliRun.once("eval", "--model", model.toString(), "--captions", captions);
        assertEquals(2, noInput.exitCode());
        assertTrue(noInput.err().startsWith("inkmath: give the model's input"), noInput.err());
        CliRun.Result both = CliRun.once("eval", "--images", "a", "--inkml", "b", "--captions", captions);
        assertEquals(2, both.exitCode());
        CliRun.Result strategy = eval("--strategy", "sideways", "--images", dir.resolve("img").toString(),
                "--captions", captions);
        assertEquals(2, strategy.exitCode());
        assertTrue(strategy.err().contains("--strategy must be greedy, beam or bidirectional"), strategy.err());

        CliRun.Result noModel = CliRun.once("eval", "--model", dir.resolve("none.safetensors").toString(), "--images",
                dir.resolve("img").toString(), "--captions", captions, "--out", dir.resolve("x").toString());
        assertEquals(InkMath.EXIT_ERROR, noModel.exitCode());
        assertEquals("inkmath: cannot load the model: " + dir.resolve("none.safetensors") + ": no such file",
                noModel.err().strip());
        Path notAModel = Files.writeString(dir.resolve("bad.safetensors"), "nonsense");
        CliRun.Result bad = CliRun.once("eval", "--model", notAModel.toString(), "--images",
                dir.resolve("img").toString(), "--captions", captions, "--out", dir.resolve("x").toString());
        assertEquals(InkMath.EXIT_ERROR, bad.exitCode());
        assertTrue(bad.err().startsWith("inkmath: cannot load the model: "), bad.err());
        assertFalse((noModel.err() + bad.err()).contains("Exception"), noModel.err() + bad.err());
        if (!org.inkmath.recognizer.Recognizer.hasDefaultModel()) {
            CliRun.Result none = CliRun.once("eval", "--images", dir.resolve("img").toString(), "--captions", captions,
                    "--out", dir.resolve("x").toString());
            assertEquals(InkMath.EXIT_ERROR, none.exitCode());
            assertTrue(none.err().contains("inkmath: no model: this build has no default model yet; give a model file"
                    + " with --model FILE"), none.err());
        }
    }

    @Test
    void theModelsReportComparesWithAPredictionsFile() throws IOException {
        Path a = dir.resolve("cmpA");
        assertEquals(0, eval("--strategy", "greedy", "--images", dir.resolve("img").toString(), "--captions",
                dir.resolve("caption.txt").toString(), "--out", a.toString()).exitCode());
        Path truthAsPredictions = dir.resolve("caption.txt");
        assertEquals(0, CliRun.once("eval", "--predictions", truthAsPredictions.toString(), "--captions",
                truthAsPredictions.toString(), "--out", dir.resolve("cmpB").toString()).exitCode());
        CliRun.Result c = CliRun.once("eval", "--compare", a.resolve("report.json").toString(),
                dir.resolve("cmpB/report.json").toString(), "--out", dir.resolve("cmp").toString());
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.out().contains("| ExpRate (exact) | "), c.out());
    }
}
