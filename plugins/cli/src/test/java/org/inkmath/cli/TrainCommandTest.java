package org.inkmath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.inkmath.recognizer.model.ModelConfig;
import org.inkmath.recognizer.train.BatchRules;
import org.inkmath.recognizer.train.Checkpoint;
import org.inkmath.recognizer.train.TrainingLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inkmath train}, in-process, on a few CROHME files copied into a small data folder. */
class TrainCommandTest {

    @TempDir
    Path dir;

    private Path tinyModel() throws IOException {
        return Files.writeString(dir.resolve("tiny.json"), ModelConfig.tiny().toJson());
    }

    @Test
    void trainsStopsAtTheStepLimitAndResumes() throws IOException {
        Path crohme = CrohmeTestData.small(dir);
        Path out = dir.resolve("run");
        CliRun.Result first = CliRun.once("train", "--crohme", crohme.toString(), "--preset", "tiny",
                "--out", out.toString(), "--steps", "3", "--batch-images", "2", "--validate-every", "1",
                "--max-decode-length", "5", "--lr", "0.01");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("stopped at the step limit after 3 steps"), first.out());
        assertTrue(first.out().contains("continue with: inkmath train --resume"), first.out());
        assertTrue(first.err().contains("6 training expressions"), first.err());
        assertTrue(first.err().contains(Runtime.getRuntime().availableProcessors() + " threads"), first.err());
        for (String f : List.of("log.csv", "curves.png", "checkpoint/model.safetensors", "checkpoint/optimizer.bin")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertEquals(3, Checkpoint.readState(out.resolve("checkpoint")).step());
        assertEquals(0.01, Checkpoint.readConfig(out.resolve("checkpoint")).learningRate());

        CliRun.Result second = CliRun.once("train", "--crohme", crohme.toString(), "--resume", out.toString(),
                "--steps", "4");
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.err().contains("resuming at step 3"), second.err());
        assertTrue(second.out().contains("after 4 steps"), second.out());
        List<TrainingLog.Row> rows = TrainingLog.read(out.resolve("log.csv")).rows();
        assertEquals(4, rows.stream().filter(r -> !r.isValidation()).count());
        assertEquals(1, rows.stream().filter(TrainingLog.Row::isValidation).count(), "epoch 1 (3 batches) validated");

        // an operator may change the rate of a resumed run; the saved schedule goes on from it
        CliRun.Result slower = CliRun.once("train", "--crohme", crohme.toString(), "--resume", out.toString(),
                "--steps", "5", "--lr", "0.002");
        assertEquals(0, slower.exitCode(), slower.err());
        assertTrue(slower.err().contains("learning rate 0.002 instead of 0.01"), slower.err());
        List<TrainingLog.Row> after = TrainingLog.read(out.resolve("log.csv")).rows();
        assertEquals(0.002, after.get(after.size() - 1).learningRate(), 1e-12);
        assertEquals(0.002, Checkpoint.readState(out.resolve("checkpoint")).schedule().learningRate(), 1e-12);
        assertEquals(0.01, Checkpoint.readConfig(out.resolve("checkpoint")).learningRate(), "the run's starting rate");
        assertFalse(slower.out().contains("the last epochs' weights"), "one epoch: nothing to average yet");
        assertEquals(BatchRules.Packing.AREA, Checkpoint.readConfig(out.resolve("checkpoint")).batchPacking());

        // and the packing: the run keeps the new one
        CliRun.Result repacked = CliRun.once("train", "--crohme", crohme.toString(), "--resume", out.toString(),
                "--steps", "6", "--packing", "height");
        assertEquals(0, repacked.exitCode(), repacked.err());
        assertEquals(BatchRules.Packing.HEIGHT, Checkpoint.readConfig(out.resolve("checkpoint")).batchPacking());

        CliRun.Result twoEpochs = CliRun.once("train", "--crohme", crohme.toString(), "--resume", out.toString(),
                "--steps", "7");
        assertEquals(0, twoEpochs.exitCode(), twoEpochs.err());
        assertTrue(twoEpochs.out().contains("the last epochs' weights: " + out.resolve("epochs")), twoEpochs.out());
        assertTrue(twoEpochs.out().contains("the last checkpoints' weights: " + out.resolve("snaps")), twoEpochs.out());
        assertTrue(Files.isRegularFile(out.resolve("epochs/epoch-002.safetensors")));

