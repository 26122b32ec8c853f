package org.inkmath.recognizer.model;

/**
 * How weights are stored on disk; computation is always float32. FLOAT16 halves the file
 * (about 1e-3 relative rounding; running variances and other values beyond 65504 are kept exact
 * by storing those tensors in float32). Example: {@code model.save(path, WeightPrecision.FLOAT16)}.
 */
public enum WeightPrecision {
    FLOAT32,
    FLOAT16
}
