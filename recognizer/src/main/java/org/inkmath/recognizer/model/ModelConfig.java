package org.inkmath.recognizer.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shape of a CoMER-style network: every size and option that changes the layers, so that a
 * cheaper variant is a named, measured configuration and {@link #reference()} stays the published
 * model. Serialised as JSON beside the weights ({@link #toJson()}, {@link #fromJson(String)}).
 * Example:
 * <pre>{@code
 * ModelConfig c = ModelConfig.compact().withCoverage(CoverageMode.SELF);
 * ModelConfig same = ModelConfig.fromJson(c.toJson());
 * }</pre>
 *
 * @param growthRate          channels each dense layer adds (24); the stem has 2 x growthRate
 * @param denseDepth          bottleneck layers per dense block (16); there are 3 blocks
 * @param bottleneckWidth     channels of the 1x1 bottleneck convolution (96 = 4 x growthRate)
 * @param encoderDropout      dropout in the dense blocks and transitions (0.2)
 * @param maskedEncoder       zero padding cells before every 3x3 convolution and average the
 *                            transitions' pooling over image cells only, so that a padded batch
 *                            gives each image exactly what it gives alone; an unpadded image gives
 *                            the same result either way (false: the reference's padded-batch
 *                            arithmetic, where padding leaks into border cells)
 * @param dModel              width of the features and of the decoder (256)
 * @param heads               attention heads (8); dModel / heads is the head width
 * @param decoderLayers       post-norm decoder layers (3)
 * @param ffnWidth            feed-forward width (1024)
 * @param decoderDropout      dropout in the decoder, attention weights included (0.3)
 * @param coverage            attention refinement mode (FUSION)
 * @param coverageChannels    channels of the ARM's 5x5 convolution (32)
 * @param coverageKernel      size of the ARM's first convolution (5)
 * @param inputScale          factor applied to the reference input size rules before the
 *                            network sees an image (1.0); the data pipeline applies it, the
 *                            network itself does not resize
 */
public record ModelConfig(
        int growthRate,
        int denseDepth,
        int bottleneckWidth,
        double encoderDropout,
        boolean maskedEncoder,
        int dModel,
        int heads,
        int decoderLayers,
        int ffnWidth,
        double decoderDropout,
        CoverageMode coverage,
        int coverageChannels,
        int coverageKernel,
        double inputScale) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    public ModelConfig {
        positive("growthRate", growthRate);
        positive("denseDepth", denseDepth);
        positive("bottleneckWidth", bottleneckWidth);
        positive("dModel", dModel);
        positive("heads", heads);
        positive("decoderLayers", decoderLayers);
        positive("ffnWidth", ffnWidth);
        if (coverage == null) {
            throw new IllegalArgumentException("coverage mode missing (one of SELF, CROSS, FUSION, NONE)");
        }
        if (coverage != CoverageMode.NONE) {
            positive("coverageChannels", coverageChannels);
            if (coverageKernel < 1 || coverageKernel % 2 == 0) {
                throw new IllegalArgumentException("coverageKernel must be odd and positive: " + coverageKernel);
            }
        }
        if (dModel % heads != 0) {
            throw new IllegalArgumentException("dModel " + dModel + " is not a multiple of heads " + heads);
        }
        if (dModel % 4 != 0) {
            throw new IllegalArgumentException("dModel must be a multiple of 4 for the 2-D position encoding: " + dModel);
        }
        dropout("encoderDropout", encoderDropout);
        dropout("decoderDropout", decoderDropout);
        if (!(inputScale > 0 && inputScale <= 4)) {
            throw new IllegalArgumentException("inputScale must be in (0, 4]: " + inputScale);
        }
    }

    /** The published CoMER model (comer.md): 6,389,041 parameters with the 113-token vocabulary. */
    public static ModelConfig reference() {
        return new ModelConfig(24, 16, 96, 0.2, true, 256, 8, 3, 1024, 0.3, CoverageMode.FUSION, 32, 5, 1.0);
    }

    /**
     * The reference with 8 bottleneck layers per dense block instead of 16 (channels
     * 48 -> 240 -> 120 -> 312 -> 156 -> 348; 4,349,233 parameters); decoder unchanged. A training
     * step took 0.45 of the reference's time (BENCHMARKS.md, "Model").
     */
    public static ModelConfig compact() {
        return new ModelConfig(24, 8, 96, 0.2, true, 256, 8, 3, 1024, 0.3, CoverageMode.FUSION, 32, 5, 1.0);
    }

    /**
     * Compact encoder, and images at 3/4 of the reference size (about 0.56 of the pixels); same
     * layers as {@link #compact()}, so the two share weights' shapes. A training step took 0.26 of
     * the reference's time (BENCHMARKS.md, "Model").
     */
    public static ModelConfig compactSmallInput() {
        return compact().withInputScale(0.75);
    }

    /**
     * Every part of the network (dense blocks, transitions, three decoder layers, fusion coverage)
     * with very few weights (51,305): growth 4, 2 bottleneck layers a dense block, d_model 32, 4
     * heads, feed-forward 64. It loads and decodes in milliseconds; for tests, smoke runs and
     * measuring the trainer itself, never for recognition.
     */
    public static ModelConfig tiny() {
        return reference().withGrowth(4, 8).withDenseDepth(2).withDecoder(32, 4, 3, 64).withCoverageChannels(8);
    }

    /** The configuration named {@code reference}, {@code compact}, {@code compact-small-input} or {@code tiny}. */
    public static ModelConfig named(String name) {
        return switch (name) {
            case "reference" -> reference();
            case "compact" -> compact();
            case "compact-small-input" -> compactSmallInput();
            case "tiny" -> tiny();
            default -> throw new IllegalArgumentException(
                    "unknown model configuration '" + name + "' (reference, compact, compact-small-input, tiny)");
        };
    }

    /** Channels after each stage: stem, block 1, transition 1, block 2, transition 2, block 3. */
    public int[] encoderChannels() {
        int stem = 2 * growthRate;
        int b1 = stem + denseDepth * growthRate;
        int t1 = b1 / 2;
        int b2 = t1 + denseDepth * growthRate;
        int t2 = b2 / 2;
        int b3 = t2 + denseDepth * growthRate;
        return new int[] {stem, b1, t1, b2, t2, b3};
    }

    public ModelConfig withDenseDepth(int depth) {
        return new ModelConfig(growthRate, depth, bottleneckWidth, encoderDropout, maskedEncoder, dModel, heads,
                decoderLayers, ffnWidth, decoderDropout, coverage, coverageChannels, coverageKernel, inputScale);
    }

    public ModelConfig withGrowth(int growth, int bottleneck) {
        return new ModelConfig(growth, denseDepth, bottleneck, encoderDropout, maskedEncoder, dModel, heads,
                decoderLayers, ffnWidth, decoderDropout, coverage, coverageChannels, coverageKernel, inputScale);
    }

    public ModelConfig withDecoder(int dModel, int heads, int layers, int ffnWidth) {
        return new ModelConfig(growthRate, denseDepth, bottleneckWidth, encoderDropout, maskedEncoder, dModel, heads,
                layers, ffnWidth, decoderDropout, coverage, coverageChannels, coverageKernel, inputScale);
    }

    public ModelConfig withCoverage(CoverageMode mode) {
        return new ModelConfig(growthRate, denseDepth, bottleneckWidth, encoderDropout, maskedEncoder, dModel, heads,
                decoderLayers, ffnWidth, decoderDropout, mode, coverageChannels, coverageKernel, inputScale);
    }

    public ModelConfig withCoverageChannels(int channels) {
        return new ModelConfig(growthRate, denseDepth, bottleneckWidth, encoderDropout, maskedEncoder, dModel, heads,
                decoderLayers, ffnWidth, decoderDropout, coverage, channels, coverageKernel, inputScale);
    }

    public ModelConfig withCoverageKernel(int kernel) {
        return new ModelConfig(growthRate, denseDepth, bottleneckWidth, encoderDropout, maskedEncoder, dModel, heads,
                decoderLayers, ffnWidth, decoderDropout, coverage, coverageChannels, kernel, inputScale);
    }

    public ModelConfig withDropout(double encoder, double decoder) {
        return new ModelConfig(growthRate, denseDepth, bottleneckWidth, encoder, maskedEncoder, dModel, heads,
                decoderLayers, ffnWidth, decoder, coverage, coverageChannels, coverageKernel, inputScale);
    }

    public ModelConfig withMaskedEncoder(boolean masked) {
        return new ModelConfig(growthRate, denseDepth, bottleneckWidth, encoderDropout, masked, dModel, heads,
                decoderLayers, ffnWidth, decoderDropout, coverage, coverageChannels, coverageKernel, inputScale);
    }

    public ModelConfig withInputScale(double scale) {
        return new ModelConfig(growthRate, denseDepth, bottleneckWidth, encoderDropout, maskedEncoder, dModel, heads,
                decoderLayers, ffnWidth, decoderDropout, coverage, coverageChannels, coverageKernel, scale);
    }

    /** This configuration as one JSON object. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a model configuration as JSON", e);
        }
    }

    /** Reads {@link #toJson()}'s output; every field is required. */
    public static ModelConfig fromJson(String json) {
        try {
            return JSON.readValue(json, ModelConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a model configuration: " + e.getOriginalMessage(), e);
        }
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void dropout(String name, double p) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1): " + p);
        }
    }
}
