package org.inkmath.recognizer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import org.inkmath.latex.Vocabulary;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.ModelConfig;
import org.inkmath.recognizer.model.TorchEngine;
import org.junit.jupiter.api.Test;

class SgdOptimizerTest {

    /** Backward of {@code factor * sum(w)} for the model's first weight: every gradient is factor. */
    private static void gradientsOf(NDArray w, float factor) {
        try (GradientCollector gc = TorchEngine.engine().newGradientCollector()) {
            gc.backward(w.sum().mul(factor));
        }
        JniUtils.setGradMode(false);
    }

    private static NDArray firstWeight(ComerModel model) {
        return model.network().getParameters().get(0).getValue().getArray();
    }

    @Test
    void gradientsAboveTheClippingNormAreScaledDownToIt() {
        try (ComerModel model = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 3)) {
            NDArray w = firstWeight(model);
            float[] before = w.toFloatArray();
            SgdOptimizer sgd = new SgdOptimizer(model, 0, 0);
            gradientsOf(w, 1000f);
            SgdOptimizer.Update u = sgd.update(0.1, 2.0);
            double expectedNorm = 1000 * Math.sqrt(before.length);
            assertEquals(expectedNorm, u.gradientNorm(), expectedNorm * 1e-5);
            assertTrue(u.applied());
            assertTrue(u.clipped(2.0));
            float[] after = w.toFloatArray();
            // clipped to norm 2: each of the n equal gradients is 2/sqrt(n)
            float step = (float) (0.1 * 2.0 / Math.sqrt(before.length));
            for (int i = 0; i < before.length; i++) {
                assertEquals(before[i] - step, after[i], 1e-6, "weight " + i);
            }
        }
    }

    @Test
    void aNonFiniteGradientMovesNothingAndDoesNotPoisonTheNextStep() {
        try (ComerModel model = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 3)) {
            NDArray w = firstWeight(model);
            float[] before = w.toFloatArray();
            SgdOptimizer sgd = new SgdOptimizer(model, 0.9, 1e-4);
            gradientsOf(w, Float.NaN);
            SgdOptimizer.Update u = sgd.update(0.1, 10);
            assertFalse(u.applied());
            assertTrue(Double.isNaN(u.gradientNorm()));
            assertArrayEquals(before, w.toFloatArray());
            assertTrue(sgd.state().values().stream().allMatch(v -> {
                for (float x : v) {
                    if (x != 0) {
                        return false;
                    }
                }
                return true;
            }), "momentum untouched");

            gradientsOf(w, 1f);
            SgdOptimizer.Update next = sgd.update(0.1, 0);
            assertTrue(next.applied());
            assertEquals(Math.sqrt(before.length), next.gradientNorm(), 1e-3);
            float[] after = w.toFloatArray();
            for (float x : after) {
                assertTrue(Float.isFinite(x));
            }
            assertEquals(before[0] - 0.1f * (1f + 1e-4f * before[0]), after[0], 1e-6);
        }
    }
}
