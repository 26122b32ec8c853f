package org.inkmath.recognizer;

import java.util.List;

/**
 * What a {@link Recognizer} read: the best formula and its alternatives.
 *
 * @param latex        the best formula as LaTeX (tokens separated by spaces); always validates
 * @param tokens       its tokens
 * @param score        its ranking score (higher is better; see {@link RecognizerOptions})
 * @param confidence   the probability of the whole token sequence in the decoding direction that
 *                     found it, as a geometric mean per token (0 to 1)
 * @param tokenConfidence per token the decoder emitted (before any repair), the probability the
 *                     model gave it (0 to 1)
 * @param valid        whether the decoder's own output validated, before any repair
 * @param repaired     whether {@link #latex} is a repair of the decoder's output (fewest edits)
 * @param alternatives the n-best list, the best one first, each validating
 * @param attention    per token, where the model looked; null unless asked for
 * @param timings      where the time went
 */
public record Recognition(String latex, List<String> tokens, double score, double confidence,
                          List<Double> tokenConfidence, boolean valid, boolean repaired, List<Alternative> alternatives,
                          AttentionMaps attention, Timings timings) {

    public Recognition {
        tokens = List.copyOf(tokens);
        tokenConfidence = List.copyOf(tokenConfidence);
        alternatives = List.copyOf(alternatives);
    }

    /**
     * One of the n-best results.
     *
     * @param latex    LaTeX that validates
     * @param score    its ranking score
     * @param repaired whether the decoder's output needed a repair to validate
     */
    public record Alternative(String latex, double score, boolean repaired) {
    }

    /**
     * Attention maps of the best result: for each of its tokens, weights over a grid of
     * {@code height x width} cells that covers the model's input image (each cell 16 x 16 pixels,
     * the grid rounded up), row-major, summing to 1.
     *
     * @param imageWidth  the model input's width in pixels
     * @param imageHeight the model input's height in pixels
     */
    public record AttentionMaps(int height, int width, int imageWidth, int imageHeight, List<float[]> perToken) {
        public AttentionMaps {
            perToken = List.copyOf(perToken);
        }
    }

    /**
     * Milliseconds spent: preparing the picture (rasterising ink or reading an image), encoding
     * it, decoding (searches, rescoring) and checking or repairing the output; and in all.
     */
    public record Timings(double prepareMs, double encodeMs, double decodeMs, double checkMs, double totalMs) {
    }
}
