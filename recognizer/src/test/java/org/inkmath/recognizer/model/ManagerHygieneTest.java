package org.inkmath.recognizer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.BaseNDManager;
import java.util.Random;
import org.inkmath.latex.Vocabulary;
import org.junit.jupiter.api.Test;

/**
 * Per-step work leaves nothing behind on the model's manager: otherwise a long training run or
 * a server decoding for days grows without bound.
 */
class ManagerHygieneTest {

    private static int arrays(ComerModel model) {
        return ((BaseNDManager) model.manager()).getManagedArrays().size();
    }

    @Test
    void trainingStepsAndDecodingStepsLeaveTheModelManagerAsItWas() {
        Random random = new Random(6);
        ImageBatch images = TinyModels.batch(30, 40,
                new float[][] {TinyModels.randomImage(random, 30, 40), TinyModels.randomImage(random, 25, 33)},
                new int[][] {{30, 40}, {25, 33}});
        try (ComerModel model = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 4)) {
            TrainingHarness harness = new TrainingHarness(model, false, 0.01f);
            harness.step(images, new int[][] {{5, 6, 7}, {8, 9}});
            int before = arrays(model);
            for (int i = 0; i < 3; i++) {
                harness.step(images, new int[][] {{5, 6, 7}, {8, 9}});
            }
            assertEquals(before, arrays(model), "a training step left arrays on the model's manager");

            int during = -1;
            try (StepDecoder decoder = model.startDecoding(images, new int[] {0, 1, 1})) {
                for (int t = 0; t < 8; t++) {
                    decoder.step(new int[] {Vocabulary.SOS, 7, 9});
                    decoder.reorder(new int[] {2, 0, 1});
                    if (t == 2) {
                        during = arrays(model);
                    }
                }
                assertEquals(during, arrays(model), "decoding grows with every step");
            }
            model.logProbabilities(images, new int[][] {{Vocabulary.SOS, 5}, {Vocabulary.EOS, 6}});
            assertEquals(before, arrays(model), "decoding left arrays on the model's manager");
        }
    }
}
