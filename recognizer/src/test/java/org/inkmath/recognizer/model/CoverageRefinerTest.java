package org.inkmath.recognizer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageRefinerTest {

    /** One head, self coverage, a 3x3 convolution to 1 channel: small enough to work out by hand. */
    private static CoverageRefiner handSized(NDManager m) {
        ModelConfig c = ModelConfig.reference().withDecoder(4, 1, 2, 8).withCoverage(CoverageMode.SELF)
                .withCoverageChannels(1).withCoverageKernel(3);
        CoverageRefiner arm = new CoverageRefiner(c);
        arm.initialize(m, DataType.FLOAT32, new Shape(1));
        Map<String, Parameter> p = arm.referenceParameters();
        // conv: the cell itself plus half its right neighbour, bias -0.3
        TorchEngine.overwrite(p.get("conv.weight").getArray(), new float[] {0, 0, 0, 0, 1, 0.5f, 0, 0, 0});
        TorchEngine.overwrite(p.get("conv.bias").getArray(), new float[] {-0.3f});
        TorchEngine.overwrite(p.get("proj.weight").getArray(), new float[] {2f});
        TorchEngine.overwrite(p.get("post_norm.bn.weight").getArray(), new float[] {3f});
        TorchEngine.overwrite(p.get("post_norm.bn.bias").getArray(), new float[] {0.5f});
        TorchEngine.overwrite(p.get("post_norm.bn.running_mean").getArray(), new float[] {0.1f});
        TorchEngine.overwrite(p.get("post_norm.bn.running_var").getArray(), new float[] {4f});
        return arm;
    }

    /** A 2x2 map whose bottom-right cell is padding; coverage [[0.5, 0.25], [1.0, 0]]. */
    private static NDArray[] inputs(NDManager m) {
        NDArray padding = m.create(new boolean[] {false, false, false, true}, new Shape(1, 2, 2));
        NDArray coverage = m.create(new float[] {0.5f, 0.25f, 1.0f, 0f}, new Shape(1, 1, 1, 4));
        return new NDArray[] {padding, coverage};
    }

    @Test
    void inferenceRefinementMatchesAHandComputation() {
        try (NDManager m = TorchEngine.newManager()) {
            CoverageRefiner arm = handSized(m);
            NDArray[] in = inputs(m);
            NDArray r = arm.refine(new ParameterStore(m, false), in[1], TokenDecoder.Memory.of(in[0]), false);
            // conv + ReLU: (0,0) 0.5 + 0.125 - 0.3 = 0.325; (0,1) 0.25 + 0 - 0.3 < 0 -> 0;
            // (1,0) 1.0 + 0.5 * 0 (padding neighbour) - 0.3 = 0.7; (1,1) padding -> 0.
            // proj x2: 0.65, 0, 1.4, 0. BN (mean 0.1, var 4, gamma 3, beta 0.5) on image cells only.
            double sd = Math.sqrt(4 + 1e-5);
            float[] expected = {
                (float) ((0.65 - 0.1) / sd * 3 + 0.5), (float) ((0 - 0.1) / sd * 3 + 0.5),
                (float) ((1.4 - 0.1) / sd * 3 + 0.5), 0f};
            assertArrayEquals(expected, r.toFloatArray(), 1e-5f);
            assertArrayEquals(new float[] {1.325f, 0.35f, 2.45f, 0f}, r.toFloatArray(), 1e-4f);
            assertEquals(new Shape(1, 1, 1, 4), r.getShape());
        }
    }

    @Test
    void trainingNormalisesOverImageCellsOnlyAndMovesRunningStatistics() {
        try (NDManager m = TorchEngine.newManager()) {
            CoverageRefiner arm = handSized(m);
            NDArray[] in = inputs(m);
            NDArray r = arm.refine(new ParameterStore(m, false), in[1], TokenDecoder.Memory.of(in[0]), true);
            double[] cells = {0.65, 0, 1.4};
            double mean = (0.65 + 0 + 1.4) / 3;
            double var = 0;
            for (double v : cells) {
                var += (v - mean) * (v - mean) / 3;
            }
            double sd = Math.sqrt(var + 1e-5);
            float[] expected = new float[4];
            for (int i = 0; i < 3; i++) {
                expected[i] = (float) ((cells[i] - mean) / sd * 3 + 0.5);
            }
            assertArrayEquals(expected, r.toFloatArray(), 1e-5f);
            Map<String, Parameter> p = arm.referenceParameters();
            assertEquals(0.9 * 0.1 + 0.1 * mean, p.get("post_norm.bn.running_mean").getArray().getFloat(), 1e-6);
            // PyTorch keeps the unbiased variance (n / (n - 1)) in the running statistics.
            assertEquals(0.9 * 4 + 0.1 * var * 3 / 2, p.get("post_norm.bn.running_var").getArray().getFloat(), 1e-5);
        }
    }

    @Test
    void exclusiveSumSeesOnlyEarlierSteps() {
        try (NDManager m = TorchEngine.newManager()) {
            // [n=1, C=2, t=4, L=1]
            NDArray steps = m.create(new float[] {1, 2, 3, 4, 10, 20, 30, 40}, new Shape(1, 2, 4, 1));
            float[] sums = CoverageRefiner.exclusiveSum(steps).toFloatArray();
            assertArrayEquals(new float[] {0, 1, 3, 6, 0, 10, 30, 60}, sums, 0f);
        }
    }
}
