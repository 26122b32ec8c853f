package org.inkmath.recognizer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.inkmath.latex.Vocabulary;

/**
 * A CoMER-style network with its configuration and vocabulary, owning the tensors of its
 * weights (close it). The public methods take and return plain Java arrays; trainers in this
 * module reach the DJL block through {@link #network()} and {@link #manager()}. Example:
 * <pre>{@code
 * try (ComerModel model = ComerModel.create(ModelConfig.compact(), Vocabulary.crohme(), 7)) {
 *     float[][][] logProbs = model.logProbabilities(ImageBatch.of(images), targets);
 *     model.save(Path.of("model.safetensors"), WeightPrecision.FLOAT16);
 * }
 * }</pre>
 */
public final class ComerModel implements AutoCloseable {

    /** The largest image side the model accepts (16 times the reference's training height limit). */
    public static final int MAX_SIDE = 4096;

    private final NDManager manager;
    private final ComerNetwork network;
    private final ModelConfig config;
    private final Vocabulary vocabulary;

    private ComerModel(ModelConfig config, Vocabulary vocabulary) {
        this.config = Objects.requireNonNull(config, "config");
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.manager = TorchEngine.newManager();
        this.network = new ComerNetwork(config, vocabulary.size());
        network.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 16, 16), new Shape(1, 16, 16), new Shape(1, 1));
    }

    /** A freshly initialised model; the seed fixes the initial weights. */
    public static ComerModel create(ModelConfig config, Vocabulary vocabulary, long seed) {
        TorchEngine.seed(seed);
        return new ComerModel(config, vocabulary);
    }

    /** Reads a model file written by {@link #save} (see MODEL-FORMAT.md). */
    public static ComerModel load(Path file) throws IOException, ModelFormatException {
        ModelFile.Contents contents = ModelFile.read(file);
        ComerModel model = new ComerModel(contents.config(), contents.vocabulary());
        try {
            ModelFile.copyInto(contents, model.referenceParameters(), file);
        } catch (ModelFormatException | RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

    /**
     * The mean of several model files' weights, running statistics included (checkpoint
     * averaging: snapshots of one run a few epochs apart usually decode better together than
     * alone). All files must have the same configuration and vocabulary.
     */
    public static ComerModel average(List<Path> files) throws IOException, ModelFormatException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no model files to average");
        }
        ComerModel model = load(files.get(0));
        try {
            Map<String, Parameter> parameters = model.referenceParameters();
            Map<String, float[]> sums = model.weights();
            for (Path file : files.subList(1, files.size())) {
                ModelFile.Contents other = ModelFile.read(file);
                if (!other.config().equals(model.config)) {
                    throw new ModelFormatException(file + ": its configuration differs from " + files.get(0)
                            + "'s, so their weights cannot be averaged");
                }
                if (!other.vocabulary().tokens().equals(model.vocabulary.tokens())) {
                    throw new ModelFormatException(file + ": its vocabulary differs from " + files.get(0) + "'s");
                }
                ModelFile.checkTensors(other, parameters, file);
                sums.forEach((name, sum) -> {
                    float[] values = other.tensors().get(name).values();
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += values[i];
                    }
                });
            }
            float n = files.size();
            sums.forEach((name, sum) -> {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] /= n;
                }
                TorchEngine.overwrite(parameters.get(name).getArray(), sum);
            });
            return model;
        } catch (IOException | ModelFormatException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Writes weights, configuration and vocabulary to one safetensors file. */
    public void save(Path file, WeightPrecision precision) throws IOException {
        save(file, precision, config.inputScale());
    }

    /**
     * As {@link #save(Path, WeightPrecision)}, recording another input scale: the weights do not
     * depend on it (the encoder is convolutional), only the size the recognizer draws inputs at.
     */
    public void save(Path file, WeightPrecision precision, double inputScale) throws IOException {
        ModelFile.write(file, config.withInputScale(inputScale), vocabulary, referenceParameters(), precision);
    }

    public ModelConfig config() {
        return config;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The network block, for trainers and decoders in this module. */
    public ComerNetwork network() {
        return network;
    }

    /** The manager owning the weights; per-step work belongs on its sub-managers. */
    public NDManager manager() {
        return manager;
    }

    /** The parameters by reference name (PyTorch state_dict order), running statistics included. */
    Map<String, Parameter> referenceParameters() {
        return network.referenceParameters();
    }

    /** The parameter values by reference name, as flat float arrays (copies). */
    public Map<String, float[]> weights() {
        Map<String, float[]> out = new java.util.LinkedHashMap<>();
        referenceParameters().forEach((name, p) -> out.put(name, p.getArray().toFloatArray()));
        return out;
    }

    public long parameterCount() {
        return network.parameterCount();
    }

    /**
     * Teacher-forced log-probabilities in inference mode: {@code result[r][i]} is the distribution
     * [vocabulary] of the token after {@code targets[r][0..i]}. {@code targets} are the decoder's
     * inputs per row (starting with {@code <sos>} or {@code <eos>}); rows may differ in length
     * (shorter ones are padded with {@code <pad>}, which no position attends to, so each row gets
     * what it would get alone). Row r reads image r mod images.size() (rows a multiple of it).
     */
    public float[][][] logProbabilities(ImageBatch images, int[][] targets) {
        try (EncodedImages encoded = encode(images)) {
            return logProbabilities(encoded, targets);
        }
    }

    /**
     * Rows times target length times feature cells that one teacher-forced pass may hold: the
     * coverage of the refinement module keeps {@code dc} floats per such unit, so 20 long
     * hypotheses over a wide image (20 x 200 x 800) would take gigabytes at once; larger
     * requests run in chunks of rows.
     */
    static final long MAX_ROW_STEP_CELLS = 250_000;

    /** As {@link #logProbabilities(ImageBatch, int[][])}, on images encoded before. */
    public float[][][] logProbabilities(EncodedImages images, int[][] targets) {
        return logProbabilities(images, targets, MAX_ROW_STEP_CELLS);
    }

    /** As above, in chunks of rows that hold at most {@code maxRowStepCells} (see {@link #MAX_ROW_STEP_CELLS}). */
    float[][][] logProbabilities(EncodedImages images, int[][] targets, long maxRowStepCells) {
        JniUtils.setGradMode(false);
        int n = targets.length;
        int b = images.size();
        if (n == 0 || n % b != 0) {
            throw new IllegalArgumentException(n + " target rows are not a positive multiple of " + b + " images");
        }
        int t = 0;
        for (int[] row : targets) {
            if (row.length == 0) {
                throw new IllegalArgumentException("a target row needs at least its start token");
            }
            t = Math.max(t, row.length);
        }
        for (int[] row : targets) {
            checkTokens(row, vocabulary.size());
        }
        int[] grid = images.featureSize();
        long perRow = (long) t * grid[0] * grid[1];
        // whole groups of b rows, so that row r of every chunk still reads image r mod b
        int chunk = (int) Math.max(b, Math.min(n, maxRowStepCells / Math.max(1, perRow)) / b * b);
        float[][][] out = new float[n][][];
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            logProbabilities(images, Arrays.copyOfRange(targets, from, to), t, out, from);
        }
        return out;
    }

    /** The rows of {@code targets}, padded to length {@code t}, into {@code out} from row {@code offset}. */
    private void logProbabilities(EncodedImages images, int[][] targets, int t, float[][][] out, int offset) {
        int n = targets.length;
        int[] flatTargets = new int[n * t]; // zeros are <pad>
        for (int r = 0; r < n; r++) {
            System.arraycopy(targets[r], 0, flatTargets, r * t, targets[r].length);
        }
        try (NDManager step = manager.newSubManager()) {
            NDArray ids = step.create(flatTargets, new Shape(n, t)).toType(DataType.INT64, false);
            NDArray logProbs = network.decoder.logits(new ParameterStore(step, false), images.features(step),
                    images.padding(step), ids, false).logSoftmax(-1);
            float[] flat = logProbs.toFloatArray();
            int v = vocabulary.size();
            for (int r = 0; r < n; r++) {
                out[offset + r] = new float[targets[r].length][v];
                for (int i = 0; i < targets[r].length; i++) {
                    System.arraycopy(flat, (r * t + i) * v, out[offset + r][i], 0, v);
                }
            }
        }
    }

    /** Runs the encoder on the images (inference mode); the result is shared by decoders. */
    public EncodedImages encode(ImageBatch images) {
        JniUtils.setGradMode(false);
        NDManager own = manager.newSubManager();
        try (NDManager step = manager.newSubManager()) {
            NDList in = inputs(step, images);
            NDList encoded = network.encoder.encode(new ParameterStore(step, false), in.get(0), in.get(1), false);
            // Copies, not the arrays themselves: the mask is a strided view of the input padding,
            // whose memory (a Java buffer) goes with the step manager. Reading it afterwards read
            // freed memory and made results depend on what ran before.
            NDArray features = encoded.get(0).duplicate();
            NDArray padding = encoded.get(1).duplicate();
            features.attach(own);
            padding.attach(own);
            return new EncodedImages(own, features, padding, images.size());
        } catch (RuntimeException e) {
            own.close();
            throw e;
        }
    }

    /** Encodes the images and starts decoding rows that read image {@code imageOfRow[r]}. */
    public StepDecoder startDecoding(ImageBatch images, int[] imageOfRow) {
        try (EncodedImages encoded = encode(images)) {
            return startDecoding(encoded, imageOfRow);
        }
    }

    /** Starts decoding rows that read image {@code imageOfRow[r]} of images encoded before. */
    public StepDecoder startDecoding(EncodedImages images, int[] imageOfRow) {
        JniUtils.setGradMode(false);
        for (int r : imageOfRow) {
            if (r < 0 || r >= images.size()) {
                throw new IllegalArgumentException("no image " + r + " among " + images.size());
            }
        }
        return new StepDecoder(manager, network, images, imageOfRow);
    }

    /** Every id must name a token: an id beyond the vocabulary would embed as zeros, silently. */
    static void checkTokens(int[] ids, int vocabularySize) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= vocabularySize) {
                throw new IllegalArgumentException("token id " + ids[i] + " at " + i + " is outside the vocabulary of "
                        + vocabularySize);
            }
        }
    }

    /** Images [b, 1, H, W] and padding [b, H, W] on {@code m}: the network's first two inputs. */
    public static NDList inputs(NDManager m, ImageBatch images) {
        if (images.height() > MAX_SIDE || images.width() > MAX_SIDE) {
            throw new IllegalArgumentException("images of " + images.width() + " x " + images.height()
                    + " pixels exceed the model's limit of " + MAX_SIDE + " a side; scale them first");
        }
        Shape shape = new Shape(images.size(), images.height(), images.width());
        NDArray pixels = m.create(images.pixels(), shape).expandDims(1);
        NDArray padding = m.create(images.padding(), shape);
        return new NDList(pixels, padding);
    }

    @Override
    public void close() {
        manager.close();
    }
}
