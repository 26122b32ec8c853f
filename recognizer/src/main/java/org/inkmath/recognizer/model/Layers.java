package org.inkmath.recognizer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.util.PairList;

/**
 * The leaf layers, with PyTorch's parameter names, shapes and default initialisation
 * (weights and biases uniform in +-1/sqrt(fan in), norms at 1 and 0).
 */
final class Layers {

    /** PyTorch's BatchNorm momentum 0.1 in DJL's convention (weight of the old running value). */
    static final float BN_MOMENTUM = 0.9f;
    static final float NORM_EPS = 1e-5f;

    private Layers() {
    }

    /**
     * Gives {@code fresh}, an array just derived from a long-lived one (a parameter, a decoder's
     * memory), to the manager of {@code like}, so that it is freed with the step that made it.
     */
    static NDArray adopt(NDArray fresh, NDArray like) {
        fresh.attach(like.getManager());
        return fresh;
    }

    static Initializer fanIn(long fanIn) {
        return new UniformInitializer((float) (1.0 / Math.sqrt(fanIn)));
    }

    /** Conv2d: {@code weight} [out, in, k, k], {@code bias} [out] when wanted. */
    static final class Conv extends ReferenceBlock {
        private final Parameter weight;
        private final Parameter bias;
        private final Shape stride;
        private final Shape padding;

        Conv(int in, int out, int kernel, int stride, int padding, boolean withBias) {
            long fanIn = (long) in * kernel * kernel;
            this.weight = parameter("weight", Parameter.Type.WEIGHT, fanIn(fanIn), out, in, kernel, kernel);
            this.bias = withBias ? parameter("bias", Parameter.Type.BIAS, fanIn(fanIn), out) : null;
            this.stride = new Shape(stride, stride);
            this.padding = new Shape(padding, padding);
        }

        NDArray apply(ParameterStore ps, NDArray x, boolean training) {
            NDArray w = value(ps, weight, x, training);
            NDArray b = bias == null ? null : value(ps, bias, x, training);
            return Conv2d.conv2d(x, w, b, stride, padding, new Shape(1, 1), 1).singletonOrThrow();
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
            return new NDList(apply(ps, in.singletonOrThrow(), training));
        }
    }

    /** BatchNorm2d over axis 1: {@code weight}, {@code bias}, {@code running_mean}, {@code running_var}. */
    static final class Norm2d extends ReferenceBlock {
        final Parameter gamma;
        final Parameter beta;
        final Parameter runningMean;
        final Parameter runningVar;

        Norm2d(int channels) {
            gamma = parameter("weight", Parameter.Type.GAMMA, new ConstantInitializer(1), channels);
            beta = parameter("bias", Parameter.Type.BETA, new ConstantInitializer(0), channels);
            runningMean = parameter("running_mean", Parameter.Type.RUNNING_MEAN, new ConstantInitializer(0), channels);
            runningVar = parameter("running_var", Parameter.Type.RUNNING_VAR, new ConstantInitializer(1), channels);
        }

        NDArray apply(ParameterStore ps, NDArray x, boolean training) {
            return BatchNorm.batchNorm(x, value(ps, runningMean, x, training), value(ps, runningVar, x, training),
                    value(ps, gamma, x, training), value(ps, beta, x, training), 1, BN_MOMENTUM, NORM_EPS, training)
                    .singletonOrThrow();
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
            return new NDList(apply(ps, in.singletonOrThrow(), training));
        }
    }

    /** LayerNorm over the last axis: {@code weight}, {@code bias}. */
    static final class Norm extends ReferenceBlock {
        private final Parameter gamma;
        private final Parameter beta;
        private final Shape normalized;

        Norm(int features) {
            gamma = parameter("weight", Parameter.Type.GAMMA, new ConstantInitializer(1), features);
            beta = parameter("bias", Parameter.Type.BETA, new ConstantInitializer(0), features);
            normalized = new Shape(features);
        }

        NDArray apply(ParameterStore ps, NDArray x, boolean training) {
            return LayerNorm.layerNorm(x, normalized, value(ps, gamma, x, training), value(ps, beta, x, training),
                    NORM_EPS).singletonOrThrow();
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
            return new NDList(apply(ps, in.singletonOrThrow(), training));
        }
    }

    /** Linear: {@code weight} [out, in], {@code bias} [out]. */
    static final class Dense extends ReferenceBlock {
        private final Parameter weight;
        private final Parameter bias;

        Dense(int in, int out) {
            weight = parameter("weight", Parameter.Type.WEIGHT, fanIn(in), out, in);
            bias = parameter("bias", Parameter.Type.BIAS, fanIn(in), out);
        }

        NDArray apply(ParameterStore ps, NDArray x, boolean training) {
            return Linear.linear(x, value(ps, weight, x, training), value(ps, bias, x, training)).singletonOrThrow();
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
            return new NDList(apply(ps, in.singletonOrThrow(), training));
        }
    }
}
