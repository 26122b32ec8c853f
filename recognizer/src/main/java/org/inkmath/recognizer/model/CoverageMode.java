package org.inkmath.recognizer.model;

/**
 * Which attention maps feed the attention refinement module (ARM) of decoder layers 2 and up.
 * {@code FUSION} is the reference: the previous layer's refined attention and the layer's own
 * attention, stacked (2 x heads channels). {@code NONE} removes the ARM and its parameters
 * (a plain Transformer decoder, as in BTTR). Example: {@code ModelConfig.reference().withCoverage(CoverageMode.SELF)}.
 */
public enum CoverageMode {
    /** The layer's own attention only (heads channels). */
    SELF,
    /** The previous layer's refined attention only (heads channels). */
    CROSS,
    /** Both, previous layer's first (2 x heads channels): the reference. */
    FUSION,
    /** No attention refinement. */
    NONE;

    /** Channels entering the ARM's first convolution. */
    int inputChannels(int heads) {
        return switch (this) {
            case SELF, CROSS -> heads;
            case FUSION -> 2 * heads;
            case NONE -> 0;
        };
    }

    boolean usesCross() {
        return this == CROSS || this == FUSION;
    }

    boolean usesSelf() {
        return this == SELF || this == FUSION;
    }
}
