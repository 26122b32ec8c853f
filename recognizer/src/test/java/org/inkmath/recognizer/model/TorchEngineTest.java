package org.inkmath.recognizer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TorchEngineTest {

    /** A server thread has PyTorch's grad mode on; loading weights into parameters must still work there. */
    @Test
    void overwriteFillsAParameterOnAThreadWithGradientsOn() throws Exception {
        float[] values = {1, 2, 3, 4, 5, 6};
        float[] read = CompletableFuture.supplyAsync(() -> {
            boolean before = JniUtils.isGradMode();
            try (NDManager manager = TorchEngine.newManager()) {
                JniUtils.setGradMode(true);
                NDArray parameter = manager.zeros(new Shape(2, 3));
                parameter.setRequiresGradient(true);
                TorchEngine.overwrite(parameter, values);
                assertTrue(JniUtils.isGradMode(), "the thread's grad mode is left as it was");
                assertTrue(parameter.hasGradient(), "still a parameter");
                return parameter.toFloatArray();
            } finally {
                JniUtils.setGradMode(before); // a pool thread: leave it as found
            }
        }).get();
        assertArrayEquals(values, read);
    }
}
