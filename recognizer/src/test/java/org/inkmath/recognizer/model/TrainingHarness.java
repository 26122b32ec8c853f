package org.inkmath.recognizer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal teacher-forced training step for tests and benchmarks (the project's trainer is
 * elsewhere): bidirectional targets, masked cross-entropy, backward, then SGD with momentum or
 * Adam on every trainable parameter. Optimiser state lives on the model's manager; each step's
 * tensors on a sub-manager closed after the step.
 */
final class TrainingHarness {

    private final ComerModel model;
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<NDArray> first = new ArrayList<>();
    private final List<NDArray> second = new ArrayList<>();
    private final boolean adam;
    private final float rate;
    private int steps;

    TrainingHarness(ComerModel model, boolean adam, float rate) {
        this.model = model;
        this.adam = adam;
        this.rate = rate;
        model.referenceParameters().values().stream().filter(Parameter::requiresGradient).forEach(p -> {
            parameters.add(p);
            first.add(model.manager().zeros(p.getShape()));
            second.add(model.manager().zeros(p.getShape()));
        });
    }

    /** One step on the batch; returns the loss before the update. */
    float step(ImageBatch images, int[][] captions) {
        TeacherForcing tf = TeacherForcing.bidirectional(captions);
        float loss;
        try (NDManager m = model.manager().newSubManager()) {
            NDList in = ComerModel.inputs(m, images);
            in.add(ids(m, tf.inputs()));
            NDArray expected = ids(m, tf.outputs());
            try (GradientCollector gc = TorchEngine.engine().newGradientCollector()) {
                NDArray logits = model.network().forward(new ParameterStore(m, false), in, true).singletonOrThrow();
                NDArray l = TeacherForcing.loss(logits, expected);
                gc.backward(l);
                loss = l.getFloat();
            }
            JniUtils.setGradMode(false);
            steps++;
            // One gradient handle per parameter, fetched outside the scope (fetched inside an NDScope
            // the losses turned NaN) and closed after use: each getGradient() makes a new handle on
            // the model's manager. DJL's GradientCollector.zeroGradients() makes two per parameter
            // and closes none, so gradients are zeroed here, in place, with these handles.
            List<NDArray> gradients = new ArrayList<>();
            for (Parameter p : parameters) {
                gradients.add(p.getArray().getGradient());
            }
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                for (int i = 0; i < parameters.size(); i++) {
                    update(parameters.get(i).getArray(), gradients.get(i), first.get(i), second.get(i));
                }
            }
            for (NDArray g : gradients) {
                g.subi(g);
                g.close();
            }
        }
        return loss;
    }

    private void update(NDArray w, NDArray g, NDArray m1, NDArray m2) {
        if (adam) {
            m1.muli(0.9f).addi(g.mul(0.1f));
            m2.muli(0.999f).addi(g.square().mul(0.001f));
            float correction = (float) (Math.sqrt(1 - Math.pow(0.999, steps)) / (1 - Math.pow(0.9, steps)));
            w.subi(m1.div(m2.sqrt().add(1e-8f)).mul(rate * correction));
        } else {
            // SGD as in the published recipe: momentum 0.9, weight decay 1e-4
            m1.muli(0.9f).addi(g.add(w.mul(1e-4f)));
            w.subi(m1.mul(rate));
        }
    }

    private static NDArray ids(NDManager m, int[][] rows) {
        int[] flat = Arrays.stream(rows).flatMapToInt(Arrays::stream).toArray();
        return m.create(flat, new Shape(rows.length, rows[0].length)).toType(DataType.INT64, false);
    }
}
