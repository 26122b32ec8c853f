package org.inkmath.recognizer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.inkmath.recognizer.model.ComerModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    private static final TrainingListener QUIET = new TrainingListener() { };

    @TempDir
    Path temp;

    private static Trainer.Outcome runFresh(TrainingConfig c, Path out) throws IOException {
        try (Trainer t = Trainer.start(c, TinyRuns.samples(6), TinyRuns.samples(2), out, null)) {
            return t.run(new Trainer.Session(0, 0), QUIET, () -> false);
        }
    }

    private static Map<String, float[]> weights(Path run) throws Exception {
        try (ComerModel m = ComerModel.load(run.resolve("checkpoint/model.safetensors"))) {
            return m.weights();
        }
    }

    private static double[] losses(Path run) throws IOException {
        return TrainingLog.read(run.resolve(Trainer.LOG_FILE)).rows().stream()
                .filter(r -> !r.isValidation()).mapToDouble(TrainingLog.Row::loss).toArray();
    }

    @Test
    void aStoppedAndResumedRunRepeatsAnUnbrokenOne() throws Exception {
        // 6 samples, 2 a batch: 3 steps an epoch; stop after 4 steps (mid-epoch 2), resume to 8.
        // One thread: once, beside other test classes under load, the two-thread runs differed by 2e-4
        // in the loss, which is arithmetic order, not the resume.
        TrainingConfig config = TinyRuns.tinyConfig().withMaxSteps(8).withThreads(1);
        Path unbroken = temp.resolve("unbroken");
        Trainer.Outcome whole = runFresh(config, unbroken);
        assertEquals(Trainer.Stop.STEP_LIMIT, whole.stop());
        assertEquals(8, whole.step());

        Path broken = temp.resolve("broken");
        Trainer.Outcome first = runFresh(config.withMaxSteps(4), broken);
        assertEquals(4, first.step());
        Trainer.Outcome second;
        try (Trainer t = Trainer.resume(broken, TinyRuns.samples(6), TinyRuns.samples(2), c -> c.withMaxSteps(8))) {
            assertEquals(4, t.step());
            second = t.run(new Trainer.Session(0, 0), QUIET, () -> false);
        }
        assertEquals(8, second.step());
        assertEquals(whole.lastLoss(), second.lastLoss(), 1e-6);
        assertArrayEquals(losses(unbroken), losses(broken), 1e-6, "loss trajectory");
        Map<String, float[]> a = weights(unbroken), b = weights(broken);
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name), b.get(name), 1e-6f, name);
        }
        // the log has the validations of epochs 1 and 2 in both runs, at the same places
        assertEquals(TrainingLog.read(unbroken.resolve("log.csv")).rows().stream().filter(TrainingLog.Row::isValidation).count(),
                TrainingLog.read(broken.resolve("log.csv")).rows().stream().filter(TrainingLog.Row::isValidation).count());
    }

    @Test
    void trainingChangesTheWeightsAndWritesLogCurvesAndBestModel() throws Exception {
        Path out = temp.resolve("run");
        TrainingConfig config = TinyRuns.tinyConfig().withEpochs(2);
        Map<String, float[]> initial;
        try (ComerModel m = ComerModel.create(config.model(), org.inkmath.latex.Vocabulary.crohme(), config.seed())) {
            initial = m.weights();
        }
        Trainer.Outcome o = runFresh(config, out);
        assertEquals(Trainer.Stop.FINISHED, o.stop());
        assertEquals(6, o.step());
        assertEquals(2, o.epoch());
        Map<String, float[]> trained = weights(out);
        String some = trained.keySet().iterator().next();
        assertFalse(java.util.Arrays.equals(initial.get(some), trained.get(some)), "weights moved");

        List<String> lines = Files.readAllLines(out.resolve("log.csv"));
        assertEquals(TrainingLog.HEADER, lines.get(0));
        assertEquals(1 + 6 + 2, lines.size(), "a row per step and per validation");
        List<TrainingLog.Row> rows = TrainingLog.read(out.resolve("log.csv")).rows();
        assertTrue(rows.get(0).loss() > 0 && rows.get(0).imagesPerSecond() > 0);
        assertEquals(0.02, rows.get(0).learningRate(), 1e-9);
        // epochs count from 1: steps 1-3 in epoch 1, validated after it; steps 4-6 in epoch 2
        assertEquals(List.of(1, 1, 1, 1, 2, 2, 2, 2), rows.stream().map(TrainingLog.Row::epoch).toList());
        assertEquals(List.of(false, false, false, true, false, false, false, true),
                rows.stream().map(TrainingLog.Row::isValidation).toList());
        assertTrue(rows.stream().allMatch(r -> r.meanScore().isEmpty()), "no checkpoint, so no snapshot to average");
        BufferedImage png = ImageIO.read(out.resolve("curves.png").toFile());
        assertEquals(960, png.getWidth());
        assertEquals(320, png.getHeight());
        assertTrue(Files.isRegularFile(out.resolve("best.safetensors")), "best model kept at the first validation");
        try (ComerModel best = ComerModel.load(out.resolve("best.safetensors"))) {
            assertEquals(config.model(), best.config());
        }
    }

    @Test
    void eachValidationAlsoReadsTheMeanOfTheSnapshotsSinceTheLastAndKeepsTheBetterAsBest() throws Exception {
        Path out = temp.resolve("run");
        List<String> events = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void validated(int epoch, Validation.Score score, boolean best) {
                events.add(epoch + " weights " + best);
            }

            @Override
            public void meanValidated(int epoch, int weights, Validation.Score score, boolean best) {
                events.add(epoch + " mean of " + weights + " " + best);
            }
        };
        try (Trainer t = Trainer.start(TinyRuns.tinyConfig().withEpochs(2), TinyRuns.samples(6), TinyRuns.samples(2), out,
                null)) {
            // a checkpoint, so a snapshot, after every step: 3 steps an epoch
            t.run(new Trainer.Session(0, 1e-9), listener, () -> false);
        }
        // steps 1 and 2 and the weights at the end of epoch 1 (step 3); then steps 4 and 5 and epoch 2's
        assertEquals(4, events.size(), events.toString());
        assertTrue(events.get(1).startsWith("1 mean of 3 ") && events.get(3).startsWith("2 mean of 3 "), events.toString());
        List<TrainingLog.Row> validations = TrainingLog.read(out.resolve(Trainer.LOG_FILE)).rows().stream()
                .filter(TrainingLog.Row::isValidation).toList();
        assertEquals(2, validations.size());
        assertTrue(validations.stream().allMatch(r -> r.meanScore().isPresent()), "the means are logged");

        // best.safetensors holds whichever was last reported best: the epoch's weights or the mean
        String last = events.stream().filter(e -> e.endsWith("true")).reduce((a, b) -> b).orElseThrow();
        int epoch = Integer.parseInt(last.substring(0, 1));
        Path epochFile = out.resolve(Trainer.EPOCHS_DIRECTORY).resolve(String.format("epoch-%03d.safetensors", epoch));
        List<Path> expected = new ArrayList<>();
        if (last.contains("mean")) {
            for (int step = 3 * epoch - 2; step < 3 * epoch; step++) {
                expected.add(out.resolve(Trainer.SNAPSHOTS_DIRECTORY).resolve(String.format("step-%07d.safetensors", step)));
            }
        }
        expected.add(epochFile);
        try (ComerModel best = ComerModel.load(out.resolve(Trainer.BEST_MODEL_FILE));
             ComerModel mean = ComerModel.average(expected)) {
            Map<String, float[]> want = mean.weights();
            best.weights().forEach((name, values) -> assertArrayEquals(want.get(name), values, 0f, name));
        }
    }

    @Test
    void theLastEpochsAreKeptForAveraging() throws Exception {
        Path out = temp.resolve("run");
        int epochs = Trainer.KEPT_EPOCHS + 2;
        runFresh(TinyRuns.tinyConfig().withEpochs(epochs).withValidation(0, 0, 10), out);
        List<String> kept;
        try (Stream<Path> files = Files.list(out.resolve(Trainer.EPOCHS_DIRECTORY))) {
            kept = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        List<String> expected = new ArrayList<>();
        for (int e = 3; e <= epochs; e++) {
            expected.add(String.format("epoch-%03d.safetensors", e));
        }
        assertEquals(expected, kept);
        Map<String, float[]> last;
        try (ComerModel m = ComerModel.load(out.resolve(Trainer.EPOCHS_DIRECTORY).resolve(expected.get(expected.size() - 1)))) {
            last = m.weights();
        }
        Map<String, float[]> finalWeights = weights(out);
        last.forEach((name, values) -> assertArrayEquals(finalWeights.get(name), values, 0f, name));
    }

    @Test
    void eachCheckpointKeepsASnapshotOfTheWeights() throws Exception {
        Path out = temp.resolve("run");
        runFresh(TinyRuns.tinyConfig().withMaxSteps(2), out);
        try (Trainer t = Trainer.resume(out, TinyRuns.samples(6), TinyRuns.samples(2), c -> c.withMaxSteps(3))) {
            t.run(new Trainer.Session(0, 0), QUIET, () -> false);
        }
        List<String> kept;
        try (Stream<Path> files = Files.list(out.resolve(Trainer.SNAPSHOTS_DIRECTORY))) {
            kept = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("step-0000002.safetensors", "step-0000003.safetensors"), kept);
        Map<String, float[]> finalWeights = weights(out);
        try (ComerModel last = ComerModel.load(out.resolve(Trainer.SNAPSHOTS_DIRECTORY).resolve(kept.get(1)));
             ComerModel first = ComerModel.load(out.resolve(Trainer.SNAPSHOTS_DIRECTORY).resolve(kept.get(0)))) {
            last.weights().forEach((name, values) -> assertArrayEquals(finalWeights.get(name), values, 0f, name));
            assertTrue(first.weights().entrySet().stream().anyMatch(w -> !Arrays.equals(w.getValue(), finalWeights.get(w.getKey()))),
                    "the step 2 snapshot holds the weights of step 2, not the final ones");
        }
        assertTrue(Files.isSameFile(out.resolve(Trainer.SNAPSHOTS_DIRECTORY).resolve(kept.get(1)),
                out.resolve("checkpoint/model.safetensors")), "the checkpoint links the last snapshot, not a second copy");
    }

    @Test
    void aSnapshotOlderThanThoseKeptStillMakesItsCheckpoint() throws Exception {
        Path out = temp.resolve("run");
        runFresh(TinyRuns.tinyConfig().withMaxSteps(2), out);
        Path snaps = out.resolve(Trainer.SNAPSHOTS_DIRECTORY);
        for (int i = 0; i < Trainer.KEPT_SNAPSHOTS; i++) { // left by a later run in the same folder
            Files.copy(snaps.resolve("step-0000002.safetensors"), snaps.resolve(String.format("step-%07d.safetensors", 100 + i)));
        }
        try (Trainer t = Trainer.resume(out, TinyRuns.samples(6), TinyRuns.samples(2), c -> c.withMaxSteps(3))) {
            t.run(new Trainer.Session(0, 0), QUIET, () -> false);
        }
        assertEquals(3, Checkpoint.readState(out.resolve("checkpoint")).step());
        assertTrue(Files.isSameFile(snaps.resolve("step-0000003.safetensors"), out.resolve("checkpoint/model.safetensors")));
    }

    @Test
    void checkpointIsCompleteAndSurvivesACrashBetweenRenames() throws Exception {
        Path out = temp.resolve("run");
        runFresh(TinyRuns.tinyConfig().withMaxSteps(2), out);
        Path cp = out.resolve("checkpoint");
        for (String f : List.of("model.safetensors", "optimizer.bin", "state.json", "config.json", "log.csv")) {
            assertTrue(Files.isRegularFile(cp.resolve(f)), f);
        }
        assertFalse(Files.exists(out.resolve("checkpoint.tmp")));
        assertFalse(Files.exists(out.resolve("checkpoint.old")));
        Checkpoint.State state = Checkpoint.readState(cp);
        assertEquals(2, state.step());
        assertEquals(0, state.epoch());
        assertEquals(2, state.position());
        assertEquals(TinyRuns.tinyConfig().withMaxSteps(2), Checkpoint.readConfig(cp));

        // a crash after moving the old checkpoint aside and before the new one is in place,
        // with a half-written temporary folder: the old one is found and resumed
        Files.move(cp, out.resolve("checkpoint.old"));
        Files.createDirectories(out.resolve("checkpoint.tmp"));
        Files.writeString(out.resolve("checkpoint.tmp/state.json"), "{ half");
        assertEquals(out.resolve("checkpoint.old"), Checkpoint.find(out));
        try (Trainer t = Trainer.resume(out, TinyRuns.samples(6), TinyRuns.samples(2), c -> c.withMaxSteps(3))) {
            assertEquals(2, t.step());
            assertEquals(3, t.run(new Trainer.Session(0, 0), QUIET, () -> false).step());
        }
        assertTrue(Files.isRegularFile(out.resolve("checkpoint/state.json")));
        assertFalse(Files.exists(out.resolve("checkpoint.old")));
    }

    @Test
    void aTruncatedOptimiserStateIsRefusedWithItsName() throws Exception {
        Path out = temp.resolve("run");
        runFresh(TinyRuns.tinyConfig().withMaxSteps(1), out);
        Path opt = out.resolve("checkpoint/optimizer.bin");
        byte[] bytes = Files.readAllBytes(opt);
        Files.write(opt, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        IOException e = assertThrows(IOException.class,
                () -> Trainer.resume(out, TinyRuns.samples(6), TinyRuns.samples(2), c -> c));
        assertTrue(e.getMessage().contains("optimizer.bin"), e.getMessage());
        assertThrows(IOException.class, () -> Checkpoint.find(temp.resolve("nothing-here")));
    }

    @Test
    void aStopRequestFinishesTheStepAndSaves() throws Exception {
        Path out = temp.resolve("run");
        AtomicInteger steps = new AtomicInteger();
        TrainingListener counting = new TrainingListener() {
            @Override
            public void stepDone(Progress p) {
                steps.incrementAndGet();
            }
        };
        try (Trainer t = Trainer.start(TinyRuns.tinyConfig(), TinyRuns.samples(6), List.of(), out, null)) {
            Trainer.Outcome o = t.run(new Trainer.Session(0, 0), counting, () -> steps.get() >= 2);
            assertEquals(Trainer.Stop.REQUESTED, o.stop());
            assertEquals(2, o.step());
        }
        assertEquals(2, Checkpoint.readState(Checkpoint.find(out)).step());
    }

    @Test
    void aStopRequestDuringValidationSkipsItAndSavesAtOnce() throws Exception {
        Path out = temp.resolve("run");
        AtomicInteger validated = new AtomicInteger();
        AtomicInteger decoded = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean validating = new java.util.concurrent.atomic.AtomicBoolean();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void validationStarted(int epoch, int images) {
                validating.set(true);
            }

            @Override
            public void validationImageDone() {
                decoded.incrementAndGet();
            }

            @Override
            public void validated(int epoch, Validation.Score score, boolean best) {
                validated.incrementAndGet();
            }
        };
        try (Trainer t = Trainer.start(TinyRuns.tinyConfig(), TinyRuns.samples(4), TinyRuns.samples(4), out, null)) {
            Trainer.Outcome o = t.run(new Trainer.Session(0, 0), listener, validating::get);
            assertEquals(Trainer.Stop.REQUESTED, o.stop());
            assertEquals(1, o.epoch(), "the epoch counts as done");
        }
        assertEquals(0, validated.get());
        assertEquals(0, decoded.get(), "no image decoded after the stop");
        Checkpoint.State state = Checkpoint.readState(Checkpoint.find(out));
        assertEquals(1, state.epoch());
        assertEquals(0, state.position());
        assertTrue(java.nio.file.Files.readString(out.resolve(Trainer.LOG_FILE)).lines()
                .noneMatch(l -> l.split(",", -1).length > 5 && !l.split(",", -1)[5].isEmpty()
                        && !l.startsWith("step")), "no validation row");
    }

    @Test
    void resumingFromAModelFileKeepsItsWeightsWithAFreshOptimiser() throws Exception {
        Path first = temp.resolve("first");
        runFresh(TinyRuns.tinyConfig().withMaxSteps(3), first);
        Path weights = first.resolve("checkpoint/model.safetensors");
        try (Trainer t = Trainer.start(TinyRuns.tinyConfig().withMaxSteps(1), TinyRuns.samples(6), List.of(),
                temp.resolve("second"), weights)) {
            assertEquals(0, t.step());
            Map<String, float[]> loaded = t.model().weights();
            Map<String, float[]> saved = weights(first);
            for (String name : saved.keySet()) {
                assertArrayEquals(saved.get(name), loaded.get(name), name);
            }
            assertNotEquals(0, t.run(new Trainer.Session(0, 0), QUIET, () -> false).step());
        }
    }

    @Test
    void aResumeMayChangeOnlyHowLongItRuns() throws Exception {
        Path out = temp.resolve("run");
        runFresh(TinyRuns.tinyConfig().withMaxSteps(1), out);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.resume(out, TinyRuns.samples(6), List.of(), c -> c.withSeed(99)));
        assertTrue(e.getMessage().contains("only"), e.getMessage());
    }

    @Test
    void aResumeMayRepackItsBatches() throws Exception {
        Path out = temp.resolve("run");
        runFresh(TinyRuns.tinyConfig().withMaxSteps(1), out);
        try (Trainer t = Trainer.resume(out, TinyRuns.samples(6), TinyRuns.samples(2),
                c -> c.withMaxSteps(2).withPacking(BatchRules.Packing.HEIGHT))) {
            assertEquals(2, t.run(new Trainer.Session(0, 0), QUIET, () -> false).step());
        }
        assertEquals(BatchRules.Packing.HEIGHT, Checkpoint.readConfig(Checkpoint.find(out)).batchPacking(),
                "the run keeps the new packing");
    }

    @Test
    void stepsAndValidationsLeaveNothingOnTheModelManager() throws Exception {
        // memory stays flat over a long run only if a step leaves no arrays behind
        java.util.Map<Long, Integer> arraysAtStep = new java.util.HashMap<>();
        try (Trainer t = Trainer.start(TinyRuns.tinyConfig().withEpochs(4), TinyRuns.samples(6), TinyRuns.samples(2),
                temp.resolve("run"), null)) {
            ai.djl.ndarray.BaseNDManager manager = (ai.djl.ndarray.BaseNDManager) t.model().manager();
            t.run(new Trainer.Session(0, 0), new TrainingListener() {
                @Override
                public void stepDone(Progress p) {
                    arraysAtStep.put(p.step(), manager.getManagedArrays().size());
                }
            }, () -> false);
        }
        // steps 2 and 11: after the first step's lazily made gradients, with validations in between
        assertEquals(arraysAtStep.get(2L), arraysAtStep.get(11L), "arrays on the model's manager grew");
        assertEquals(arraysAtStep.get(2L), arraysAtStep.get(12L));
    }

    @Test
    void checkpointsAreWrittenAsOftenAsAsked() throws Exception {
        List<Long> saved = new java.util.ArrayList<>();
        try (Trainer t = Trainer.start(TinyRuns.tinyConfig().withMaxSteps(4), TinyRuns.samples(6), List.of(),
                temp.resolve("run"), null)) {
            // a period shorter than any step: a checkpoint after every step, and one at the end
            t.run(new Trainer.Session(0, 1e-9), new TrainingListener() {
                @Override
                public void checkpointSaved(Path directory, long step) {
                    saved.add(step);
                    assertTrue(Files.isRegularFile(directory.resolve("state.json")));
                }
            }, () -> false);
        }
        assertEquals(List.of(1L, 2L, 3L, 4L), saved);
    }

    @Test
    void aDivergingRunStopsWithAMessageAndKeepsTheWeightsBeforeIt() throws Exception {
        Path out = temp.resolve("run");
        try (Trainer t = Trainer.start(TinyRuns.tinyConfig().withOptimizer(1e6, 0.9, 0).withClipNorm(0).withMaxSteps(40),
                TinyRuns.samples(6), List.of(), out, null)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> t.run(new Trainer.Session(0, 0), QUIET, () -> false));
            assertTrue(e.getMessage().contains("not finite for 5 steps in a row"), e.getMessage());
            assertTrue(e.getMessage().contains("--init-weights"), e.getMessage());
        }
        try (ComerModel saved = ComerModel.load(out.resolve("checkpoint/model.safetensors"))) {
            assertTrue(saved.parameterCount() > 0);
        }
    }
}
