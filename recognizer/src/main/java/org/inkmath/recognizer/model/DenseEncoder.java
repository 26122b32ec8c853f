package org.inkmath.recognizer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The encoder: DenseNet-B (stem, three dense blocks, two transitions, final BatchNorm), a 1x1
 * projection to {@code dModel}, the 2-D sine position encoding and a LayerNorm.
 * In: images [b, 1, H, W] (ink 1, background and padding 0) and padding [b, H, W] (boolean, true
 * on padding). Out: features [b, h, w, dModel] and padding [b, h, w] with h, w the input sizes
 * halved four times (rounded up). Reference names: {@code model.*}, {@code feature_proj.*},
 * {@code norm.*}.
 */
final class DenseEncoder extends ReferenceBlock {

    private final DenseNet body;
    private final Layers.Conv featureProj;
    private final Layers.Norm norm;
    private final int dModel;

    DenseEncoder(ModelConfig config) {
        body = child("model", new DenseNet(config));
        featureProj = child("feature_proj", new Layers.Conv(config.encoderChannels()[5], config.dModel(), 1, 1, 0, true));
        norm = child("norm", new Layers.Norm(config.dModel()));
        dModel = config.dModel();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return encode(ps, in.get(0), in.get(1), training);
    }

    NDList encode(ParameterStore ps, NDArray images, NDArray padding, boolean training) {
        NDList out = body.apply(ps, images, padding, training);
        NDArray features = featureProj.apply(ps, out.get(0), training).transpose(0, 2, 3, 1);
        NDArray mask = out.get(1);
        features = features.add(PositionEncoding.image(mask, dModel));
        return new NDList(norm.apply(ps, features, training), mask);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        Shape img = in[0];
        long h = img.get(2), w = img.get(3);
        for (int i = 0; i < 4; i++) {
            h = (h + 1) / 2;
            w = (w + 1) / 2;
        }
        return new Shape[] {new Shape(img.get(0), h, w, dModel), new Shape(img.get(0), h, w)};
    }

    /**
     * The same tensor [n, c, h, w] laid out channels-last in memory (DJL has no API for it): the
     * convolutions then take oneDNN's faster NHWC path, and the layout carries through the
     * network's convolutions, norms, pools and concatenations. Values and gradients are those of
     * the input; only the strides differ.
     */
    static NDArray channelsLast(NDArray x) {
        Shape s = x.getShape();
        return x.transpose(0, 2, 3, 1).reshape(s.get(0), s.get(2), s.get(3) * s.get(1))
                .reshape(s.get(0), s.get(2), s.get(3), s.get(1)).transpose(0, 3, 1, 2);
    }

    /** Keeps every second row and column of a padding mask [b, h, w]: the mask of a halved map. */
    static NDArray halve(NDArray padding) {
        return padding.get(":, ::2, ::2");
    }

    /** 1 on image cells, 0 on padding: [b, 1, h, w] float. */
    static NDArray keep(NDArray padding) {
        return padding.logicalNot().toType(DataType.FLOAT32, false).expandDims(1);
    }

    /** DenseNet-B; reference names {@code conv1}, {@code norm1}, {@code dense1.i}, {@code trans1}, ... */
    static final class DenseNet extends ReferenceBlock {
        private final Layers.Conv stem;
        private final Layers.Norm2d stemNorm;
        private final List<List<Bottleneck>> blocks = new ArrayList<>();
        private final List<Transition> transitions = new ArrayList<>();
        private final Layers.Norm2d postNorm;
        private final boolean masked;

        DenseNet(ModelConfig c) {
            int[] ch = c.encoderChannels();
            masked = c.maskedEncoder();
            float drop = (float) c.encoderDropout();
            stem = child("conv1", new Layers.Conv(1, ch[0], 7, 2, 3, false));
            stemNorm = child("norm1", new Layers.Norm2d(ch[0]));
            int channels = ch[0];
            for (int b = 0; b < 3; b++) {
                List<Bottleneck> layers = new ArrayList<>();
                for (int i = 0; i < c.denseDepth(); i++) {
                    layers.add(child("dense" + (b + 1) + "." + i,
                            new Bottleneck(channels, c.bottleneckWidth(), c.growthRate(), drop, masked)));
                    channels += c.growthRate();
                }
                blocks.add(layers);
                if (b < 2) {
                    transitions.add(child("trans" + (b + 1), new Transition(channels, channels / 2, drop, masked)));
                    channels /= 2;
                }
            }
            postNorm = child("post_norm", new Layers.Norm2d(channels));
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
            return apply(ps, in.get(0), in.get(1), training);
        }

