package org.inkmath.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.inkmath.recognizer.image.RasterStyle;
import org.inkmath.recognizer.model.ModelConfig;
import org.inkmath.recognizer.train.Augmentation;
import org.inkmath.recognizer.train.AugmentationPreview;
import org.inkmath.recognizer.train.BatchRules;
import org.inkmath.recognizer.train.Sample;
import org.inkmath.recognizer.train.SamplePreparer;
import org.inkmath.recognizer.train.Trainer;
import org.inkmath.recognizer.train.TrainingConfig;
import org.inkmath.recognizer.train.TrainingListener;
import org.inkmath.recognizer.train.Validation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code inkmath train}: trains the CoMER-style recognizer on the CROHME training ink, validating
 * on the CROHME 2014 images; a thin shell over {@link Trainer}.
 *
 * <pre>
 * inkmath train --preset compact --max-minutes 60 --out runs/compact
 * inkmath train --resume runs/compact --max-minutes 60
 * </pre>
 */
@Command(name = "train",
        sortOptions = false,
        description = {
            "Trains the recognizer (CoMER-style model) on the CROHME training ink and",
            "validates it on the CROHME 2014 images with greedy decoding. The defaults",
            "are the published recipe on one device: SGD, learning rate 0.02 (the published",
            "0.08 was for 4 GPUs of 8 images each, so a quarter for one device), momentum",
            "0.9, weight decay 1e-4, the rate times 0.25 after 20 epochs without a better validation",
            "expression rate, validation every 2 epochs, at most 8 images and 320,000",
            "padded pixels a batch, both decoding directions, scale augmentation.",
            "Each validation also reads the mean of the snapshots since the previous one.",
            "Writes into --out: log.csv, curves.png, best.safetensors (the best",
            "validated model or mean), epochs/ and snaps/ (the weights after each of the last 5",
            "epochs and the last 24 checkpoints, to average with convert-model) and",
            "checkpoint/ (every --checkpoint-minutes and at the end).",
            "",
        },
        footer = {
            "",
            "Stopping: Ctrl-C (SIGINT) or SIGTERM finishes the current step and saves a",
            "checkpoint; so do --max-minutes and --steps. --resume DIR continues exactly",
            "as an unbroken run would; it keeps the saved configuration (only --epochs,",
            "--steps, --threads, --max-minutes and --checkpoint-minutes may be given).",
            "",
            "Examples:",
            "  inkmath train --preset compact --max-minutes 480 --out runs/compact",
            "  inkmath train --resume runs/compact --max-minutes 480",
            "  inkmath train --init-weights best.safetensors --lr 0.02 --out runs/ft",
            "",
            "Exit codes: 0 done or stopped cleanly; 2 bad usage; 3 missing data or",
            "another error.",
        })
public final class TrainCommand implements Callable<Integer> {

