package org.inkmath.recognizer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.inkmath.latex.Vocabulary;

/**
 * The decoder: token embedding + LayerNorm, 1-D sine encoding, LayerNorm, post-norm Transformer
 * layers whose cross-attention is refined by one shared attention refinement module (layers 2
 * and up), and the output projection. In (teacher forcing): memory [B, h, w, d], its padding
 * [B, h, w] and target ids [n, t] with n a multiple of B (row r reads image r mod B, so a batch
 * can hold both directions of every caption); out: logits [n, t, vocabulary]. Reference names:
 * {@code word_embed.0.weight}, {@code word_embed.1.*}, {@code norm.*}, {@code model.layers.i.*},
 * {@code model.arm.*}, {@code proj.*}.
 */
final class TokenDecoder extends ReferenceBlock {

    /** Additive logit for masked keys: exp underflows to exactly 0 and a fully masked row stays finite. */
    static final float MASKED = -1e9f;

    final ModelConfig config;
    final int vocabularySize;
    private final Parameter embedding;
    private final Layers.Norm embedNorm;
    private final Layers.Norm norm;
    final List<DecoderLayer> layers = new ArrayList<>();
    final CoverageRefiner arm;
    private final Layers.Dense proj;

    TokenDecoder(ModelConfig config, int vocabularySize) {
        this.config = config;
        this.vocabularySize = vocabularySize;
        ReferenceBlock embed = child("word_embed", new Holder());
        // PyTorch's nn.Embedding starts from N(0, 1).
        embedding = ((Holder) embed).child("0", new Holder())
                .parameter("weight", Parameter.Type.WEIGHT, new NormalInitializer(1f), vocabularySize, config.dModel());
        embedNorm = ((Holder) embed).child("1", new Layers.Norm(config.dModel()));
        norm = child("norm", new Layers.Norm(config.dModel()));
        Holder model = child("model", new Holder());
        for (int i = 0; i < config.decoderLayers(); i++) {
            layers.add(model.child("layers." + i, new DecoderLayer(config)));
        }
        arm = config.coverage() == CoverageMode.NONE || config.decoderLayers() < 2
                ? null : model.child("arm", new CoverageRefiner(config));
        proj = child("proj", new Layers.Dense(config.dModel(), vocabularySize));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
        return new NDList(logits(ps, in.get(0), in.get(1), in.get(2), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] in) {
        return new Shape[] {new Shape(in[2].get(0), in[2].get(1), vocabularySize)};
    }

    /** Teacher-forced logits [n, t, V] for targets [n, t] (ids, {@code <pad>} = 0 ignored as keys). */
    NDArray logits(ParameterStore ps, NDArray memory, NDArray memoryPadding, NDArray targets, boolean training) {
        long n = targets.getShape().get(0);
        long t = targets.getShape().get(1);
        long images = memory.getShape().get(0);
        if (n % images != 0) {
            throw new IllegalArgumentException("target rows " + n + " are not a multiple of the images " + images);
        }
        NDArray features = flattenFeatures(memory);
        Memory mem = Memory.of(memoryPadding).repeat(n / images);
        NDManager m = targets.getManager();
        NDArray x = embed(ps, targets, 0, training);
        // Causal: position i sees keys 0..i; padded targets are never keys.
        NDArray positions = m.arange((int) t);
        NDArray causal = positions.reshape(1, t).gt(positions.reshape(t, 1)).toType(DataType.FLOAT32, false)
                .mul(MASKED).reshape(1, 1, t, t);
        NDArray padKeys = targets.eq(Vocabulary.PAD).toType(DataType.FLOAT32, false).mul(MASKED).reshape(n, 1, 1, t);
        NDArray selfBias = causal.add(padKeys);
        NDArray previous = null;
        for (int i = 0; i < layers.size(); i++) {
            DecoderLayer layer = layers.get(i);
            // keys and values once per image, then one copy per row that reads it
            NDArray[] kv = layer.crossAttention.memoryKeysValues(ps, features, training);
            kv = new NDArray[] {Memory.copies(kv[0], n / images), Memory.copies(kv[1], n / images)};
            UnaryOperator<NDArray> coverage = null;
            if (i > 0 && arm != null) {
                NDArray prev = previous;
                // Exclusive running sum over the steps: step t sees only what steps < t attended.
                coverage = own -> CoverageRefiner.exclusiveSum(arm.stack(prev, own));
            }
            LayerOutput out = layer.forward(ps, x, null, null, selfBias, kv[0], kv[1], mem, arm, coverage, training);
            x = out.output();
            previous = out.attention();
        }
        return proj.apply(ps, x, training);
    }

    /** Image features [b, h, w, d] as attention memory [b, h * w, d], read to project keys and values. */
    static NDArray flattenFeatures(NDArray features) {
        Shape s = features.getShape();
        return features.reshape(s.get(0), s.get(1) * s.get(2), s.get(3));
    }

    /** Embedding, LayerNorm, 1-D position encoding from position {@code from}, LayerNorm: [n, t, d]. */
    NDArray embed(ParameterStore ps, NDArray ids, long from, boolean training) {
        NDArray w = value(ps, embedding, ids, training);
        // A one-hot product rather than a gather: every new array then belongs to the ids' manager.
        NDArray oneHot = ids.expandDims(-1).eq(ids.getManager().arange(0, vocabularySize, 1, ids.getDataType()))
                .toType(DataType.FLOAT32, false);
        NDArray x = oneHot.matMul(w);
        x = embedNorm.apply(ps, x, training);
        x = x.add(PositionEncoding.word(ids.getManager(), from, ids.getShape().get(1), config.dModel()));
        return norm.apply(ps, x, training);
    }

    NDArray project(ParameterStore ps, NDArray x, boolean training) {
        return proj.apply(ps, x, training);
    }

    /**
     * What each row's cross-attention needs of its image besides the keys and values: the additive
     * key bias [n, 1, 1, L] that hides padding cells and the cell mask [n, 1, h, w] of the coverage
     * refiner. The features themselves are read once per image, by
     * {@link TokenDecoder#flattenFeatures}, to project the keys and values; rows never carry a
     * copy of them.
     */
    record Memory(NDArray keyBias, NDArray cells, int height, int width) {

        static Memory of(NDArray padding) {
            Shape s = padding.getShape();
            int h = (int) s.get(1);
            int w = (int) s.get(2);
            NDArray bias = padding.toType(DataType.FLOAT32, false).mul(MASKED).reshape(s.get(0), 1, 1, (long) h * w);
            return new Memory(bias, DenseEncoder.keep(padding), h, w);
        }

        Memory repeat(long times) {
            if (times == 1) {
                return this;
            }
            return new Memory(copies(keyBias, times), copies(cells, times), height, width);
        }

        /** [a; a; ...] along axis 0: row r of the result is row r mod rows(a). */
        static NDArray copies(NDArray a, long times) {
            if (times == 1) {
                return a;
            }
            NDList list = new NDList();
            for (long i = 0; i < times; i++) {
                list.add(a);
            }
            return NDArrays.concat(list, 0);
        }

        Memory rows(NDArray index) {
            return new Memory(keyBias.get(index), cells.get(index), height, width);
        }

        /** The rows that {@code first} selects (a leading range). */
        Memory slice(NDIndex first) {
            return new Memory(keyBias.get(first), cells.get(first), height, width);
        }
    }

    /** Only a name in the reference's tree ({@code word_embed}, {@code model}, ...). */
    static final class Holder extends ReferenceBlock {
        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
            throw new UnsupportedOperationException("a naming node has no forward");
        }
    }

