package org.inkmath.recognizer.train;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.inkmath.latex.Vocabulary;
import org.inkmath.recognizer.image.RasterStyle;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.ImageBatch;
import org.inkmath.recognizer.model.ModelFormatException;
import org.inkmath.recognizer.model.TeacherForcing;
import org.inkmath.recognizer.model.TorchEngine;
import org.inkmath.recognizer.model.WeightPrecision;

/**
 * Trains a CoMER-style model by a {@link TrainingConfig}: batches from the {@link DataPipeline}
 * drawn ahead on the {@link BatchLoader}'s worker thread, teacher forcing in both directions,
 * {@link SgdOptimizer}, validation by greedy decoding every few epochs with the learning rate
 * reduced on a plateau ({@link PlateauSchedule}), the best model kept as {@code best.safetensors},
 * the weights at the end of the last few epochs in {@code epochs/} and at the last few checkpoints
 * in {@code snaps/} (to average them with {@code inkmath convert-model}), a CSV log and PNG
 * curves, and a {@link Checkpoint} every few minutes and at the end. Each step's tensors live on
 * a sub-manager closed after the step, so memory stays flat. Dropout is re-seeded from (seed,
 * step) before every step, so a resumed run repeats an unbroken one.
 * Example:
 * <pre>{@code
 * try (Trainer t = Trainer.start(TrainingConfig.comer(ModelConfig.compact()), train, valid, out, null)) {
 *     t.run(new Trainer.Session(60, 5), new TrainingListener() { }, () -> false);
 * }
 * try (Trainer t = Trainer.resume(out, train, valid, c -> c.withEpochs(400))) { ... }
 * }</pre>
 */
public final class Trainer implements AutoCloseable {

    /** Files of a run folder besides the {@link Checkpoint}. */
    public static final String LOG_FILE = "log.csv";
    public static final String CURVES_FILE = "curves.png";
    public static final String BEST_MODEL_FILE = "best.safetensors";
    /** Folder of the weights at the end of each of the last {@link #KEPT_EPOCHS} epochs ({@code epoch-007.safetensors}). */
    public static final String EPOCHS_DIRECTORY = "epochs";
    /** Epoch snapshots kept: enough to average the last few, few enough to stay small (17 MB each for compact). */
    public static final int KEPT_EPOCHS = 5;
    /**
     * Folder of the weights at each of the last {@link #KEPT_SNAPSHOTS} checkpoints ({@code step-0005433.safetensors}):
     * many snapshots minutes apart average better than two an epoch apart (BENCHMARKS.md, issue 10).
     */
    public static final String SNAPSHOTS_DIRECTORY = "snaps";
    /** Checkpoint snapshots kept: two hours at the default 5 minutes, 420 MB for compact. */
    public static final int KEPT_SNAPSHOTS = 24;
    private static final String SNAPSHOT_PREFIX = "step-";
    /** Skipped (non-finite) steps in a row after which the run stops: the weights have diverged. */
    static final int MAX_SKIPPED_IN_A_ROW = 5;

    /**
     * Limits of this session (not saved: a resumed run gets its own).
     *
     * @param maxMinutes         stop (and save) after this many minutes (0: no limit)
     * @param checkpointMinutes  save a checkpoint at least this often (0: only at the end)
     */
    public record Session(double maxMinutes, double checkpointMinutes) {
        public Session {
            if (maxMinutes < 0 || checkpointMinutes < 0) {
                throw new IllegalArgumentException("minutes must not be negative: " + maxMinutes + ", " + checkpointMinutes);
            }
        }
    }

    /** Why {@link #run} returned, and where training stands. */
    public enum Stop { FINISHED, STEP_LIMIT, TIME_LIMIT, REQUESTED }

    public record Outcome(Stop stop, long step, int epoch, double lastLoss, double bestRate) {
    }

    private final TrainingConfig config;
    private final ComerModel model;
    private final SgdOptimizer optimizer;
    private final DataPipeline pipeline;
    private final Validation validation;
    private final Path out;
    private final TrainingLog log;
    private long step;
    private int epoch;
    private int position;
    private PlateauSchedule schedule;
    private int bestEpoch;
    private double trainedSeconds;

