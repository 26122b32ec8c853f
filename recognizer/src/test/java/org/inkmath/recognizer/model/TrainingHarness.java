package org.inkmath.recognizer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.inkmath.recognizer.train.SgdOptimizer;

/**
 * A bare training loop's step for tests and benchmarks of the model (the project's trainer, with
 * data, schedule and checkpoints, is {@code train.Trainer}): the trainer's forward and backward
 * pass ({@link TeacherForcing#backward}) on both directions, then the recipe's SGD
 * ({@link SgdOptimizer}: momentum 0.9, weight decay 1e-4) or Adam, which overfits a handful of
 * expressions in fewer epochs. Each step's tensors live on a sub-manager closed after it.
 */
final class TrainingHarness {

    private final ComerModel model;
    private final float rate;
    private final SgdOptimizer sgd;
    private final Adam adam;

    TrainingHarness(ComerModel model, boolean adam, float rate) {
        this.model = model;
        this.rate = rate;
        this.sgd = adam ? null : new SgdOptimizer(model, 0.9, 1e-4);
        this.adam = adam ? new Adam(model) : null;
    }

    /** One step on the batch; returns the loss before the update. */
    float step(ImageBatch images, int[][] captions) {
        try (NDManager m = model.manager().newSubManager()) {
            float loss = TeacherForcing.bidirectional(captions).backward(model, m, images);
            if (sgd != null) {
                sgd.update(rate, 0);
            } else {
                adam.update(rate);
            }
            return loss;
        }
    }

    /** Adam (0.9, 0.999, 1e-8) with bias correction; state on the model's manager. */
    private static final class Adam {
        private final List<Parameter> parameters = new ArrayList<>();
        private final List<NDArray> first = new ArrayList<>();
        private final List<NDArray> second = new ArrayList<>();
        private int steps;

        Adam(ComerModel model) {
            model.referenceParameters().values().stream().filter(Parameter::requiresGradient).forEach(p -> {
                parameters.add(p);
                first.add(model.manager().zeros(p.getShape()));
                second.add(model.manager().zeros(p.getShape()));
            });
        }

        void update(float rate) {
            steps++;
            float correction = (float) (Math.sqrt(1 - Math.pow(0.999, steps)) / (1 - Math.pow(0.9, steps)));
            for (int i = 0; i < parameters.size(); i++) {
                // each getGradient() is a new handle on the model's manager: fetched outside the
                // scope (inside one the losses turned NaN) and closed after use
                NDArray g = parameters.get(i).getArray().getGradient();
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    first.get(i).muli(0.9f).addi(g.mul(0.1f));
                    second.get(i).muli(0.999f).addi(g.square().mul(0.001f));
                    parameters.get(i).getArray().subi(first.get(i).div(second.get(i).sqrt().add(1e-8f))
                            .mul(rate * correction));
                    g.set(new NDIndex("..."), 0f);
                }
                g.close();
            }
        }
    }
}