        CliRun.Result again = CliRun.once("train", "--crohme", crohme.toString(), "--model-config",
                tinyModel().toString(), "--out", out.toString(), "--steps", "1");
        assertEquals(3, again.exitCode(), "a new run must not overwrite an old one");
        assertTrue(again.err().contains("already holds a training run"), again.err());
        assertEquals(7, Checkpoint.readState(out.resolve("checkpoint")).step());

        Files.createDirectories(dir.resolve("empty"));
        CliRun.Result noCheckpoint = CliRun.once("train", "--crohme", crohme.toString(), "--resume",
                dir.resolve("empty").toString());
        assertEquals(3, noCheckpoint.exitCode());
        assertTrue(noCheckpoint.err().contains("no checkpoint in"), noCheckpoint.err());
        CliRun.Result badPreset = CliRun.once("train", "--crohme", crohme.toString(), "--preset", "huge");
        assertEquals(3, badPreset.exitCode());
        assertTrue(badPreset.err().contains("unknown model configuration 'huge'"), badPreset.err());
    }

    @Test
    void aConfigurationWithASmallerInputScaleTrains() throws IOException {
        Path crohme = CrohmeTestData.small(dir);
        Path config = Files.writeString(dir.resolve("half.json"), ModelConfig.tiny().withInputScale(0.5).toJson());
        Path out = dir.resolve("half");
        CliRun.Result run = CliRun.once("train", "--crohme", crohme.toString(), "--model-config", config.toString(),
                "--out", out.toString(), "--steps", "4", "--batch-images", "2", "--validate-every", "1",
                "--max-decode-length", "5");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(0.5, Checkpoint.readConfig(out.resolve("checkpoint")).model().inputScale());
        assertEquals(1, TrainingLog.read(out.resolve("log.csv")).rows().stream().filter(TrainingLog.Row::isValidation)
                .count(), "the epoch was validated at the same scale");
    }

    @Test
    void missingDataAndBadOptionsAreNamed() throws IOException {
        CliRun.Result missing = CliRun.once("train", "--crohme", dir.resolve("nowhere").toString());
        assertEquals(3, missing.exitCode());
        assertTrue(missing.err().startsWith("inkmath: CROHME data folder not found"), missing.err());

        Files.createDirectories(dir.resolve("half/train/inkml"));
        CliRun.Result half = CliRun.once("train", "--crohme", dir.resolve("half").toString());
        assertEquals(3, half.exitCode());
        assertTrue(half.err().contains("train/caption.txt is missing"), half.err());

        CliRun.Result seedOnResume = CliRun.once("train", "--resume", dir.toString(), "--seed", "3");
        assertEquals(2, seedOnResume.exitCode());
        assertTrue(seedOnResume.err().contains("--seed cannot be used with --resume"), seedOnResume.err());

        assertEquals(2, CliRun.once("train", "--directions", "up").exitCode());
        assertEquals(2, CliRun.once("train", "--augmentation", "blur").exitCode());
        CliRun.Result badPacking = CliRun.once("train", "--packing", "tight");
        assertEquals(2, badPacking.exitCode());
        assertTrue(badPacking.err().contains("--packing must be area or height, not 'tight'"), badPacking.err());
        assertEquals(2, CliRun.once("train", "--steps", "0").exitCode());
        assertEquals(2, CliRun.once("train", "--lr", "fast").exitCode());

    }

    @Test
    void helpDescribesTheRecipeAndHowToStop() {
        CliRun.Result help = CliRun.once("train", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--resume"));
        assertTrue(help.out().contains("Ctrl-C"));
        assertTrue(help.out().contains("learning rate 0.02"));
    }

    @Test
    void previewDrawsTheAugmentationAndTrainsNothing() throws IOException {
        Path crohme = CrohmeTestData.small(dir);
        Path png = dir.resolve("pictures/preview.png");
        CliRun.Result r = CliRun.once("train", "--crohme", crohme.toString(), "--augmentation", "swap",
                "--preview", png.toString(), "--out", dir.resolve("run").toString());
        assertEquals(0, r.exitCode(), r.err());
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        // a row per expression (6 here, all segmented): as written and 4 draws side by side
        assertTrue(img.getWidth() > 5 * 50 && img.getHeight() > 6 * 40, img.getWidth() + "x" + img.getHeight());
        assertFalse(Files.exists(dir.resolve("run")), "a preview starts no run");
        CliRun.Result resumed = CliRun.once("train", "--crohme", crohme.toString(), "--resume", dir.toString(),
                "--preview", png.toString());
        assertEquals(2, resumed.exitCode());
        assertTrue(resumed.err().contains("--preview cannot be used with --resume"), resumed.err());
    }
}
