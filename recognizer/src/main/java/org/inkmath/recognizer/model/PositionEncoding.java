package org.inkmath.recognizer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** The fixed sine position encodings of comer.md: 2-D over image cells, 1-D over token positions. */
final class PositionEncoding {

    private static final double TEMPERATURE = 10000.0;

    private PositionEncoding() {
    }

    /**
     * The 2-D encoding [b, h, w, d] of a padding mask [b, h, w]: y and x are the counts of image
     * cells down the rows and along the columns, divided by their last value (+1e-6) and times
     * 2 pi; each gives d/2 values, interleaved (sin, cos) pairs, x first.
     */
    static NDArray image(NDArray padding, int d) {
        NDArray cells = padding.logicalNot().toType(DataType.FLOAT32, false);
        NDArray y = cells.cumSum(1);
        NDArray x = cells.cumSum(2);
        long h = padding.getShape().get(1);
        long w = padding.getShape().get(2);
        float scale = (float) (2 * Math.PI);
        y = y.div(y.get(":, " + (h - 1) + ":, :").add(1e-6f)).mul(scale);
        x = x.div(x.get(":, :, " + (w - 1) + ":").add(1e-6f)).mul(scale);
        NDArray freq = frequencies(padding.getManager(), d / 2);
        NDArray px = interleave(x.expandDims(3).mul(freq));
        NDArray py = interleave(y.expandDims(3).mul(freq));
        return NDArrays.concat(new NDList(px, py), 3);
    }

    /** The 1-D encoding [length, d] for positions {@code from .. from+length-1}. */
    static NDArray word(NDManager manager, long from, long length, int d) {
        NDArray pos = manager.arange((float) from, (float) (from + length), 1f, DataType.FLOAT32).expandDims(1);
        return interleave(pos.mul(frequencies(manager, d)));
    }

    /** 1 / T^(2i/n) for i = 0 .. n/2-1. */
    private static NDArray frequencies(NDManager manager, int n) {
        float[] f = new float[n / 2];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (1.0 / Math.pow(TEMPERATURE, 2.0 * i / n));
        }
        return manager.create(f);
    }

    /** [..., k] angles to [..., 2k] values sin(a0), cos(a0), sin(a1), ... */
    private static NDArray interleave(NDArray angles) {
        Shape s = angles.getShape();
        int last = s.dimension() - 1;
        NDArray pairs = NDArrays.stack(new NDList(angles.sin(), angles.cos()), last + 1);
        long[] dims = s.getShape().clone();
        dims[last] *= 2;
        return pairs.reshape(new Shape(dims));
    }
}
