package org.inkmath.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.inkmath.eval.report.AttentionView;
import org.inkmath.latex.TokenSequence;
import org.inkmath.recognizer.Recognition;
import org.inkmath.recognizer.Recognizer;
import org.inkmath.recognizer.RecognizerOptions;
import org.inkmath.recognizer.decode.Decoder.Strategy;
import org.inkmath.recognizer.train.Sample;

/**
 * Predictions made by a {@link Recognizer} over {@link ModelInputs}: the source of an evaluation
 * of a model. When the evaluation says which names it will ask for ({@link #expect}), the source
 * starts recognising them on {@code workers} threads, in that order; each answer depends only on
 * its name, so the report is the same whatever the number of workers. An input that cannot be read
 * gets no prediction (it counts as wrong) and is listed in {@link #failures()}.
 *
 * <pre>{@code
 * Recognizer recognizer = Recognizer.load(Path.of("model.safetensors"), options);
 * try (RecognizerSource source = new RecognizerSource(recognizer, "model.safetensors",
 *         new ImageFolderInputs(Path.of("2014/img")), new RecognizerSource.Config(options, 1, 2), 1.4)) {
 *     EvaluationReport report = Evaluation.run(truth, source, EvaluationSettings.defaults(), "inkmath", d -> { });
 * }
 * }</pre>
 *
 * The source owns the recognizer and closes it. Each latency is the wall time from reading the
 * input to the LaTeX, with as many other recognitions running beside it as there are workers.
 */
public final class RecognizerSource implements PredictionSource {

    /**
     * How the model is run.
     *
     * @param options        the decoding settings of every recognition
     * @param workers        expressions recognised at once (1 or more)
     * @param intraOpThreads the tensor library's threads per operation, as set by the caller for
     *                       the process (reported; 0 means its default, one per core)
     */
    public record Config(RecognizerOptions options, int workers, int intraOpThreads) {
        public Config {
            Objects.requireNonNull(options, "options");
            if (workers < 1) {
                throw new IllegalArgumentException("at least one worker is needed: " + workers);
            }
            if (intraOpThreads < 0) {
                throw new IllegalArgumentException("threads must not be negative: " + intraOpThreads);
            }
        }
    }

    /** One name's result: a recognition, or why there is none. */
    private record Outcome(Recognition recognition, long latencyNanos, String failure) {
    }

    private final Recognizer recognizer;
    private final String modelName;
    private final ModelInputs inputs;
    private final Config config;
    private final double loadSeconds;
    private final Map<String, Future<Outcome>> pending = new ConcurrentHashMap<>();
    /** Written by predict (the evaluation's one thread), in the order asked. */
    private final Map<String, String> failures = new LinkedHashMap<>();
    private final Map<String, Recognition.AttentionMaps> attention = new ConcurrentHashMap<>();
    private final Map<String, List<String>> attentionTokens = new ConcurrentHashMap<>();
    private ExecutorService pool;

    /**
     * @param recognizer  the model, owned by the source from now on
     * @param modelName   what the report calls the model ({@link #describe(Path)} of its file)
     * @param inputs      where the pictures come from
     * @param config      decoding settings and parallelism
     * @param loadSeconds the time it took to load the model, for the report's speed figures
     */
    public RecognizerSource(Recognizer recognizer, String modelName, ModelInputs inputs, Config config,
                            double loadSeconds) {
        this.recognizer = Objects.requireNonNull(recognizer, "recognizer");
        this.modelName = Objects.requireNonNull(modelName, "modelName");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.config = Objects.requireNonNull(config, "config");
        this.loadSeconds = loadSeconds;
    }

    /**
     * A model file's name with the start of its SHA-256, so that a report names the very weights
     * it measured: {@code model.safetensors (sha256 3f2a9c01d4e5)}.
     */
    public static String describe(Path modelFile) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(modelFile), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return modelFile.getFileName() + " (sha256 " + HexFormat.of().formatHex(sha.digest()).substring(0, 12) + ")";
    }

    @Override
    public String description() {
        return "model " + modelName;
    }

    @Override
    public Map<String, String> settings() {
        RecognizerOptions o = config.options();
        Map<String, String> s = new LinkedHashMap<>();
        s.put("model", modelName);
        s.put("model status", recognizer.model().status());
        s.put("input", inputs.description());
        s.put("strategy", o.strategy().name().toLowerCase(Locale.ROOT));
        if (o.strategy() != Strategy.GREEDY) {
            s.put("beam", Integer.toString(o.beamSize()));
        }
        s.put("length penalty", Double.toString(o.lengthPenalty()));
        s.put("max length", Integer.toString(o.maxLength()));
        s.put("constrained", Boolean.toString(o.constrained()));
        s.put("workers", Integer.toString(config.workers()));
        s.put("threads per worker", config.intraOpThreads() == 0 ? "default" : Integer.toString(config.intraOpThreads()));
        s.put("output", "LaTeX repaired to validate; validity counts the decoder's own output");
        return s;
    }

    /** Starts recognising the names, in order, on the workers. */
    @Override
    public synchronized void expect(List<String> names) {
        if (pool == null) {
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(config.workers(), r -> {
                Thread t = new Thread(r, "inkmath-eval-" + n.incrementAndGet());
                t.setDaemon(true); // never keeps a failed command's JVM alive
                return t;
            });
        }
        for (String name : names) {
            pending.computeIfAbsent(name, k -> pool.submit(() -> recognize(k)));
        }
    }

    @Override
    public synchronized Optional<Prediction> predict(String name) throws PredictionException {
        Future<Outcome> future = pending.remove(name);
        Outcome outcome;
        try {
            outcome = future == null ? recognize(name) : future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PredictionException(name + ": interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new PredictionException(name + ": recognition failed: " + cause.getMessage(), cause);
        }
        if (outcome.failure() != null) {
            failures.put(name, outcome.failure());
            return Optional.empty();
        }
        Recognition r = outcome.recognition();
        return Optional.of(new Prediction(new TokenSequence(r.tokens()), OptionalDouble.of(r.score()),
                OptionalLong.of(outcome.latencyNanos()), Optional.of(r.valid())));
    }

    /** Reads and recognises one input; an unreadable input is a failure, not an exception. */
    private Outcome recognize(String name) {
        long start = System.nanoTime();
        Sample.Source input;
        try {
            input = inputs.source(name);
        } catch (IOException | RuntimeException e) {
            return new Outcome(null, 0, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        // the recognizer prepares the input for its model as the trainer's validation does
        Recognition r = input instanceof Sample.InkSource ink
                ? recognizer.recognize(ink.ink(), config.options())
                : recognizer.recognize(((Sample.ImageSource) input).image(), config.options());
        long latency = System.nanoTime() - start;
        if (r.attention() != null) {
            attention.put(name, r.attention());
            attentionTokens.put(name, r.tokens());
        }
        return new Outcome(r, latency, null);
    }

    /** The inputs that could not be read, in the order asked, with why. */
    @Override
    public synchronized Map<String, String> failures() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }

    @Override
    public OptionalDouble setupSeconds() {
        return OptionalDouble.of(loadSeconds);
    }

    /**
     * The attention of the recognition of {@code name} over its input, when the options asked for
     * attention; the input is read again (it is not kept).
     */
    public Optional<AttentionView> attention(String name) {
        Recognition.AttentionMaps maps = attention.get(name);
        if (maps == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AttentionView(inputs.read(name), maps, attentionTokens.get(name)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Stops the workers and frees the model. */
    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        recognizer.close();
    }
}
