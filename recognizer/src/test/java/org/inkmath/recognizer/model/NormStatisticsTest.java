package org.inkmath.recognizer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.inkmath.latex.Vocabulary;
import org.junit.jupiter.api.Test;

class NormStatisticsTest {

    private static final TeacherForcing ROWS = TeacherForcing.bidirectional(new int[][] {{10, 20, 30}, {40, 50}});

    private static ImageBatch images(long seed) {
        Random r = new Random(seed);
        return TinyModels.batch(40, 60, new float[][] {TinyModels.randomImage(r, 40, 60), TinyModels.randomImage(r, 33, 41)},
                new int[][] {{40, 60}, {33, 41}});
    }

    private static Map<String, Parameter> runningStatistics(ComerModel model) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        model.referenceParameters().forEach((name, p) -> {
            if (name.endsWith("running_mean") || name.endsWith("running_var")) {
                out.put(name, p);
            }
        });
        return out;
    }

    /**
     * A batch's statistics as a training step sees them, recovered from two ordinary training
     * forward passes, seeded alike, from running values 1 and 0: r = d * r0 + (1 - d) * s, where d
     * is the momentum to the power of the norm's applications in a pass.
     */
    private static Map<String, float[]> batchStatistics(ComerModel model, ImageBatch images, long seed) {
        Map<String, float[]> before = new LinkedHashMap<>();
        runningStatistics(model).forEach((name, p) -> before.put(name, p.getArray().toFloatArray()));
        Map<String, float[]> fromOne = forwardFrom(model, images, seed, 1f);
        Map<String, float[]> fromZero = forwardFrom(model, images, seed, 0f);
        Map<String, float[]> out = new LinkedHashMap<>();
        runningStatistics(model).forEach((name, p) -> {
            float decay = fromOne.get(name)[0] - fromZero.get(name)[0];
            float[] s = fromZero.get(name).clone();
            for (int i = 0; i < s.length; i++) {
                s[i] /= 1 - decay;
            }
            out.put(name, s);
            TorchEngine.overwrite(p.getArray(), before.get(name));
        });
        return out;
    }

    private static Map<String, float[]> forwardFrom(ComerModel model, ImageBatch images, long seed, float start) {
        runningStatistics(model).values().forEach(p -> {
            float[] fill = new float[Math.toIntExact(p.getArray().size())];
            Arrays.fill(fill, start);
            TorchEngine.overwrite(p.getArray(), fill);
        });
        TorchEngine.seed(seed);
        try (NDManager m = model.manager().newSubManager()) {
            ROWS.trainingForward(model, m, images);
        }
        Map<String, float[]> out = new LinkedHashMap<>();
        runningStatistics(model).forEach((name, p) -> out.put(name, p.getArray().toFloatArray()));
        return out;
    }

    @Test
    void aNormSharedByTheDecoderLayersMovesOncePerLayer() {
        try (ComerModel model = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 5)) {
            Map<String, float[]> fromOne = forwardFrom(model, images(1), 3, 1f);
            Map<String, float[]> fromZero = forwardFrom(model, images(1), 3, 0f);
            float encoder = fromOne.get("encoder.model.norm1.running_var")[0] - fromZero.get("encoder.model.norm1.running_var")[0];
            float shared = fromOne.get("decoder.model.arm.post_norm.bn.running_var")[0]
                    - fromZero.get("decoder.model.arm.post_norm.bn.running_var")[0];
            assertEquals(Layers.BN_MOMENTUM, encoder, 1e-5f);
            long applications = Math.round(Math.log(shared) / Math.log(Layers.BN_MOMENTUM));
            assertTrue(applications >= 2 && applications <= ModelConfig.tiny().decoderLayers(), "applied " + applications);
            assertEquals(Math.pow(Layers.BN_MOMENTUM, applications), shared, 1e-5f);
        }
    }

    @Test
    void oneBatchGivesThatBatchsStatisticsInEveryNorm() {
        try (ComerModel model = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 5)) {
            Map<String, float[]> expected = batchStatistics(model, images(1), 77);
            NormStatistics norms = new NormStatistics(model);
            assertTrue(norms.statistics() >= 8, "encoder and decoder norms: " + norms.statistics());
            assertEquals(norms.statistics(), expected.size());
            norms.add(images(1), ROWS, 77);
            norms.apply();
            Map<String, float[]> measured = model.weights();
            expected.forEach((name, s) -> assertArrayEquals(s, measured.get(name), 1e-4f * (1 + max(s)), name));
            assertTrue(expected.containsKey("decoder.model.arm.post_norm.bn.running_var"), "the masked norm counts too");
        }
    }

    @Test
    void severalBatchesGiveTheMeanOfTheirStatisticsAndTheRestOfTheModelStays() {
        try (ComerModel model = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 6)) {
            Map<String, float[]> a = batchStatistics(model, images(2), 11);
            Map<String, float[]> b = batchStatistics(model, images(3), 12);
            Map<String, float[]> before = model.weights();
            NormStatistics norms = new NormStatistics(model);
            norms.add(images(2), ROWS, 11);
            norms.add(images(3), ROWS, 12);
            assertEquals(2, norms.batches());
            norms.apply();
            Map<String, float[]> after = model.weights();
            after.forEach((name, values) -> {
                if (a.containsKey(name)) {
                    float[] mean = new float[values.length];
                    for (int i = 0; i < mean.length; i++) {
                        mean[i] = (a.get(name)[i] + b.get(name)[i]) / 2;
                    }
                    assertArrayEquals(mean, values, 1e-4f * (1 + max(mean)), name);
                    assertFalse(Arrays.equals(before.get(name), values), name + " kept its old value");
                } else {
                    assertArrayEquals(before.get(name), values, 0f, name + " is not a running statistic");
                }
            });
        }
    }

    @Test
    void applyingWithoutABatchIsRefused() {
        try (ComerModel model = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 7)) {
            assertThrows(IllegalStateException.class, () -> new NormStatistics(model).apply());
        }
    }

    private static float max(float[] values) {
        float m = 0;
        for (float v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