    /** Options that fix the run's configuration, refused with --resume. */
    private static final List<String> CONFIG_OPTIONS = List.of("--preset", "--model-config", "--init-weights", "--clip-norm",
            "--momentum", "--weight-decay", "--plateau-factor", "--plateau-epochs", "--batch-images", "--batch-pixels",
            "--seed", "--preview", "--validate-every", "--validate-subset", "--max-decode-length", "--directions", "--augmentation",
            "--train-subset");

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Mixin
    private CrohmeOption crohme;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder of the run, created if needed (default: train-run; with --resume, that folder).")
    private Path outDir;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run saved in DIR/checkpoint.")
    private Path resume;

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "compact",
            description = "Network size: compact (8 layers a dense block, 4.3 M weights), compact-small-input"
                    + " (compact on images at 3/4 of the size), reference (the published 6.4 M) or tiny (51 k,"
                    + " recognizes nothing: for smoke runs) (default: ${DEFAULT-VALUE}).")
    private String preset;

    @Option(names = "--model-config", paramLabel = "FILE",
            description = "A network configuration as JSON (ModelConfig) instead of --preset.")
    private Path modelConfig;

    @Option(names = "--init-weights", paramLabel = "FILE",
            description = "Start from this model file's weights (and network shape) with a fresh optimiser.")
    private Path initWeights;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs in all (default: 300).")
    private Integer epochs;

    @Option(names = "--steps", paramLabel = "N", description = "Stop after N optimiser steps in all (default: no limit).")
    private Long steps;

    @Option(names = "--max-minutes", paramLabel = "M", defaultValue = "0",
            description = "Stop (and save) after M minutes of this session; 0 for no limit (default: ${DEFAULT-VALUE}).")
    private double maxMinutes;

    @Option(names = "--checkpoint-minutes", paramLabel = "M", defaultValue = "5",
            description = "Save a checkpoint every M minutes (default: ${DEFAULT-VALUE}).")
    private double checkpointMinutes;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "0.02",
            description = "SGD learning rate (default: ${DEFAULT-VALUE}). With --resume: the rate from the next step"
                    + " on, instead of the saved schedule's (which then goes on from it).")
    private double learningRate;

    @Option(names = "--clip-norm", paramLabel = "N", defaultValue = "10",
            description = "Scale gradients down to this global norm when above it; 0 turns clipping off "
                    + "(default: ${DEFAULT-VALUE}; not in the published recipe, a safety net that seldom acts).")
    private double clipNorm;

    @Option(names = "--momentum", paramLabel = "M", defaultValue = "0.9", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
    private double momentum;

    @Option(names = "--weight-decay", paramLabel = "W", defaultValue = "1e-4",
            description = "L2 weight decay (default: ${DEFAULT-VALUE}).")
    private double weightDecay;

    @Option(names = "--plateau-factor", paramLabel = "F", defaultValue = "0.25",
            description = "Learning rate factor on a plateau (default: ${DEFAULT-VALUE}).")
    private double plateauFactor;

    @Option(names = "--plateau-epochs", paramLabel = "N", defaultValue = "20",
            description = "Epochs without a better validation rate before the rate drops (default: ${DEFAULT-VALUE}).")
    private int plateauEpochs;

    @Option(names = "--batch-images", paramLabel = "N", defaultValue = "8",
            description = "Images per batch at most (default: ${DEFAULT-VALUE}).")
    private int batchImages;

    @Option(names = "--batch-pixels", paramLabel = "N", defaultValue = "320000",
            description = "Padded pixels per batch at most (default: ${DEFAULT-VALUE}).")
    private long batchPixels;

    @Option(names = "--packing", paramLabel = "area|height", defaultValue = "area",
            description = "Order in which images fill batches: area (the published recipe) or height (bands of"
                    + " 8 pixels of height, then width: about a quarter fewer padded pixels and batches an epoch)"
                    + " (default: ${DEFAULT-VALUE}). With --resume it changes the run's packing: the rest of the"
                    + " epoch in progress is planned anew, so switch at an epoch's start.")
    private String packing;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of weights, augmentation, batch order and dropout (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--validate-every", paramLabel = "N", defaultValue = "2",
            description = "Validate every N epochs; 0 never (default: ${DEFAULT-VALUE}).")
    private int validateEvery;

    @Option(names = "--validate-subset", paramLabel = "N", defaultValue = "0",
            description = "Validate on the first N CROHME 2014 images only; 0 all 986 (default: ${DEFAULT-VALUE}).")
    private int validateSubset;

    @Option(names = "--max-decode-length", paramLabel = "N", defaultValue = "200",
            description = "Token limit of validation decoding (default: ${DEFAULT-VALUE}).")
    private int maxDecodeLength;

    @Option(names = "--directions", paramLabel = "both|l2r", defaultValue = "both",
            description = "Train on both decoding directions or left-to-right only (default: ${DEFAULT-VALUE}).")
    private String directions;

    @Option(names = "--augmentation", paramLabel = "comer|none|jitter|swap", defaultValue = "comer",
            description = "comer: scale 0.7-1.4; jitter: that plus rotation, shear, stretch and pen width;"
                    + " swap: jitter plus each segmented symbol redrawn by another writer with probability 0.3;"
                    + " none (default: ${DEFAULT-VALUE}).")
    private String augmentation;

    @Option(names = "--preview", paramLabel = "PNG",
            description = "Write a picture of six training expressions as the augmentation draws them"
                    + " in epochs 0-3, and exit without training.")
    private Path preview;

    @Option(names = "--train-subset", paramLabel = "N", defaultValue = "0",
            description = "Train on the first N training expressions only; 0 all (default: ${DEFAULT-VALUE}).")
    private int trainSubset;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Intra-op threads of the tensor library; 0 one per core (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String usage = checkUsage();
        if (usage != null) {
            err.println("inkmath: " + usage);
            return 2;
        }
        Path runDir = outDir != null ? outDir : resume != null ? resume : Path.of("train-run");
        if (!crohme.check(err)) {
            return InkMath.EXIT_ERROR;
        }
        if (resume == null && preview == null && (Files.exists(runDir.resolve("checkpoint")) || Files.exists(runDir.resolve("checkpoint.old")))) {
            err.println("inkmath: " + runDir + " already holds a training run (checkpoint/); continue it with --resume "
                    + runDir + " or give another --out");
            return InkMath.EXIT_ERROR;
        }
        if (resume != null && !Files.isDirectory(resume)) {
            err.println("inkmath: --resume: not a folder: " + resume);
            return InkMath.EXIT_ERROR;
        }
        try {
            return train(runDir, out, err);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            err.println("inkmath: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return InkMath.EXIT_ERROR;
        }
    }

    /** Six segmented expressions spread over the training set (its sources come in turn), as drawn. */
    private int writePreview(TrainingConfig config, List<Sample> train, PrintWriter out) throws IOException {
        List<Sample> segmented = train.stream()
                .filter(x -> x.source() instanceof Sample.InkSource ink && !ink.symbols().isEmpty()).toList();
        List<Sample> shown = new ArrayList<>();
        for (int i = 0; i < 6 && i < segmented.size(); i++) {
            shown.add(segmented.get(i * segmented.size() / 6));
        }
        if (shown.isEmpty()) {
            throw new IllegalArgumentException("--preview: no training expression has per-symbol segmentation");
        }
        double scale = config.model().inputScale();
        SamplePreparer plain = new SamplePreparer(RasterStyle.crohme(), Augmentation.none(), scale);
        SamplePreparer augmented = SamplePreparer.forTraining(RasterStyle.crohme(), config.augmentation(), scale, train);
        AugmentationPreview.write(shown, plain, augmented, config.seed(), 4, preview);
        out.println("preview: " + preview);
        return 0;
    }

    private String checkUsage() {
        if (resume != null) {
            for (String name : CONFIG_OPTIONS) {
                if (spec.commandLine().getParseResult().hasMatchedOption(name)) {
                    return name + " cannot be used with --resume: a resumed run keeps its saved configuration"
                            + " (only --epochs, --steps, --threads, --max-minutes and --checkpoint-minutes may change)";
                }
            }
            if (outDir != null && !outDir.toAbsolutePath().normalize().equals(resume.toAbsolutePath().normalize())) {
                return "--out must be the --resume folder (a resumed run continues in its own folder)";
            }
        }
        if (modelConfig != null && spec.commandLine().getParseResult().hasMatchedOption("--preset")) {
            return "give --preset or --model-config, not both";
        }
        if (!List.of("both", "l2r").contains(directions)) {
            return "--directions must be both or l2r, not '" + directions + "'";
        }
        if (!List.of("comer", "none", "jitter", "swap").contains(augmentation)) {
            return "--augmentation must be comer, none, jitter or swap, not '" + augmentation + "'";
        }
        if (!List.of("area", "height").contains(packing)) {
            return "--packing must be area or height, not '" + packing + "'";
        }
        if (maxMinutes < 0 || checkpointMinutes < 0 || trainSubset < 0 || threads < 0
                || (epochs != null && epochs < 1) || (steps != null && steps < 1)) {
            return "--max-minutes, --checkpoint-minutes, --train-subset and --threads must not be negative;"
                    + " --epochs and --steps must be at least 1";
        }
        return null;
    }

    private TrainingConfig newConfig() throws IOException {
        ModelConfig model;
        if (modelConfig != null) {
            model = ModelConfig.fromJson(Files.readString(modelConfig, StandardCharsets.UTF_8));
        } else {
            model = ModelConfig.named(preset);
        }
        Augmentation aug = switch (augmentation) {
            case "none" -> Augmentation.none();
            case "jitter" -> Augmentation.comerWithInkJitter();
            case "swap" -> Augmentation.comerWithSymbolSwap();
            default -> Augmentation.comer();
        };
        return TrainingConfig.comer(model).withSeed(seed).withOptimizer(learningRate, momentum, weightDecay)
                .withPlateau(plateauFactor, plateauEpochs).withValidation(validateEvery, validateSubset, maxDecodeLength)
                .withBatches(batchImages, batchPixels).withPacking(packing()).withTargets(directions.equals("both")).withAugmentation(aug)
                .withEpochs(epochs == null ? 300 : epochs).withMaxSteps(steps == null ? 0 : steps).withThreads(threads).withClipNorm(clipNorm);
    }

    private int train(Path runDir, PrintWriter out, PrintWriter err) throws IOException {
        TrainingConfig config = resume == null ? newConfig() : null;
        int subset = resume == null ? trainSubset : savedTrainSubset(resume);
        Optional<CrohmeOption.Data> loaded = crohme.load(subset, 0, err);
        if (loaded.isEmpty()) {
            return InkMath.EXIT_ERROR;
        }
        CrohmeOption.Data data = loaded.get();
        err.printf(Locale.ROOT, "inkmath: %d training expressions (%d left out), %d validation images (%d left out)%n",
                data.trainSamples().size(), data.train().skipped().size(), data.validationSamples().size(),
                data.validation().skipped().size());
        if (preview != null) {
            return writePreview(config, data.trainSamples(), out);
        }
        Files.createDirectories(runDir);
        if (resume == null && subset > 0) {
            Files.writeString(runDir.resolve("train-subset.txt"), Integer.toString(subset), StandardCharsets.UTF_8);
        }
        AtomicBoolean stopRequested = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        // SIGINT/SIGTERM: ask the trainer to stop after its current step, and wait while it saves
        Thread hook = new Thread(() -> {
            stopRequested.set(true);
            try {
                finished.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "inkmath-train-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Display display = new Display(err, ProgressBar.onStandardError(ProgressBar.Display.LOG));
        try (Trainer trainer = resume == null
                ? Trainer.start(config, data.trainSamples(), data.validationSamples(), runDir, initWeights)
                : Trainer.resume(resume, data.trainSamples(), data.validationSamples(), this::sessionLimits)) {
            if (resume != null) {
                err.printf(Locale.ROOT, "inkmath: resuming at step %d%n", trainer.step());
                if (learningRateGiven()) {
                    err.println("inkmath: learning rate " + learningRate + " instead of " + trainer.learningRate()
                            + " from now on");
                    trainer.setLearningRate(learningRate);
                }
            }
            err.printf(Locale.ROOT, "inkmath: %,d weights, %d threads, output in %s%n", trainer.model().parameterCount(),
                    trainer.threads(), runDir);
            Trainer.Outcome outcome = trainer.run(new Trainer.Session(maxMinutes, checkpointMinutes), display,
                    stopRequested::get);
            display.close();
            out.printf(Locale.ROOT, "%s after %d steps (%d epochs complete), last loss %.4f, best validation expression rate %.2f%%%n",
                    describe(outcome.stop()), outcome.step(), outcome.epoch(), outcome.lastLoss(), 100 * outcome.bestRate());
            out.printf("checkpoint: %s; log: %s; curves: %s%n", runDir.resolve("checkpoint"),
                    runDir.resolve(Trainer.LOG_FILE), runDir.resolve(Trainer.CURVES_FILE));
            if (outcome.epoch() >= 2) {
                out.printf("the last epochs' weights: %s (averaging the last two often decodes better: "
                        + "inkmath convert-model A B mean.safetensors)%n", runDir.resolve(Trainer.EPOCHS_DIRECTORY));
            }
            out.printf("the last checkpoints' weights: %s (the mean of those since the last change of rate decodes "
                    + "better still: inkmath convert-model A B ... mean.safetensors)%n", runDir.resolve(Trainer.SNAPSHOTS_DIRECTORY));
            if (outcome.stop() != Trainer.Stop.FINISHED) {
                out.println("continue with: inkmath train --resume " + runDir);
            }
            return 0;
        } finally {
            display.close();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting because of a signal; the hook is waiting for this very moment
            }
        }
    }

    /** Whether --lr was given: with --resume it changes the rate from the next step on. */
    private boolean learningRateGiven() {
        return spec.commandLine().getParseResult().hasMatchedOption("--lr");
    }

    private TrainingConfig sessionLimits(TrainingConfig saved) {
        TrainingConfig c = saved;
        if (epochs != null) {
            c = c.withEpochs(epochs);
        }
        if (steps != null) {
            c = c.withMaxSteps(steps);
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--threads")) {
            c = c.withThreads(threads);
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--packing")) {
            c = c.withPacking(packing());
        }
        return c;
    }

    private BatchRules.Packing packing() {
        return BatchRules.Packing.valueOf(packing.toUpperCase(Locale.ROOT));
    }

    /** The training subset of a run is not part of the model's configuration; it is kept beside it. */
    private static int savedTrainSubset(Path runDir) throws IOException {
        Path f = runDir.resolve("train-subset.txt");
        if (!Files.isRegularFile(f)) {
            return 0;
        }
        try {
            return Integer.parseInt(Files.readString(f, StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException e) {
            throw new IOException(f + ": not a number");
        }
    }

    private static String describe(Trainer.Stop stop) {
        return switch (stop) {
            case FINISHED -> "finished";
            case STEP_LIMIT -> "stopped at the step limit";
            case TIME_LIMIT -> "stopped at the time limit";
            case REQUESTED -> "stopped on request";
        };
    }

    /** Progress bars for the epochs and validations, fed by the trainer. */
    private static final class Display implements TrainingListener {
        private final PrintWriter err;
        private final ProgressBar.Display mode;
        private ProgressBar bar;
        /** Planned batches of this epoch shown as done: a planned batch split in two is one step of the bar. */
        private int shownBatches;

        Display(PrintWriter err, ProgressBar.Display mode) {
            this.err = err;
            this.mode = mode;
        }

        @Override
        public void epochStarted(int epoch, int done, int batches) {
            close();
            err.printf(Locale.ROOT, "epoch %d: %d batches%s%n", epoch + 1, batches, done > 0 ? ", from " + done : "");
            bar = new ProgressBar(err, "batches", batches - done, mode);
            shownBatches = done;
        }

        @Override
        public void stepDone(Progress p) {
            if (bar != null) {
                bar.note(p.skipped()
                        ? String.format(Locale.ROOT, "step %d skipped: loss %s, gradient norm %s", p.step(), p.loss(),
                                p.gradientNorm())
                        : String.format(Locale.ROOT, "loss %.4f  |g| %.3g  lr %.3g  %.2f img/s  step %d", p.loss(),
                                p.gradientNorm(), p.learningRate(), p.imagesPerSecond(), p.step()));
                while (shownBatches < p.batch()) {
                    bar.step();
                    shownBatches++;
                }
            }
        }

        @Override
        public void validationStarted(int epoch, int images) {
            close();
            bar = new ProgressBar(err, "validation images", images, mode);
        }

        @Override
        public void validationImageDone() {
            if (bar != null) {
                bar.step();
            }
        }

        @Override
        public void validated(int epoch, Validation.Score score, boolean best) {
            close();
            err.printf(Locale.ROOT, "epoch %d: validation %s%n", epoch, rates(score, best));
        }

        @Override
        public void meanValidationStarted(int epoch, int weights, int images) {
            close();
            bar = new ProgressBar(err, "validation images (mean of " + weights + " snapshots)", images, mode);
        }

        @Override
        public void meanValidated(int epoch, int weights, Validation.Score score, boolean best) {
            close();
            err.printf(Locale.ROOT, "epoch %d: the mean of the %d snapshots since the last validation: %s%n", epoch,
                    weights, rates(score, best));
        }

        private static String rates(Validation.Score score, boolean best) {
            return String.format(Locale.ROOT, "expression rate %.2f%% (within 1 edit %.2f%%, 2 edits %.2f%%)%s",
                    100 * score.expressionRate(), 100 * score.withinOneEdit(), 100 * score.withinTwoEdits(),
                    best ? " (best so far, saved)" : "");
        }

        void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
            err.flush();
        }
    }
}
