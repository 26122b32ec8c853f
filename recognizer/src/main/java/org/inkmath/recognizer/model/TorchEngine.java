package org.inkmath.recognizer.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The one place where the PyTorch engine is first touched. DJL is put in offline mode before
 * that, so nothing is downloaded at run time: the native library comes from the
 * {@code pytorch-native-cpu} jar on the class path and is unpacked once into DJL's cache folder
 * ({@code ~/.djl.ai/pytorch}, or {@code $DJL_CACHE_DIR}). A command line can also pass
 * {@code -Dai.djl.offline=true} itself. {@code OfflineEngineTest} checks that no URL is opened.
 */
public final class TorchEngine {

    private TorchEngine() {
    }

    /** The PyTorch engine, offline. */
    public static synchronized Engine engine() {
        System.setProperty("ai.djl.offline", "true");
        return Engine.getEngine("PyTorch");
    }

    /** A new root manager on the CPU; its owner closes it. */
    public static NDManager newManager() {
        return engine().newBaseManager();
    }

    /**
     * Sets the intra-op threads of the tensor library for the whole process (PyTorch has one
     * setting per process); 0 leaves PyTorch's default (one per core).
     */
    public static void setThreads(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must not be negative: " + threads);
        }
        engine();
        if (threads > 0) {
            JniUtils.setNumThreads(threads);
        }
    }

    /** Seeds the engine's random numbers (initialisation, dropout). */
    public static void seed(long seed) {
        engine().setRandomSeed((int) seed);
    }

    /**
     * Copies {@code values} into {@code target} in place, keeping its gradient flag. Not
     * {@code NDArray.set(Buffer)}: DJL's native code for it builds a deprecated PyTorch guard,
     * which prints a warning to the user's terminal once per process. Gradients are off while it
     * copies: PyTorch's grad mode is per thread, and a parameter may not be written in place
     * where it is on.
     */
    public static void overwrite(NDArray target, float[] values) {
        if (values.length != target.size()) {
            throw new IllegalArgumentException(values.length + " values for an array of shape " + target.getShape());
        }
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDArray source = target.getManager().create(values, target.getShape())) {
            target.set(new NDIndex("..."), source);
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }
}
