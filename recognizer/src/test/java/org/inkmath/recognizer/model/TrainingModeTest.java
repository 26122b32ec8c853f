package org.inkmath.recognizer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.inkmath.latex.Vocabulary;
import org.junit.jupiter.api.Test;

class TrainingModeTest {

    private static final int[][] CAPTIONS = {{10, 20, 30}, {40, 50}};

    private static NDList inputs(NDManager m, ImageBatch images, int[][] rows) {
        NDList in = ComerModel.inputs(m, images);
        int t = rows[0].length;
        int[] flat = Arrays.stream(rows).flatMapToInt(Arrays::stream).toArray();
        in.add(m.create(flat, new Shape(rows.length, t)).toType(DataType.INT64, false));
        return in;
    }

    private static ImageBatch images() {
        Random r = new Random(4);
        return TinyModels.batch(40, 60, new float[][] {TinyModels.randomImage(r, 40, 60), TinyModels.randomImage(r, 33, 41)},
                new int[][] {{40, 60}, {33, 41}});
    }

    @Test
    void inferenceIsDeterministicAndLeavesRunningStatisticsAlone() {
        try (ComerModel model = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 2);
             NDManager m = model.manager().newSubManager()) {
            TeacherForcing tf = TeacherForcing.bidirectional(CAPTIONS);
            NDList in = inputs(m, images(), tf.inputs());
            Map<String, float[]> before = model.weights();
            float[] a = model.network().forward(new ParameterStore(m, false), in, false).singletonOrThrow().toFloatArray();
            float[] b = model.network().forward(new ParameterStore(m, false), in, false).singletonOrThrow().toFloatArray();
            assertArrayEquals(a, b, 0f);
            model.weights().forEach((name, w) -> assertArrayEquals(before.get(name), w, 0f, name));

            // training: dropout draws differ between calls, and every BatchNorm's running statistics move
            float[] c = model.network().forward(new ParameterStore(m, false), in, true).singletonOrThrow().toFloatArray();
            float[] d = model.network().forward(new ParameterStore(m, false), in, true).singletonOrThrow().toFloatArray();
            assertFalse(Arrays.equals(c, d));
            Map<String, float[]> after = model.weights();
            for (String name : new String[] {"encoder.model.norm1.running_mean", "encoder.model.dense3.1.bn2.running_var",
                "encoder.model.post_norm.running_mean", "decoder.model.arm.post_norm.bn.running_var"}) {
                assertFalse(Arrays.equals(before.get(name), after.get(name)), name + " did not move");
            }
        }
    }

    @Test
    void anUnpaddedImageGivesTheReferenceEncoderResult() {
        ImageBatch one = TinyModels.batch(35, 47, new float[][] {TinyModels.randomImage(new Random(8), 35, 47)},
                new int[][] {{35, 47}});
        int[][] rows = {{Vocabulary.SOS, 10, 20}};
        try (ComerModel masked = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 21);
             ComerModel reference = ComerModel.create(ModelConfig.tiny().withMaskedEncoder(false), Vocabulary.crohme(), 21)) {
            float[][][] a = masked.logProbabilities(one, rows);
            float[][][] b = reference.logProbabilities(one, rows);
            for (int t = 0; t < 3; t++) {
                assertArrayEquals(b[0][t], a[0][t], 1e-5f);
            }
        }
    }

    @Test
    void gradientsReachEveryTrainableParameter() {
        try (ComerModel model = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 2);
             NDManager m = model.manager().newSubManager()) {
            TeacherForcing tf = TeacherForcing.bidirectional(CAPTIONS);
            NDList in = inputs(m, images(), tf.inputs());
            NDArray expected = inputs(m, images(), tf.outputs()).get(2);
            try (GradientCollector gc = TorchEngine.engine().newGradientCollector()) {
                NDArray logits = model.network().forward(new ParameterStore(m, false), in, true).singletonOrThrow();
                NDArray loss = TeacherForcing.loss(logits, expected);
                assertTrue(loss.getFloat() > 3, "an untrained model is about uniform over 113 tokens");
                gc.backward(loss);
            }
            model.referenceParameters().forEach((name, p) -> {
                if (p.requiresGradient()) {
                    assertTrue(p.getArray().getGradient().abs().sum().getFloat() > 0, name + " got no gradient");
                }
            });
        }
    }

    @Test
    void teacherForcingBuildsBothDirections() {
        TeacherForcing tf = TeacherForcing.bidirectional(CAPTIONS);
        assertArrayEquals(new int[][] {
            {1, 10, 20, 30}, {1, 40, 50, 0}, {2, 30, 20, 10}, {2, 50, 40, 0}}, tf.inputs());
        assertArrayEquals(new int[][] {
            {10, 20, 30, 2}, {40, 50, 2, 0}, {30, 20, 10, 1}, {50, 40, 1, 0}}, tf.outputs());
    }

    @Test
    void configurationRoundTripsThroughJsonAndRejectsNonsense() {
        for (ModelConfig c : new ModelConfig[] {ModelConfig.reference(), ModelConfig.compact(),
            ModelConfig.compactSmallInput(), ModelConfig.tiny().withCoverage(CoverageMode.NONE)}) {
            assertEquals(c, ModelConfig.fromJson(c.toJson()));
        }
        assertEquals(ModelConfig.compact(), ModelConfig.named("compact"));
        assertTrue(ModelConfig.reference().toJson().contains("\"coverage\":\"FUSION\""));
        assertThrows(IllegalArgumentException.class, () -> ModelConfig.reference().withDecoder(250, 8, 3, 1024));
        assertThrows(IllegalArgumentException.class, () -> ModelConfig.named("huge"));
        String noHeads = ModelConfig.reference().toJson().replace("\"heads\":8,", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelConfig.fromJson(noHeads));
        assertTrue(e.getMessage().contains("heads"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelConfig.fromJson("[1, 2]"));
        assertArrayEquals(new int[] {48, 432, 216, 600, 300, 684}, ModelConfig.reference().encoderChannels());
    }
}
