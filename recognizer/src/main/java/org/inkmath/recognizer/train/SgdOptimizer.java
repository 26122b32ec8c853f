package org.inkmath.recognizer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.TorchEngine;

/**
 * Stochastic gradient descent with momentum and L2 weight decay, as PyTorch's {@code SGD}
 * (dampening 0): {@code v = momentum v + (g + decay w); w -= rate v}. The momentum buffers live
 * on the model's manager (not on a step's sub-manager, and not inside an {@code NDScope}, which
 * would close them) and are written to and read from checkpoints by parameter name. Example:
 * {@code SgdOptimizer sgd = new SgdOptimizer(model, 0.9, 1e-4); sgd.update(0.08, 10);} after a
 * backward pass.
 */
public final class SgdOptimizer {

    private static final int MAGIC = 0x494B4D31; // "IKM1"

    private final List<String> names = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<NDArray> velocity = new ArrayList<>();
    private final float momentum;
    private final float weightDecay;

    public SgdOptimizer(ComerModel model, double momentum, double weightDecay) {
        this.momentum = (float) momentum;
        this.weightDecay = (float) weightDecay;
        for (Pair<String, Parameter> p : model.network().getParameters()) {
            if (p.getValue().requiresGradient()) {
                names.add(p.getKey());
                parameters.add(p.getValue());
                velocity.add(model.manager().zeros(p.getValue().getShape()));
            }
        }
    }

    /**
     * What one update did: the global L2 norm of the gradients before clipping, and whether the
     * weights moved (not when that norm is infinite or NaN).
     */
    public record Update(double gradientNorm, boolean applied) {
        public boolean clipped(double clipNorm) {
            return applied && clipNorm > 0 && gradientNorm > clipNorm;
        }
    }

    /**
     * One update with the gradients of the last backward pass, which are then zeroed. When their
     * global norm exceeds {@code clipNorm} (if above 0) they are scaled down to it; when it is not
     * finite nothing moves, so that one bad batch cannot poison the weights or the momentum.
     */
    public Update update(double learningRate, double clipNorm) {
        float rate = (float) learningRate;
        // One gradient handle per parameter, fetched outside the scope and closed after use
        // (each getGradient() makes a new handle on the model's manager).
        List<NDArray> gradients = new ArrayList<>(parameters.size());
        for (Parameter p : parameters) {
            gradients.add(p.getArray().getGradient());
        }
        double norm;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray squares = null;
            for (NDArray g : gradients) {
                NDArray s = g.square().sum();
                squares = squares == null ? s : squares.add(s);
            }
            norm = squares == null ? 0 : Math.sqrt(squares.getFloat());
            if (Double.isFinite(norm)) {
                float scale = clipNorm > 0 && norm > clipNorm ? (float) (clipNorm / norm) : 1f;
                for (int i = 0; i < parameters.size(); i++) {
                    NDArray w = parameters.get(i).getArray();
                    NDArray v = velocity.get(i);
                    NDArray g = scale == 1f ? gradients.get(i) : gradients.get(i).mul(scale);
                    v.muli(momentum).addi(weightDecay == 0 ? g : g.add(w.mul(weightDecay)));
                    w.subi(v.mul(rate));
                }
            }
        }
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (NDArray g : gradients) {
                // a fill, not g - g: NaN minus NaN would stay NaN and poison every later step
                // (the fill's temporaries belong to the scope, the handle g does not)
                g.set(new NDIndex("..."), 0f);
            }
        }
        gradients.forEach(NDArray::close);
        return new Update(norm, Double.isFinite(norm));
    }

    /** The momentum buffers by parameter name (copies). */
    public Map<String, float[]> state() {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), velocity.get(i).toFloatArray());
        }
        return out;
    }

    /** Writes the momentum buffers: magic, count, then per buffer its name, length and floats. */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(names.size());
        for (int i = 0; i < names.size(); i++) {
            float[] v = velocity.get(i).toFloatArray();
            out.writeUTF(names.get(i));
            out.writeInt(v.length);
            for (float f : v) {
                out.writeFloat(f);
            }
        }
    }

    /** Reads buffers written by {@link #write}; every name and size must match this model. */
    public void read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not an inkmath optimiser state (bad magic number)");
        }
        int count = in.readInt();
        if (count != names.size()) {
            throw new IOException("optimiser state has " + count + " buffers, the model " + names.size());
        }
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            int length = in.readInt();
            NDArray v = velocity.get(i);
            if (!name.equals(names.get(i)) || length != v.size()) {
                throw new IOException("optimiser buffer " + name + " (" + length + " values) does not match "
                        + names.get(i) + " (" + v.size() + ")");
            }
            float[] values = new float[length];
            for (int j = 0; j < length; j++) {
                values[j] = in.readFloat();
            }
            TorchEngine.overwrite(v, values);
        }
    }
}
