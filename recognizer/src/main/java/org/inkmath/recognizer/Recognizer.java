package org.inkmath.recognizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.Vocabulary;
import org.inkmath.latex.automaton.PrefixAutomaton;
import org.inkmath.latex.automaton.Repair;
import org.inkmath.latex.automaton.RepairResult;
import org.inkmath.recognizer.decode.Decoder;
import org.inkmath.recognizer.decode.Hypothesis;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.ink.Ink;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.EncodedImages;
import org.inkmath.recognizer.model.ImageBatch;
import org.inkmath.recognizer.model.ModelFormatException;

/**
 * Handwritten mathematics to LaTeX: the library's entry point. Loads a model once; then
 * {@code recognize} takes ink, a picture or a file and returns the formula with its alternatives,
 * confidence and timings. Every result's LaTeX validates (the grammar of latex-grammar): output
 * that does not is repaired with the fewest edits, and the result says so. Thread-safe: calls from
 * many threads run concurrently and give the same answers as one after the other. Close it to
 * free the model's memory. Example:
 * <pre>{@code
 * try (Recognizer recognizer = Recognizer.loadDefault()) {
 *     Recognition r = recognizer.recognize(Path.of("formula.inkml"));
 *     System.out.println(r.latex());                       // \frac { d y } { d x }
 *     r.alternatives().forEach(a -> System.out.println(a.latex() + "  " + a.score()));
 * }
 * }</pre>
 */
public final class Recognizer implements AutoCloseable {

    /** Where the default model lives on the classpath, with its description beside it. */
    public static final String DEFAULT_MODEL = "/org/inkmath/recognizer/default-model.safetensors";
    static final String DEFAULT_MODEL_INFO = "/org/inkmath/recognizer/default-model.json";

    private final ComerModel model;
    private final ModelInfo info;
    private final RecognizerOptions options;
    private final Decoder decoder;
    private final PrefixAutomaton validator;
    private final Repair repair;
    /** Calls hold the read lock, close() the write lock: the model is never freed under a call. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private Recognizer(ComerModel model, ModelInfo info, RecognizerOptions options) {
        this.model = model;
        this.info = info;
        this.options = options;
        this.decoder = new Decoder(model);
        this.validator = new PrefixAutomaton(PrefixAutomaton.Mode.LATEX, model.vocabulary());
        this.repair = new Repair(validator);
    }

    /** Whether this build carries a default model on its classpath. */
    public static boolean hasDefaultModel() {
        return Recognizer.class.getResource(DEFAULT_MODEL) != null;
    }

    /** The default model with the default options. */
    public static Recognizer loadDefault() throws IOException {
        return loadDefault(RecognizerOptions.defaults());
    }

