package org.inkmath.recognizer.model;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures a model's BatchNorm running statistics anew, as the plain mean of each norm's batch
 * statistics over training batches run forward in training mode (no gradients), and writes them
 * into the model. Why: a mean of snapshots (checkpoint averaging) carries the mean of their
 * running statistics, each a short moving average of its own network's batches, which describe
 * the averaged network only roughly; stochastic weight averaging measures them again for the same
 * reason. Between the first {@link #add} and {@link #apply} the model's running statistics are
 * scratch values: do not decode with it then. Example:
 * <pre>{@code
 * NormStatistics norms = new NormStatistics(model);
 * for (... each training batch ...) {
 *     norms.add(images, TeacherForcing.bidirectional(captions), seed++);
 * }
 * norms.apply();
 * }</pre>
 */
public final class NormStatistics {

    private final ComerModel model;
    private final Map<String, Parameter> running = new LinkedHashMap<>();
    private final Map<String, double[]> sums = new LinkedHashMap<>();
    private final Map<String, Double> weights = new LinkedHashMap<>();
    private int batches;

    public NormStatistics(ComerModel model) {
        this.model = model;
        model.referenceParameters().forEach((name, p) -> {
            if (p.getType() == Parameter.Type.RUNNING_MEAN || p.getType() == Parameter.Type.RUNNING_VAR) {
                running.put(name, p);
                sums.put(name, new double[Math.toIntExact(p.getArray().size())]);
            }
        });
    }

    /** The number of running statistics (means and variances) measured; 0 for a network without BatchNorm. */
    public int statistics() {
        return running.size();
    }

    /** The batches measured so far. */
    public int batches() {
        return batches;
    }

    /**
     * Runs one batch forward in training mode, its dropout seeded with {@code seed}, and adds each
     * norm's batch statistics to the sums. The running statistics are zeroed first; after the pass
     * each holds its batch statistics times a weight: 1 - momentum, or, for a norm applied several
     * times in one pass (the attention refinement shared by the decoder layers), a weighted sum of
     * its applications with weights adding up to 1 - momentum^applications, as in training.
     * The first call measures those weights with one extra pass from running values of 1: training
     * mode normalises with batch statistics, so the two passes differ only by the decay of the old
     * value.
     */
    public void add(ImageBatch images, TeacherForcing rows, long seed) {
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDManager m = model.manager().newSubManager()) {
            Map<String, float[]> fromOne = weights.isEmpty() ? pass(images, rows, seed, 1f, m) : Map.of();
            Map<String, float[]> fromZero = pass(images, rows, seed, 0f, m);
            fromOne.forEach((name, one) -> {
                double decay = one[0] - fromZero.get(name)[0];
                if (!(decay >= 0 && decay < 1 - 1e-6)) {
                    throw new IllegalStateException(name + " did not move in a training pass (decay " + decay + ")");
                }
                weights.put(name, 1 - decay);
            });
            fromZero.forEach((name, values) -> {
                double[] sum = sums.get(name);
                double weight = weights.get(name);
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += values[i] / weight;
                }
            });
        } finally {
            JniUtils.setGradMode(gradMode);
        }
        batches++;
    }

    /** The running statistics after a training pass from {@code start}. */
    private Map<String, float[]> pass(ImageBatch images, TeacherForcing rows, long seed, float start, NDManager m) {
        running.values().forEach(p -> p.getArray().muli(0f).addi(start));
        TorchEngine.seed(seed);
        rows.trainingForward(model, m, images);
        Map<String, float[]> out = new LinkedHashMap<>();
        running.forEach((name, p) -> out.put(name, p.getArray().toFloatArray()));
        return out;
    }

    /** Writes the mean of the measured batch statistics into the model's running statistics. */
    public void apply() {
        if (batches == 0) {
            throw new IllegalStateException("no batch measured");
        }
        running.forEach((name, p) -> {
            double[] sum = sums.get(name);
            float[] mean = new float[sum.length];
            for (int i = 0; i < sum.length; i++) {
                mean[i] = (float) (sum[i] / batches);
            }
            TorchEngine.overwrite(p.getArray(), mean);
        });
    }
}