    private Trainer(TrainingConfig config, ComerModel model, List<Sample> train, List<Sample> validationSamples,
                    Path out, TrainingLog log, Checkpoint.State state) throws IOException {
        this.config = config;
        this.model = model;
        this.out = out;
        this.log = log;
        this.optimizer = new SgdOptimizer(model, config.momentum(), config.weightDecay());
        double inputScale = model.config().inputScale();
        this.pipeline = new DataPipeline(train, model.vocabulary(),
                SamplePreparer.forTraining(RasterStyle.crohme(), config.augmentation(), inputScale, train),
                config.batchRules(), config.seed(), true);
        List<Sample> valid = config.validationSubset() > 0 && validationSamples.size() > config.validationSubset()
                ? validationSamples.subList(0, config.validationSubset()) : validationSamples;
        this.validation = new Validation(valid, model.vocabulary(), config.batchRules(), inputScale);
        this.step = state.step();
        this.epoch = state.epoch();
        this.position = state.position();
        this.schedule = state.schedule();
        this.bestEpoch = state.bestEpoch();
        this.trainedSeconds = state.trainedSeconds();
        Files.createDirectories(out);
    }

    /**
     * A new run into {@code out}: a fresh model from the configuration's seed, or, when
     * {@code initialWeights} names a model file, its weights (and its network shape) with a fresh
     * optimiser.
     */
    public static Trainer start(TrainingConfig config, List<Sample> train, List<Sample> validation, Path out,
                                Path initialWeights) throws IOException {
        Objects.requireNonNull(config, "config");
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training samples");
        }
        ComerModel model;
        TrainingConfig effective = config;
        if (initialWeights != null) {
            try {
                model = ComerModel.load(initialWeights);
            } catch (ModelFormatException e) {
                throw new IOException(e.getMessage(), e);
            }
            effective = config.withModel(model.config());
        } else {
            model = ComerModel.create(config.model(), Vocabulary.crohme(), config.seed());
        }
        try {
            return new Trainer(effective, model, train, validation, out, new TrainingLog(),
                    new Checkpoint.State(0, 0, 0, PlateauSchedule.start(config.learningRate()), 0, 0));
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Continues the run saved in {@code runDirectory}'s checkpoint (weights, optimiser, schedule,
     * data position, log); {@code limits} may change how long it goes on (epochs, step limit), the
     * thread count and the batch packing (the epoch in progress is then planned anew and continues
     * at its batch position), nothing else.
     */
    public static Trainer resume(Path runDirectory, List<Sample> train, List<Sample> validation,
                                 UnaryOperator<TrainingConfig> limits) throws IOException {
        Path checkpoint = Checkpoint.find(runDirectory);
        Checkpoint.State state = Checkpoint.readState(checkpoint);
        TrainingConfig saved = Checkpoint.readConfig(checkpoint);
        TrainingConfig config = limits.apply(saved);
        if (!config.withEpochs(saved.epochs()).withMaxSteps(saved.maxSteps()).withThreads(saved.threads())
                .withPacking(saved.batchPacking()).equals(saved)) {
            throw new IllegalArgumentException("a resumed run may change only its epochs, step limit, threads and batch packing");
        }
        TrainingLog log = Checkpoint.readLog(checkpoint);
        ComerModel model = Checkpoint.readModel(checkpoint);
        try {
            Trainer trainer = new Trainer(config, model, train, validation, runDirectory, log, state);
            Checkpoint.readOptimizer(checkpoint, trainer.optimizer);
            return trainer;
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    public TrainingConfig config() {
        return config;
    }

    /** Intra-op threads the run uses: the configured count, or one per available core. */
    public int threads() {
        return config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors();
    }

    public ComerModel model() {
        return model;
    }

    public long step() {
        return step;
    }

    public TrainingLog log() {
        return log;
    }

    /**
     * Sets the learning rate from the next step on: an operator's decision on a resumed run (a
     * stalled loss, say). The plateau schedule keeps its best rate and its count and goes on from
     * the new rate; the configuration keeps the run's starting rate.
     */
    public void setLearningRate(double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("the learning rate must be positive: " + rate);
        }
        schedule = new PlateauSchedule(rate, schedule.bestRate(), schedule.badValidations());
    }

    /** The learning rate of the next step. */
    public double learningRate() {
        return schedule.learningRate();
    }

    /**
     * Trains until the configured epochs or steps are done, the session's time is up, or
     * {@code stopRequested} says so (checked between steps: the current step finishes); then
     * saves a checkpoint, the log and the curves.
     */
    public Outcome run(Session session, TrainingListener listener, BooleanSupplier stopRequested) throws IOException {
        // explicit, not PyTorch's guess: on some machines it counts physical cores only
        JniUtils.setNumThreads(threads());
        long sessionStart = System.nanoTime();
        long lastCheckpoint = sessionStart;
        double secondsAtStart = trainedSeconds;
        long imagesThisSession = 0;
        double lastLoss = Double.NaN;
        int skippedInARow = 0;
        Stop stop = Stop.FINISHED;
        outer:
        while (epoch < config.epochs()) {
            List<List<Integer>> plan = pipeline.plan(epoch);
            position = Math.min(position, plan.size()); // a resume with another packing may plan fewer batches
            listener.epochStarted(epoch, position, plan.size());
            ConcurrentLinkedQueue<Boolean> endsPlanned = new ConcurrentLinkedQueue<>();
            try (BatchLoader loader = new BatchLoader(batchesFrom(plan, epoch, position, endsPlanned), 4)) {
                while (loader.hasNext()) {
                    Batch batch = loader.next();
                    boolean planEnd = Boolean.TRUE.equals(endsPlanned.poll());
                    StepResult result = trainStep(batch);
                    lastLoss = result.loss();
                    skippedInARow = result.update().applied() ? 0 : skippedInARow + 1;
                    step++;
                    imagesThisSession += batch.size();
                    if (planEnd) {
                        position++;
                    }
                    long now = System.nanoTime();
                    double sessionSeconds = (now - sessionStart) / 1e9;
                    trainedSeconds = secondsAtStart + sessionSeconds;
                    double rate = imagesThisSession / Math.max(sessionSeconds, 1e-9);
                    log.add(TrainingLog.Row.step(step, epoch + 1, lastLoss, schedule.learningRate(), rate, trainedSeconds));
                    listener.stepDone(new TrainingListener.Progress(step, epoch, position, plan.size(), lastLoss,
                            schedule.learningRate(), rate, result.update().gradientNorm(), !result.update().applied()));
                    if (skippedInARow >= MAX_SKIPPED_IN_A_ROW) {
                        saveAll(listener);
                        // those steps' updates were skipped: the saved weights are those before them
                        throw new IllegalStateException("the loss or its gradients were not finite for "
                                + skippedInARow + " steps in a row (loss " + lastLoss + " at step " + step + ")"
                                + "; the weights before that step are in "
                                + out.resolve(Checkpoint.DIRECTORY).resolve(Checkpoint.MODEL)
                                + ": start again from them with a lower learning rate (--init-weights)");
                    }
                    if (!planEnd) {
                        continue; // a planned batch split in two: stop only after both halves
                    }
                    if (config.maxSteps() > 0 && step >= config.maxSteps()) {
                        stop = Stop.STEP_LIMIT;
                        break outer;
                    }
                    if (session.maxMinutes() > 0 && sessionSeconds >= session.maxMinutes() * 60) {
                        stop = Stop.TIME_LIMIT;
                        break outer;
                    }
                    if (stopRequested.getAsBoolean()) {
                        stop = Stop.REQUESTED;
                        break outer;
                    }
                    if (session.checkpointMinutes() > 0 && (now - lastCheckpoint) / 6e10 >= session.checkpointMinutes()) {
                        saveAll(listener);
                        lastCheckpoint = System.nanoTime();
                    }
                }
            }
            if (!endEpoch(listener, stopRequested)) {
                stop = Stop.REQUESTED;
                break;
            }
        }
        saveAll(listener);
        return new Outcome(stop, step, epoch, lastLoss, Math.max(schedule.bestRate(), log.bestRate()));
    }

    /** The epoch's batches from planned batch {@code from} on; per batch, whether it ends its planned batch. */
    private Iterator<Batch> batchesFrom(List<List<Integer>> plan, int epochNumber, int from,
                                        ConcurrentLinkedQueue<Boolean> endsPlanned) {
        return new Iterator<>() {
            private int next = from;
            private final java.util.ArrayDeque<Batch> ready = new java.util.ArrayDeque<>();

            @Override
            public boolean hasNext() {
                if (ready.isEmpty() && next < plan.size()) {
                    List<Batch> built = pipeline.build(epochNumber, plan.get(next++));
                    for (int i = 0; i < built.size(); i++) {
                        endsPlanned.add(i == built.size() - 1);
                    }
                    ready.addAll(built);
                }
                return !ready.isEmpty();
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }

    /**
     * Ends an epoch: validates when due, the weights as they are and the mean of the weights saved
     * since the last validation (its snapshots and these weights; at a constant learning rate
     * the mean usually reads better than any one of them). Returns false when a stop was asked for
     * during a validation, which is then left out (the run saves and stops at once rather than
     * after minutes of decoding; the next due validation takes place as usual; a stop during the
     * mean's validation keeps the row of the weights' own).
     */
    private boolean endEpoch(TrainingListener listener, BooleanSupplier stopRequested) throws IOException {
        int done = epoch + 1;
        epoch = done;
        position = 0;
        Path epochWeights = saveEpochSnapshot(done);
        if (config.validateEvery() > 0 && done % config.validateEvery() == 0 && validation.size() > 0) {
            listener.validationStarted(done, validation.size());
            Optional<Validation.Score> measured = validation.score(model, config.maxDecodeLength(),
                    listener::validationImageDone, stopRequested);
            if (measured.isEmpty()) {
                return false;
            }
            Validation.Score score = measured.get();
            // the best model is chosen on exact matches with the edit rates breaking ties (for
            // epochs at 0% only they move); the learning rate follows exact matches of the
            // epoch's own weights alone, as the reference schedule did
            boolean best = log.isBest(score);
            if (best) {
                bestEpoch = done;
                saveModel(out.resolve(BEST_MODEL_FILE));
            }
            listener.validated(done, score, best);
            List<Path> window = weightsSinceLastValidation(epochWeights);
            Optional<Validation.Score> mean = Optional.empty();
            if (window.size() > 1) {
                listener.meanValidationStarted(done, window.size(), validation.size());
                try (ComerModel averaged = ComerModel.average(window)) {
                    mean = validation.score(averaged, config.maxDecodeLength(), listener::validationImageDone,
                            stopRequested);
                    if (mean.isPresent()) {
                        boolean meanBest = log.isBest(mean.get()) && mean.get().compareTo(score) > 0;
                        if (meanBest) {
                            bestEpoch = done;
                            saveModel(averaged, out.resolve(BEST_MODEL_FILE));
                        }
                        listener.meanValidated(done, window.size(), mean.get(), meanBest);
                    }
                } catch (ModelFormatException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
            schedule = schedule.afterValidation(score.expressionRate(), config.plateauFactor(),
                    Math.max(1, config.plateauEpochs() / config.validateEvery()));
            log.add(TrainingLog.Row.validation(step, done, score, mean, trainedSeconds));
            writeReports();
            boolean meanLeftOut = window.size() > 1 && mean.isEmpty();
            return !meanLeftOut;
        }
        return true;
    }

    /**
     * The weights saved since the last validation, oldest first: the snapshots kept in
     * {@link #SNAPSHOTS_DIRECTORY} (at most the last {@link #KEPT_SNAPSHOTS}) and, last,
     * {@code current}, the weights now.
     */
    private List<Path> weightsSinceLastValidation(Path current) throws IOException {
        long since = log.lastValidationStep();
        List<Path> window = new ArrayList<>(numbered(out.resolve(SNAPSHOTS_DIRECTORY), SNAPSHOT_PREFIX).stream()
                .filter(f -> numberOf(f, SNAPSHOT_PREFIX) > since && numberOf(f, SNAPSHOT_PREFIX) < step).toList());
        window.add(current);
        return window;
    }

    /**
     * Keeps the weights at the end of epoch {@code done}, dropping snapshots beyond the last
     * {@link #KEPT_EPOCHS}; returns the file.
     */
    private Path saveEpochSnapshot(int done) throws IOException {
        return saveNumbered(EPOCHS_DIRECTORY, "epoch-%03d", done, KEPT_EPOCHS);
    }

    /**
     * Saves the weights as {@code folder/name(number).safetensors}, drops all but the {@code kept} highest numbers
     * and returns the file saved.
     */
    private Path saveNumbered(String folderName, String name, long number, int kept) throws IOException {
        Path folder = Files.createDirectories(out.resolve(folderName));
        String prefix = name.substring(0, name.indexOf('%'));
        Path saved = folder.resolve(String.format(Locale.ROOT, name, number) + ".safetensors");
        saveModel(saved);
        List<Path> numbered = numbered(folder, prefix);
        for (Path old : numbered.subList(0, Math.max(0, numbered.size() - kept))) {
            if (!old.equals(saved)) { // a resumed run may find higher numbers than its own
                Files.delete(old);
            }
        }
        return saved;
    }

    /** The weights in float32, written beside {@code target} first so a crash never leaves half a file. */
    private void saveModel(Path target) throws IOException {
        saveModel(model, target);
    }

    private static void saveModel(ComerModel weights, Path target) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        weights.save(temp, WeightPrecision.FLOAT32);
        AtomicFiles.replace(temp, target);
    }

    /** The files {@code folder/prefix(number).safetensors}, by number; none when the folder does not exist. */
    private static List<Path> numbered(Path folder, String prefix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches(Pattern.quote(prefix) + "\\d+\\.safetensors"))
                    .sorted(Comparator.comparingLong(f -> numberOf(f, prefix))).toList();
        }
    }

    private static long numberOf(Path snapshot, String prefix) {
        String name = snapshot.getFileName().toString();
        return Long.parseLong(name.substring(prefix.length(), name.indexOf('.')));
    }

    private void saveAll(TrainingListener listener) throws IOException {
        Path weights = saveNumbered(SNAPSHOTS_DIRECTORY, SNAPSHOT_PREFIX + "%07d", step, KEPT_SNAPSHOTS);
        Checkpoint.write(out, weights, optimizer,
                new Checkpoint.State(step, epoch, position, schedule, bestEpoch, trainedSeconds), config, log);
        writeReports();
        listener.checkpointSaved(out.resolve(Checkpoint.DIRECTORY), step);
    }

    private void writeReports() throws IOException {
        log.write(out.resolve(LOG_FILE));
        TrainingCurves.write(log.rows(), out.resolve(CURVES_FILE));
    }

    /** A step's loss and what the optimiser did with its gradients. */
    private record StepResult(float loss, SgdOptimizer.Update update) {
    }

    /** Forward in training mode, masked cross-entropy, backward, SGD (skipped when the loss is not finite). */
    private StepResult trainStep(Batch batch) {
        ImageBatch images = imagesOf(batch);
        int[][] captions = captionsOf(batch);
        TeacherForcing tf = config.bidirectional() ? TeacherForcing.bidirectional(captions)
                : TeacherForcing.leftToRight(captions);
        // dropout draws from the engine's generator: seeding it per step makes a resumed run repeat
        TorchEngine.seed(config.seed() * 1_000_003L + step);
        try (NDManager m = model.manager().newSubManager()) {
            float loss = tf.backward(model, m, images);
            // a NaN loss has NaN gradients: update() then only clears them
            return new StepResult(loss, optimizer.update(schedule.learningRate(), config.clipNorm()));
        }
    }

    static ImageBatch imagesOf(Batch batch) {
        float[] px = new float[(int) batch.paddedPixels()];
        batch.pixels().get(px);
        return new ImageBatch(batch.size(), batch.height(), batch.width(), px, batch.mask());
    }

    static int[][] captionsOf(Batch batch) {
        int[] flat = new int[batch.size() * batch.maxTokens()];
        batch.tokens().get(flat);
        int[][] out = new int[batch.size()][];
        for (int i = 0; i < batch.size(); i++) {
            out[i] = Arrays.copyOfRange(flat, i * batch.maxTokens(), i * batch.maxTokens() + batch.tokenCount(i));
        }
        return out;
    }

    @Override
    public void close() {
        model.close();
    }
}
