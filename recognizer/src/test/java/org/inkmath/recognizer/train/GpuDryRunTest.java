package org.inkmath.recognizer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.inkmath.latex.Vocabulary;
import org.inkmath.recognizer.image.RasterStyle;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.ModelConfig;
import org.inkmath.recognizer.model.ModelFormatException;
import org.inkmath.recognizer.model.PythonTorch;
import org.inkmath.recognizer.model.WeightPrecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dry run of the GPU training script ({@code training/gpu/train.py}) on the CPU: a pack of a
 * few synthetic samples written by {@link TrainingPack}, two epochs of the tiny model from a
 * Java-written model file with validation (bf16 autocast on, as on a GPU), a resumed third epoch
 * saved in float16, a run whose time budget is spent before it starts, and one of a model at half
 * the input scale; every run must leave weights that {@link ComerModel#load} reads, and
 * a log. Skipped when no Python with torch is installed ({@code apt-get install python3-torch}).
 */
class GpuDryRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void trainingScriptRunsResumesAndKeepsItsTimeBudget(@TempDir Path dir) throws IOException, ModelFormatException {
        PythonTorch python = PythonTorch.require();
        Path pack = dir.resolve("pack.npz");
        TrainingPack.Summary summary = TrainingPack.write(pack, TinyRuns.samples(8), TinyRuns.samples(3),
                Vocabulary.crohme(), RasterStyle.crohme(), () -> { });
        assertEquals(8, summary.trainImages());
        Path config = dir.resolve("tiny.json");
        Files.writeString(config, ModelConfig.tiny().toJson(), StandardCharsets.UTF_8);
        Path run = dir.resolve("run");
        Path javaModel = dir.resolve("java.safetensors");
        try (ComerModel model = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 9)) {
            model.save(javaModel, WeightPrecision.FLOAT16);
        }

        long start = System.nanoTime();
        PythonTorch.Run first = python.run(240, "train.py", "--pack", pack.toString(), "--out", run.toString(),
                "--init", javaModel.toString(), "--batch", "4", "--epochs", "2", "--validate-every", "1",
                "--max-decode-length", "6", "--minutes", "3", "--device", "cpu", "--threads", "2", "--amp", "bf16");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, first.exitCode(), "train.py failed:\n" + first.output());
        JsonNode done = JSON.readTree(run.resolve("summary.json").toFile());
        assertEquals("finished", done.get("stop").asText(), first.output());
        assertEquals(2, done.get("epoch").asInt());
        long steps = done.get("step").asLong();
        assertTrue(steps >= 4, "2 epochs of 8 images in batches of at most 4: " + steps + " steps");
        assertLoads(run.resolve("last.safetensors"));
        assertLoads(run.resolve("best.safetensors"));
        assertLoads(run.resolve("epochs/epoch-001.safetensors"));
        assertLoads(run.resolve("epochs/epoch-002.safetensors"));
        List<String> log = Files.readAllLines(run.resolve("log.csv"));
        assertEquals(TrainingLog.HEADER, log.get(0));
        assertEquals(steps + 2, log.size() - 1, "a row per step and per validation:\n" + String.join("\n", log));
        assertEquals(2, TrainingLog.read(run.resolve("log.csv")).rows().stream().filter(TrainingLog.Row::isValidation)
                .count());
        assertTrue(Files.readString(run.resolve("curves.svg")).startsWith("<svg"));
        System.out.printf(Locale.ROOT, "gpu dry run on CPU: %d steps and 2 validations of the tiny model in %.1f s"
                + " (python start and torch import included)%n", steps, seconds);

        Path stray = run.resolve("epochs/epoch-notes.safetensors");
        Files.writeString(stray, "not an epoch snapshot");
        PythonTorch.Run resumed = python.run(240, "train.py", "--pack", pack.toString(), "--out", run.toString(),
                "--resume", run.resolve("last.safetensors").toString(), "--batch", "4", "--epochs", "3",
                "--validate-every", "0", "--minutes", "3", "--device", "cpu", "--threads", "2",
                "--weights-dtype", "F16", "--packing", "height");
        assertEquals(0, resumed.exitCode(), "train.py --resume failed:\n" + resumed.output());
        JsonNode after = JSON.readTree(run.resolve("summary.json").toFile());
        assertEquals(3, after.get("epoch").asInt(), resumed.output());
        assertTrue(after.get("step").asLong() > steps, "the resumed run counts on from step " + steps);
        assertEquals(after.get("step").asLong() + 2, Files.readAllLines(run.resolve("log.csv")).size() - 1,
                "the resumed run appends to the log");
        assertTrue(Files.size(run.resolve("last.safetensors")) < Files.size(run.resolve("best.safetensors")) * 0.6,
                "float16 weights take about half the bytes");
        assertLoads(run.resolve("last.safetensors"));
        assertLoads(run.resolve("epochs/epoch-003.safetensors"));
        assertTrue(Files.exists(stray), "pruning epochs/ leaves files not named epoch-NNN alone");

        Path late = dir.resolve("late");
        PythonTorch.Run outOfTime = python.run(240, "train.py", "--pack", pack.toString(), "--out", late.toString(),
                "--model-config", config.toString(), "--minutes", "0.1", "--device", "cpu", "--threads", "2");
        assertEquals(0, outOfTime.exitCode(), outOfTime.output());
        assertEquals("time limit", JSON.readTree(late.resolve("summary.json").toFile()).get("stop").asText());
        assertLoads(late.resolve("last.safetensors"));

        // a configuration with a smaller input scale (compact-small-input's kind) trains and validates
        Path halfConfig = Files.writeString(dir.resolve("half.json"), ModelConfig.tiny().withInputScale(0.5).toJson(),
                StandardCharsets.UTF_8);
        Path half = dir.resolve("half");
        PythonTorch.Run halfRun = python.run(240, "train.py", "--pack", pack.toString(), "--out", half.toString(),
                "--model-config", halfConfig.toString(), "--batch", "4", "--epochs", "1", "--validate-every", "1",
                "--max-decode-length", "6", "--minutes", "3", "--device", "cpu", "--threads", "2");
        assertEquals(0, halfRun.exitCode(), "train.py at input scale 0.5 failed:\n" + halfRun.output());
        assertEquals(1, TrainingLog.read(half.resolve("log.csv")).rows().stream().filter(TrainingLog.Row::isValidation)
                .count(), halfRun.output());
        try (ComerModel model = ComerModel.load(half.resolve("best.safetensors"))) {
            assertEquals(0.5, model.config().inputScale());
        }
    }

    private static void assertLoads(Path file) throws IOException, ModelFormatException {
        try (ComerModel model = ComerModel.load(file)) {
            assertEquals(ModelConfig.tiny(), model.config());
            assertEquals(Vocabulary.crohme().size(), model.vocabulary().size());
        }
    }
}