    /** Multi-head attention with PyTorch's packed {@code in_proj_weight} [3d, d], {@code in_proj_bias}, {@code out_proj}. */
    static final class Attention extends ReferenceBlock {
        private final Parameter inWeight;
        private final Parameter inBias;
        private final Layers.Dense outProj;
        private final int d;
        final int heads;
        private final float dropout;

        Attention(ModelConfig c) {
            d = c.dModel();
            heads = c.heads();
            dropout = (float) c.decoderDropout();
            // xavier_uniform_ on the packed [3d, d] matrix, biases 0, as the reference initialises them.
            inWeight = parameter("in_proj_weight", Parameter.Type.WEIGHT,
                    new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3f),
                    3L * d, d);
            inBias = parameter("in_proj_bias", Parameter.Type.BIAS, new ConstantInitializer(0), 3L * d);
            outProj = child("out_proj", new Layers.Dense(d, d));
        }

        /**
         * Query, key and value of x [n, t, d] (self-attention), split into heads: 3 x [n, H, t, d/H].
         * The packed weights are used whole, one product for all three.
         */
        NDArray[] queryKeyValue(ParameterStore ps, NDArray x, boolean training) {
            NDArray y = ai.djl.nn.core.Linear.linear(x, value(ps, inWeight, x, training),
                    value(ps, inBias, x, training)).singletonOrThrow();
            NDList parts = y.split(3, 2);
            return new NDArray[] {heads(parts.get(0)), heads(parts.get(1)), heads(parts.get(2))};
        }