        NDList apply(ParameterStore ps, NDArray images, NDArray padding, boolean training) {
            NDArray x = Activation.relu(stemNorm.apply(ps, stem.apply(ps, channelsLast(images), training), training));
            NDArray mask = halve(padding);
            if (masked) {
                // ReLU output is >= 0, so zeros on padding leave the ceil-mode max-pool of image cells unchanged.
                x = x.mul(keep(mask));
            }
            x = Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), true);
            mask = halve(mask);
            for (int b = 0; b < 3; b++) {
                NDArray keep = masked ? keep(mask) : null;
                for (Bottleneck layer : blocks.get(b)) {
                    x = layer.apply(ps, x, keep, training);
                }
                if (b < 2) {
                    x = transitions.get(b).apply(ps, x, keep, training);
                    mask = halve(mask);
                }
            }
            return new NDList(postNorm.apply(ps, x, training), mask);
        }
    }

    /** conv 1x1, BN, ReLU, dropout, conv 3x3, BN, ReLU, dropout; output concatenated to input. */
    static final class Bottleneck extends ReferenceBlock {
        private final Layers.Norm2d bn1;
        private final Layers.Conv conv1;
        private final Layers.Norm2d bn2;
        private final Layers.Conv conv2;
        private final float dropout;
        private final boolean masked;

        Bottleneck(int in, int width, int growth, float dropout, boolean masked) {
            // Registration order of the reference: bn1, conv1, bn2, conv2.
            bn1 = child("bn1", new Layers.Norm2d(width));
            conv1 = child("conv1", new Layers.Conv(in, width, 1, 1, 0, false));
            bn2 = child("bn2", new Layers.Norm2d(growth));
            conv2 = child("conv2", new Layers.Conv(width, growth, 3, 1, 1, false));
            this.dropout = dropout;
            this.masked = masked;
        }

        NDArray apply(ParameterStore ps, NDArray x, NDArray keep, boolean training) {
            NDArray out = Activation.relu(bn1.apply(ps, conv1.apply(ps, x, training), training));
            out = drop(out, dropout, training);
            if (masked) {
                out = out.mul(keep); // the 3x3 convolution must see zeros beyond the image, as at its border
            }
            out = Activation.relu(bn2.apply(ps, conv2.apply(ps, out, training), training));
            out = drop(out, dropout, training);
            return NDArrays.concat(new NDList(x, out), 1);
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
            return new NDList(apply(ps, in.get(0), in.size() > 1 ? in.get(1) : null, training));
        }
    }

    /** conv 1x1 (halving the channels), BN, ReLU, dropout, average-pool 2x2 with ceil mode. */
    static final class Transition extends ReferenceBlock {
        private final Layers.Norm2d bn1;
        private final Layers.Conv conv1;
        private final float dropout;
        private final boolean masked;

        Transition(int in, int out, float dropout, boolean masked) {
            bn1 = child("bn1", new Layers.Norm2d(out));
            conv1 = child("conv1", new Layers.Conv(in, out, 1, 1, 0, false));
            this.dropout = dropout;
            this.masked = masked;
        }

        NDArray apply(ParameterStore ps, NDArray x, NDArray keep, boolean training) {
            NDArray out = Activation.relu(bn1.apply(ps, conv1.apply(ps, x, training), training));
            out = drop(out, dropout, training);
            Shape two = new Shape(2, 2);
            Shape zero = new Shape(0, 0);
            if (!masked) {
                return Pool.avgPool2d(out, two, two, zero, true, true);
            }
            // Mean over the image cells of each window: an unpadded image's ceil-mode windows at its
            // border average only the cells inside, and so does this whatever the padding.
            NDArray sums = Pool.avgPool2d(out.mul(keep), two, two, zero, true, true);
            NDArray share = Pool.avgPool2d(keep, two, two, zero, true, true);
            return sums.div(share.maximum(1e-6f));
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
            return new NDList(apply(ps, in.get(0), in.size() > 1 ? in.get(1) : null, training));
        }
    }

    static NDArray drop(NDArray x, float rate, boolean training) {
        if (!training || rate == 0) {
            return x;
        }
        return Dropout.dropout(x, rate, true).singletonOrThrow();
    }
}