    /**
     * The default model shipped in this jar. Check {@link #model()}: until the trained model is
     * released it is marked preliminary.
     *
     * @throws IOException if this build has no default model or it cannot be read
     */
    public static Recognizer loadDefault(RecognizerOptions options) throws IOException {
        ModelInfo info = defaultModelInfo();
        Path temp = Files.createTempFile("inkmath-default-model", ".safetensors");
        try (InputStream in = Recognizer.class.getResourceAsStream(DEFAULT_MODEL)) {
            if (in == null) {
                throw new IOException("this build has no default model (" + DEFAULT_MODEL
                        + " is not on the classpath); load a model file instead");
            }
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            return new Recognizer(ComerModel.load(temp), info, options);
        } catch (ModelFormatException e) {
            throw new IOException("the default model is damaged: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The default model's description, without loading its weights. */
    public static ModelInfo defaultModelInfo() throws IOException {
        try (InputStream in = Recognizer.class.getResourceAsStream(DEFAULT_MODEL_INFO)) {
            if (in == null) {
                throw new IOException("this build has no default model (" + DEFAULT_MODEL_INFO + " is missing)");
            }
            JsonNode json = new ObjectMapper().readTree(in);
            return new ModelInfo(json.path("name").asText(), json.path("status").asText(),
                    json.path("description").asText());
        }
    }

    /** A model file (see MODEL-FORMAT.md) with the default options. */
    public static Recognizer load(Path modelFile) throws IOException, ModelFormatException {
        return load(modelFile, RecognizerOptions.defaults());
    }

    /** A model file (see MODEL-FORMAT.md), described as a model of the user's own. */
    public static Recognizer load(Path modelFile, RecognizerOptions options) throws IOException, ModelFormatException {
        ModelInfo info = new ModelInfo(modelFile.getFileName().toString(), "user", "loaded from " + modelFile);
        return new Recognizer(ComerModel.load(modelFile), info, options);
    }

    /** A recognizer over a model already in memory; it takes ownership (closing it closes the model). */
    public static Recognizer of(ComerModel model, ModelInfo info, RecognizerOptions options) {
        return new Recognizer(model, info, options);
    }

    /** The options used when a call gives none. */
    public RecognizerOptions options() {
        return options;
    }

    /** What the model is; results of a model that is not released deserve a warning. */
    public ModelInfo model() {
        return info;
    }

    /** The model's vocabulary: every token the recognizer can output. */
    public Vocabulary vocabulary() {
        return model.vocabulary();
    }

    public Recognition recognize(Ink ink) {
        return recognize(ink, options);
    }

    public Recognition recognize(Ink ink, RecognizerOptions opts) {
        long start = System.nanoTime();
        return run(ModelInput.of(ink, inputScale()), opts, start);
    }

    /**
     * Reads a picture, ink 255 on 0 as {@link ModelInput#of(Ink)} makes it; it is resized for the
     * model's input scale and into its size range ({@link ModelInput#atScale}).
     */
    public Recognition recognize(GrayImage modelInput) {
        return recognize(modelInput, options);
    }

    public Recognition recognize(GrayImage modelInput, RecognizerOptions opts) {
        long start = System.nanoTime();
        return run(ModelInput.atScale(modelInput, inputScale()), opts, start);
    }

    /** Reads an InkML, JSON-strokes or image file (see {@link ModelInput}). */
    public Recognition recognize(Path file) throws IOException, ModelInput.InputFormatException {
        return recognize(file, options);
    }

    public Recognition recognize(Path file, RecognizerOptions opts) throws IOException, ModelInput.InputFormatException {
        long start = System.nanoTime();
        return run(ModelInput.read(file, inputScale()), opts, start);
    }

    private double inputScale() {
        return model.config().inputScale();
    }

    /** Recognises a picture already prepared for the model (its input scale applied). */
    private Recognition run(GrayImage input, RecognizerOptions opts, long start) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the recognizer is closed");
            }
            long prepared = System.nanoTime();
            List<Hypothesis> hypotheses;
            long encoded;
            int[] grid;
            try (EncodedImages e = model.encode(ImageBatch.of(List.of(input)))) {
                encoded = System.nanoTime();
                grid = e.featureSize();
                hypotheses = decoder.decode(e, opts.strategy(), opts.beamSettings(), opts.constrained(), opts.attention());
            }
            long decoded = System.nanoTime();
            return result(hypotheses, opts, input, grid, start, prepared, encoded, decoded);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private Recognition result(List<Hypothesis> hypotheses, RecognizerOptions opts, GrayImage input, int[] grid,
                               long start, long prepared, long encoded, long decoded) {
        Vocabulary vocabulary = model.vocabulary();
        List<Recognition.Alternative> alternatives = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        TokenSequence bestTokens = null;
        boolean bestValid = false;
        boolean bestRepaired = false;
        for (Hypothesis h : hypotheses) {
            if (alternatives.size() == opts.alternatives()) {
                break;
            }
            TokenSequence decodedTokens = vocabulary.decode(h.tokens());
            boolean valid = validator.accepts(h.tokens());
            TokenSequence out = decodedTokens;
            if (!valid) {
                RepairResult fixed = repair.repair(decodedTokens);
                out = fixed.repaired();
            }
            String latex = String.join(" ", out.tokens());
            if (seen.contains(latex)) {
                continue; // two hypotheses repaired to the same formula
            }
            seen.add(latex);
            alternatives.add(new Recognition.Alternative(latex, h.score(), !valid));
            if (bestTokens == null) {
                bestTokens = out;
                bestValid = valid;
                bestRepaired = !valid;
            }
        }
        Hypothesis best = hypotheses.get(0);
        float[] logProbs = best.tokenLogProbabilities();
        List<Double> tokenConfidence = new ArrayList<>(logProbs.length);
        for (float lp : logProbs) {
            tokenConfidence.add(Math.exp(lp));
        }
        int steps = logProbs.length + (best.finished() ? 1 : 0);
        double confidence = steps == 0 ? 1 : Math.exp(best.logProbability() / steps);
        Recognition.AttentionMaps maps = best.attention() == null ? null
                : new Recognition.AttentionMaps(grid[0], grid[1], input.width(), input.height(),
                        List.of(best.attention()));
        long end = System.nanoTime();
        Recognition.Timings timings = new Recognition.Timings(ms(start, prepared), ms(prepared, encoded),
                ms(encoded, decoded), ms(decoded, end), ms(start, end));
        return new Recognition(String.join(" ", bestTokens.tokens()), bestTokens.tokens(), best.score(), confidence,
                tokenConfidence, bestValid, bestRepaired, alternatives, maps, timings);
    }

    private static double ms(long from, long to) {
        return (to - from) / 1e6;
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                model.close();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