        /** The query of x [n, t, d] alone (cross-attention: keys and values come from the memory): [n, H, t, d/H]. */
        NDArray query(ParameterStore ps, NDArray x, boolean training) {
            return heads(packedRows(ps, x, 0, d, training));
        }

        /** Keys (transposed, [n, H, d/H, L]) and values [n, H, L, d/H] of the memory. */
        NDArray[] memoryKeysValues(ParameterStore ps, NDArray memory, boolean training) {
            NDList kv = packedRows(ps, memory, d, 3 * d, training).split(2, 2);
            return new NDArray[] {heads(kv.get(0)).transpose(0, 1, 3, 2), heads(kv.get(1))};
        }

        /** x times rows {@code from..to} of the packed projection, plus their bias: [n, t, to - from]. */
        private NDArray packedRows(ParameterStore ps, NDArray x, int from, int to, boolean training) {
            NDIndex rows = new NDIndex(from + ":" + to);
            NDArray w = value(ps, inWeight, x, training).get(rows);
            NDArray b = value(ps, inBias, x, training).get(rows);
            // a slice belongs to the manager of what it slices, the model's, which outlives this
            // call: moved to x's, it is freed with the step's other arrays
            w.attach(x.getManager());
            b.attach(x.getManager());
            return ai.djl.nn.core.Linear.linear(x, w, b).singletonOrThrow();
        }

        private NDArray heads(NDArray y) {
            Shape s = y.getShape();
            return y.reshape(s.get(0), s.get(1), heads, d / heads).transpose(0, 2, 1, 3);
        }

        /** Logits q.k / sqrt(d/H) plus the additive mask: [n, H, t, s], keys given transposed. */
        NDArray logits(NDArray q, NDArray keysTransposed, NDArray bias) {
            return q.mul((float) (1.0 / Math.sqrt((double) d / heads))).matMul(keysTransposed).add(bias);
        }

        NDArray weights(NDArray logits, boolean training) {
            return DenseEncoder.drop(logits.softmax(-1), dropout, training);
        }

