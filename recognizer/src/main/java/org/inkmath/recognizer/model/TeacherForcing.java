package org.inkmath.recognizer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import org.inkmath.latex.Vocabulary;

/**
 * What the network reads and what it should predict when trained with teacher forcing, both
 * directions in one batch (comer.md): for captions c_1..c_m, the left-to-right row reads
 * {@code <sos> c_1 .. c_m} and predicts {@code c_1 .. c_m <eos>}; the right-to-left row reads
 * {@code <eos> c_m .. c_1} and predicts {@code c_m .. c_1 <sos>}. Rows 0..b-1 are left-to-right
 * and rows b..2b-1 right-to-left, so row r reads image r mod b, as {@link ComerNetwork} expects.
 * Rows are padded with {@code <pad>} (0) to the longest caption plus one. Example:
 * {@code TeacherForcing.bidirectional(new int[][] {{5, 6}})} reads {{1, 5, 6}, {2, 6, 5}} and
 * predicts {{5, 6, 2}, {6, 5, 1}}.
 */
public record TeacherForcing(int[][] inputs, int[][] outputs) {

    /** Both directions of every caption (token ids without {@code <sos>}/{@code <eos>}). */
    public static TeacherForcing bidirectional(int[][] captions) {
        return build(captions, true);
    }

    /** Left-to-right rows only. */
    public static TeacherForcing leftToRight(int[][] captions) {
        return build(captions, false);
    }

    private static TeacherForcing build(int[][] captions, boolean both) {
        int b = captions.length;
        int t = 0;
        for (int[] c : captions) {
            t = Math.max(t, c.length + 1);
        }
        int rows = both ? 2 * b : b;
        int[][] in = new int[rows][t];
        int[][] out = new int[rows][t];
        for (int i = 0; i < b; i++) {
            int[] c = captions[i];
            int m = c.length;
            in[i][0] = Vocabulary.SOS;
            for (int j = 0; j < m; j++) {
                in[i][j + 1] = c[j];
                out[i][j] = c[j];
            }
            out[i][m] = Vocabulary.EOS;
            if (both) {
                in[b + i][0] = Vocabulary.EOS;
                for (int j = 0; j < m; j++) {
                    in[b + i][j + 1] = c[m - 1 - j];
                    out[b + i][j] = c[m - 1 - j];
                }
                out[b + i][m] = Vocabulary.SOS;
            }
        }
        return new TeacherForcing(in, out);
    }

    /**
     * The forward pass of a training step (dropout on) over {@code images} with these rows, the
     * loss, and the backward pass: afterwards every trainable parameter of {@code model} holds
     * its gradient, for an optimiser to apply and clear. Tensors are made on {@code m}, which the
     * caller closes after the update. Returns the loss (NaN when the batch diverged: the gradients
     * are then NaN too).
     */
    public float backward(ComerModel model, NDManager m, ImageBatch images) {
        NDArray expected = ids(m, outputs);
        float loss;
        try (GradientCollector gc = TorchEngine.engine().newGradientCollector()) {
            NDArray logits = trainingForward(model, m, images);
            NDArray l = loss(logits, expected);
            gc.backward(l);
            loss = l.getFloat();
        }
        // closing the collector leaves gradient recording on for this thread
        JniUtils.setGradMode(false);
        return loss;
    }

    /**
     * The forward pass in training mode (dropout on; BatchNorm normalises with the batch's
     * statistics and moves its running statistics towards them): logits [rows, t, V] on {@code m}.
     */
    public NDArray trainingForward(ComerModel model, NDManager m, ImageBatch images) {
        NDList in = ComerModel.inputs(m, images);
        in.add(ids(m, inputs));
        return model.network().forward(new ParameterStore(m, false), in, true).singletonOrThrow();
    }

    private static NDArray ids(NDManager m, int[][] rows) {
        int[] flat = Arrays.stream(rows).flatMapToInt(Arrays::stream).toArray();
        return m.create(flat, new Shape(rows.length, rows[0].length)).toType(DataType.INT64, false);
    }

    /** Mean cross-entropy of logits [n, t, V] against target ids [n, t] over non-padding targets. */
    public static NDArray loss(NDArray logits, NDArray targets) {
        long v = logits.getShape().get(2);
        NDArray logProbs = logits.logSoftmax(-1);
        NDArray oneHot = targets.expandDims(-1)
                .eq(targets.getManager().arange(0, (int) v, 1, targets.getDataType()))
                .toType(DataType.FLOAT32, false);
        NDArray picked = logProbs.mul(oneHot).sum(new int[] {2});
        NDArray real = targets.neq(Vocabulary.PAD).toType(DataType.FLOAT32, false);
        return picked.mul(real).sum().neg().div(real.sum().maximum(1f));
    }
}
