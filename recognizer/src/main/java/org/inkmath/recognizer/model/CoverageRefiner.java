package org.inkmath.recognizer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The attention refinement module (ARM), shared by decoder layers 2 and up: from the exclusive
 * coverage sums [n, C, t, L] it computes R [n, heads, t, L]: per step, the sums as an h x w map,
 * conv kxk (C -> coverageChannels, with bias), ReLU, zero on padding cells, conv 1x1
 * (-> heads, no bias), BatchNorm over image cells only (padding cells keep their value, 0).
 * Reference names: {@code conv.*}, {@code proj.weight}, {@code post_norm.bn.*}.
 */
final class CoverageRefiner extends ReferenceBlock {

    private final CoverageMode mode;
    private final Layers.Conv conv;
    private final Layers.Conv proj;
    private final Layers.Norm2d norm;
    private final int heads;

    CoverageRefiner(ModelConfig c) {
        mode = c.coverage();
        heads = c.heads();
        int k = c.coverageKernel();
        conv = child("conv", new Layers.Conv(mode.inputChannels(heads), c.coverageChannels(), k, 1, k / 2, true));
        proj = child("proj", new Layers.Conv(c.coverageChannels(), heads, 1, 1, 0, false));
        TokenDecoder.Holder postNorm = child("post_norm", new TokenDecoder.Holder());
        norm = postNorm.child("bn", new Layers.Norm2d(heads));
    }

    /** The coverage channels of this mode: previous layer's (refined) weights first, then the layer's own. */
    NDArray stack(NDArray previous, NDArray own) {
        return switch (mode) {
            case FUSION -> NDArrays.concat(new NDList(previous, own), 1);
            case CROSS -> previous;
            case SELF -> own;
            case NONE -> throw new IllegalStateException("no coverage without an ARM");
        };
    }

    /** Sums over the earlier steps only (axis 2 of [n, C, t, L]): step t sees what steps before t attended. */
    static NDArray exclusiveSum(NDArray perStep) {
        return perStep.cumSum(2).sub(perStep);
    }

    /** R [n, H, t, L] from exclusive coverage sums [n, C, t, L]. */
    NDArray refine(ParameterStore ps, NDArray coverage, TokenDecoder.Memory mem, boolean training) {
        Shape s = coverage.getShape();
        long n = s.get(0), c = s.get(1), t = s.get(2);
        int h = mem.height(), w = mem.width();
        NDArray maps = coverage.transpose(0, 2, 1, 3).reshape(n * t, c, h, w);
        NDArray cells = Layers.adopt(mem.cells().expandDims(1), coverage).repeat(1, t).reshape(n * t, 1, h, w);
        NDArray x = Activation.relu(conv.apply(ps, maps, training)).mul(cells);
        x = proj.apply(ps, x, training);
        x = maskedBatchNorm(ps, x, cells, training);
        return x.reshape(n, t, heads, (long) h * w).transpose(0, 2, 1, 3);
    }

    /**
     * BatchNorm over the image cells only: in training, mean and (biased) variance of those cells
     * normalise them and the running statistics move by 0.1 towards them (unbiased variance, as
     * PyTorch does); in inference the running statistics are used. Padding cells pass unchanged.
     */
    private NDArray maskedBatchNorm(ParameterStore ps, NDArray x, NDArray cells, boolean training) {
        NDArray gamma = Layers.adopt(value(ps, norm.gamma, x, training).reshape(1, heads, 1, 1), x);
        NDArray beta = Layers.adopt(value(ps, norm.beta, x, training).reshape(1, heads, 1, 1), x);
        NDArray runningMean = value(ps, norm.runningMean, x, training);
        NDArray runningVar = value(ps, norm.runningVar, x, training);
        NDArray mean;
        NDArray variance;
        if (training) {
            NDArray count = cells.sum();
            mean = x.mul(cells).sum(new int[] {0, 2, 3}).div(count);
            NDArray centred = x.sub(mean.reshape(1, heads, 1, 1)).mul(cells);
            variance = centred.square().sum(new int[] {0, 2, 3}).div(count);
            float n = count.getFloat();
            float unbiased = n > 1 ? n / (n - 1) : 1f;
            runningMean.muli(Layers.BN_MOMENTUM).addi(mean.stopGradient().mul(1 - Layers.BN_MOMENTUM));
            runningVar.muli(Layers.BN_MOMENTUM).addi(variance.stopGradient().mul((1 - Layers.BN_MOMENTUM) * unbiased));
        } else {
            mean = Layers.adopt(runningMean.duplicate(), x);
            variance = Layers.adopt(runningVar.duplicate(), x);
        }
        NDArray normalised = x.sub(mean.reshape(1, heads, 1, 1))
                .div(variance.add(Layers.NORM_EPS).sqrt().reshape(1, heads, 1, 1))
                .mul(gamma).add(beta);
        return normalised.mul(cells).add(x.mul(cells.sub(1f).neg()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        throw new UnsupportedOperationException("used through TokenDecoder");
    }
}