        /** Weights [n, H, t, s] times values [n, H, s, d/H], heads joined and projected: [n, t, d]. */
        NDArray output(ParameterStore ps, NDArray weights, NDArray v, boolean training) {
            NDArray o = weights.matMul(v).transpose(0, 2, 1, 3);
            Shape s = o.getShape();
            return outProj.apply(ps, o.reshape(s.get(0), s.get(1), d), training);
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
            throw new UnsupportedOperationException("used through DecoderLayer");
        }
    }

    /**
     * What a decoder layer gives: its output [n, t, d]; the cross-attention weights it passes on
     * (refined when refined) [n, H, t, L]; its own first cross-attention weights (self coverage);
     * the self-attention keys and values of every position so far [n, H, t_total, d/H].
     */
    record LayerOutput(NDArray output, NDArray attention, NDArray ownAttention, NDArray keys, NDArray values) {
    }

    /** x = LN1(x + SelfAttn(x)); x = LN2(x + CrossAttn(x, memory)); x = LN3(x + FFN(x)). */
    static final class DecoderLayer extends ReferenceBlock {
        final Attention selfAttention;
        final Attention crossAttention;
        private final Layers.Dense linear1;
        private final Layers.Dense linear2;
        private final Layers.Norm norm1;
        private final Layers.Norm norm2;
        private final Layers.Norm norm3;
        private final float dropout;

        DecoderLayer(ModelConfig c) {
            selfAttention = child("self_attn", new Attention(c));
            crossAttention = child("multihead_attn", new Attention(c));
            linear1 = child("linear1", new Layers.Dense(c.dModel(), c.ffnWidth()));
            linear2 = child("linear2", new Layers.Dense(c.ffnWidth(), c.dModel()));
            norm1 = child("norm1", new Layers.Norm(c.dModel()));
            norm2 = child("norm2", new Layers.Norm(c.dModel()));
            norm3 = child("norm3", new Layers.Norm(c.dModel()));
            dropout = (float) c.decoderDropout();
        }

        /**
         * One layer over t query positions. Self-attention keys/values are the cached ones
         * concatenated with the new positions' (caches may be null). {@code coverage} maps this
         * layer's own cross-attention weights [n, H, t, L] to the ARM's exclusive coverage input
         * [n, C, t, L]; null when the layer is not refined.
         *
         */
        LayerOutput forward(ParameterStore ps, NDArray x, NDArray cachedKeys, NDArray cachedValues, NDArray selfBias,
                          NDArray memKeys, NDArray memValues, Memory mem, CoverageRefiner arm,
                          UnaryOperator<NDArray> coverage, boolean training) {
            NDArray[] qkv = selfAttention.queryKeyValue(ps, x, training);
            NDArray q = qkv[0];
            NDArray k = qkv[1];
            NDArray v = qkv[2];
            if (cachedKeys != null) {
                k = NDArrays.concat(new NDList(cachedKeys, k), 2);
                v = NDArrays.concat(new NDList(cachedValues, v), 2);
            }
            NDArray selfLogits = selfAttention.logits(q, k.transpose(0, 1, 3, 2), selfBias);
            NDArray s = selfAttention.output(ps, selfAttention.weights(selfLogits, training), v, training);
            x = norm1.apply(ps, x.add(DenseEncoder.drop(s, dropout, training)), training);

            NDArray cq = crossAttention.query(ps, x, training);
            NDArray e = crossAttention.logits(cq, memKeys, mem.keyBias());
            NDArray own = crossAttention.weights(e, training);
            NDArray attention = own;
            if (coverage != null) {
                // E' = E - R, padding masked again; the refined weights are what the values see.
                NDArray refinement = arm.refine(ps, coverage.apply(own), mem, training);
                attention = crossAttention.weights(e.sub(refinement).add(mem.keyBias()), training);
            }
            NDArray c = crossAttention.output(ps, attention, memValues, training);
            x = norm2.apply(ps, x.add(DenseEncoder.drop(c, dropout, training)), training);
            NDArray f = linear2.apply(ps, DenseEncoder.drop(Activation.relu(linear1.apply(ps, x, training)), dropout,
                    training), training);
            x = norm3.apply(ps, x.add(DenseEncoder.drop(f, dropout, training)), training);
            return new LayerOutput(x, attention, own, k, v);
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> p) {
            throw new UnsupportedOperationException("used through TokenDecoder");
        }
    }
}
