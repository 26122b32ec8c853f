package org.inkmath.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.automaton.PrefixAutomaton;
import org.inkmath.recognizer.Recognizer;
import org.inkmath.recognizer.ink.Ink;
import org.inkmath.recognizer.ink.InkDocument;
import org.inkmath.recognizer.ink.InkMlWriter;
import org.inkmath.recognizer.ink.JsonStrokes;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.WeightPrecision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RecognizeCommandTest {

    @TempDir
    static Path temp;
    private static Path model;
    private static Path inkml;
    private static Path json;
    private static final String[] SMALL = {"--beam", "3", "--max-length", "10"};

    @BeforeAll
    static void tinyModelAndInk() throws Exception {
        model = TinyModel.save(temp.resolve("tiny.safetensors"), 4, WeightPrecision.FLOAT16);
        Ink ink = TinyModel.scribble(1);
        inkml = temp.resolve("f.inkml");
        InkMlWriter.write(InkDocument.of(ink), inkml);
        json = Files.writeString(temp.resolve("f.json"), JsonStrokes.write(ink));
    }

    private static CliRun.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("recognize", "--model", model.toString()));
        all.addAll(List.of(SMALL));
        all.addAll(List.of(args));
        return CliRun.once(all.toArray(String[]::new));
    }

    @Test
    void printsOneValidLatexLinePerFileInOrder() {
        CliRun.Result r = run(inkml.toString(), json.toString());
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(2, lines.length, r.out());
        assertEquals(lines[0], lines[1], "the same ink as InkML and as JSON strokes reads the same");
        assertTrue(PrefixAutomaton.crohme(PrefixAutomaton.Mode.LATEX).accepts(TokenSequence.parse(lines[0])), lines[0]);
        assertFalse(r.err().contains("warning"), "a model of the user's own gets no warning: " + r.err());
    }

    @Test
    void jsonLinesCarryTheWholeResultAndErrorsPerFile() throws Exception {
        Path broken = Files.writeString(temp.resolve("broken.inkml"), "<ink><trace>1 2,</ink>");
        CliRun.Result r = run("--json", "--nbest", "3", inkml.toString(), broken.toString());
        assertEquals(InkMath.EXIT_ERROR, r.exitCode());
        String[] lines = r.out().split("\n");
        assertEquals(2, lines.length, r.out());
        ObjectMapper mapper = new ObjectMapper();
        JsonNode ok = mapper.readTree(lines[0]);
        assertEquals(inkml.toString(), ok.get("file").asText());
        assertEquals(ok.get("latex").asText(), ok.get("alternatives").get(0).get("latex").asText());
        assertTrue(ok.get("alternatives").size() >= 1 && ok.get("alternatives").size() <= 3);
        assertTrue(ok.get("timings").get("totalMs").asDouble() > 0);
        assertTrue(ok.has("valid") && ok.has("repaired") && ok.has("confidence"));
        JsonNode bad = mapper.readTree(lines[1]);
        assertTrue(bad.get("error").asText().contains("broken.inkml"), bad.toString());
        assertTrue(r.err().contains("inkmath: ") && r.err().contains("broken.inkml"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void nBestPrintsRankScoreAndLatex() {
        CliRun.Result r = run("--nbest", "3", "--strategy", "beam", inkml.toString());
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertTrue(lines.length >= 1 && lines.length <= 3, r.out());
        for (int i = 0; i < lines.length; i++) {
            String[] parts = lines[i].split("\t");
            assertEquals(3, parts.length, lines[i]);
            assertEquals(String.valueOf(i + 1), parts[0]);
            Double.parseDouble(parts[1]);
        }
    }

    @Test
    void badUsageAndMissingModelsAreNamed() {
        CliRun.Result strategy = run("--strategy", "sideways", inkml.toString());
        assertEquals(2, strategy.exitCode());
        assertTrue(strategy.err().contains("sideways"), strategy.err());
        CliRun.Result noModel = CliRun.once("recognize", "--model", temp.resolve("none.safetensors").toString(),
                inkml.toString());
        assertEquals(InkMath.EXIT_ERROR, noModel.exitCode());
        assertTrue(noModel.err().startsWith("inkmath: cannot load the model"), noModel.err());
        CliRun.Result missing = run(temp.resolve("nope.inkml").toString());
        assertEquals(InkMath.EXIT_ERROR, missing.exitCode());
        assertTrue(missing.err().contains("nope.inkml: no such file"), missing.err());
    }

    @Test
    void theDefaultModelIsUsedOrItsAbsenceExplained() {
        CliRun.Result r = CliRun.once("recognize", "--greedy", "--max-length", "10", inkml.toString());
        if (Recognizer.hasDefaultModel()) {
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(1, r.out().strip().split("\n").length);
        } else {
            assertEquals(InkMath.EXIT_ERROR, r.exitCode());
            assertTrue(r.err().contains("no default model"), r.err());
        }
    }

    @Test
    void convertModelHalvesTheFileAndKeepsTheAnswers() throws Exception {
        Path wide = temp.resolve("wide.safetensors");
        CliRun.Result toWide = CliRun.once("convert-model", "--precision", "float32", model.toString(), wide.toString());
        assertEquals(0, toWide.exitCode(), toWide.err());
        Path narrow = temp.resolve("narrow.safetensors");
        CliRun.Result toNarrow = CliRun.once("convert-model", wide.toString(), narrow.toString());
        assertEquals(0, toNarrow.exitCode(), toNarrow.err());
        assertTrue(Files.size(narrow) < 0.6 * Files.size(wide), Files.size(narrow) + " vs " + Files.size(wide));
        CliRun.Result a = CliRun.once("recognize", "--model", narrow.toString(), "--greedy", "--max-length", "10",
                inkml.toString());
        CliRun.Result b = CliRun.once("recognize", "--model", model.toString(), "--greedy", "--max-length", "10",
                inkml.toString());
        assertEquals(b.out(), a.out(), "the float16 model was saved from float16 weights: same answers");
        CliRun.Result broken = CliRun.once("convert-model", inkml.toString(), narrow.toString());
        assertEquals(InkMath.EXIT_ERROR, broken.exitCode());
        assertTrue(broken.err().startsWith("inkmath: "), broken.err());
    }

    @Test
    void convertModelAveragesSeveralModelsAndCanRecordAnotherInputScale() throws Exception {
        Path mean = temp.resolve("mean.safetensors");
        CliRun.Result averaged = CliRun.once("convert-model", "--input-scale", "0.5", model.toString(),
                model.toString(), mean.toString());
        assertEquals(0, averaged.exitCode(), averaged.err());
        assertTrue(averaged.err().contains("mean of 2 models") && averaged.err().contains("input scale 0.5"),
                averaged.err());
        try (ComerModel written = ComerModel.load(mean); ComerModel original = ComerModel.load(model)) {
            assertEquals(original.config().withInputScale(0.5), written.config());
            original.weights().forEach((name, values) -> assertArrayEquals(values, written.weights().get(name), name));
        }
        CliRun.Result onItself = CliRun.once("convert-model", model.toString(), model.toString());
        assertEquals(CommandLine.ExitCode.USAGE, onItself.exitCode());
        assertTrue(onItself.err().contains("is also an input"), onItself.err());
        CliRun.Result badScale = CliRun.once("convert-model", "--input-scale", "0", model.toString(), mean.toString());
        assertEquals(CommandLine.ExitCode.USAGE, badScale.exitCode());
        assertTrue(badScale.err().contains("--input-scale must be in (0, 4]"), badScale.err());
    }

    /**
     * In a process of its own, as a user runs it: the libraries underneath (SLF4J, PyTorch's native
     * code) print nothing of their own, so standard error holds only the command's own words.
     */
    @Test
    void aRunInItsOwnProcessPrintsNoLibraryNoise() throws Exception {
        Path javaCommand = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(javaCommand.toString(), "-cp", System.getProperty("java.class.path"),
                "-Djava.awt.headless=true", "org.inkmath.cli.InkMath", "recognize", "--model", model.toString(),
                "--beam", "3", "--max-length", "10", "--threads", "1", inkml.toString())
                .redirectOutput(temp.resolve("out.txt").toFile()).redirectError(temp.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the run ends");
        String err = Files.readString(temp.resolve("err.txt"));
        assertEquals(0, p.exitValue(), err);
        assertEquals(1, Files.readAllLines(temp.resolve("out.txt")).size());
        for (String line : err.lines().toList()) {
            assertTrue(line.startsWith("inkmath:"), "a line on standard error that is not the command's: " + line);
        }
    }
}
