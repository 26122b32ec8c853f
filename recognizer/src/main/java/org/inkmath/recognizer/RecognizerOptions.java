package org.inkmath.recognizer;

import org.inkmath.recognizer.decode.BeamSearch;
import org.inkmath.recognizer.decode.Decoder.Strategy;

/**
 * How a {@link Recognizer} decodes. The defaults are comer.md's: the bidirectional beam search
 * with 10 hypotheses each way, at most 200 tokens, length penalty 1, unconstrained (the output
 * is repaired when it does not validate), 5 alternatives. Example:
 * <pre>{@code
 * RecognizerOptions fast = RecognizerOptions.defaults().withStrategy(Strategy.GREEDY);
 * RecognizerOptions strict = RecognizerOptions.defaults().withConstrained(true).withAlternatives(3);
 * }</pre>
 *
 * @param strategy      greedy, a left-to-right beam, or bidirectional with rescoring
 * @param beamSize      hypotheses per direction (1 to 100; ignored by greedy)
 * @param maxLength     most decoding steps per direction
 * @param lengthPenalty alpha of the score: log-probability / (tokens + 1)^alpha
 * @param constrained   never choose a token after which no well-formed formula can follow
 * @param alternatives  how many results to return at most, the best one included (n-best)
 * @param attention     keep each token's attention map over the image (for heatmaps)
 */
public record RecognizerOptions(Strategy strategy, int beamSize, int maxLength, double lengthPenalty,
                                boolean constrained, int alternatives, boolean attention) {

    public RecognizerOptions {
        if (strategy == null) {
            throw new IllegalArgumentException("a decoding strategy is needed");
        }
        new BeamSearch.Settings(beamSize, maxLength, lengthPenalty); // checks the ranges
        if (alternatives < 1 || alternatives > 100) {
            throw new IllegalArgumentException("alternatives must be 1 to 100: " + alternatives);
        }
    }

    public static RecognizerOptions defaults() {
        BeamSearch.Settings c = BeamSearch.Settings.comer();
        return new RecognizerOptions(Strategy.BIDIRECTIONAL, c.beamSize(), c.maxLength(), c.lengthPenalty(), false, 5,
                false);
    }

    BeamSearch.Settings beamSettings() {
        return new BeamSearch.Settings(beamSize, maxLength, lengthPenalty);
    }

    public RecognizerOptions withStrategy(Strategy s) {
        return new RecognizerOptions(s, beamSize, maxLength, lengthPenalty, constrained, alternatives, attention);
    }

    public RecognizerOptions withBeamSize(int n) {
        return new RecognizerOptions(strategy, n, maxLength, lengthPenalty, constrained, alternatives, attention);
    }

    public RecognizerOptions withMaxLength(int n) {
        return new RecognizerOptions(strategy, beamSize, n, lengthPenalty, constrained, alternatives, attention);
    }

    public RecognizerOptions withLengthPenalty(double alpha) {
        return new RecognizerOptions(strategy, beamSize, maxLength, alpha, constrained, alternatives, attention);
    }

    public RecognizerOptions withConstrained(boolean on) {
        return new RecognizerOptions(strategy, beamSize, maxLength, lengthPenalty, on, alternatives, attention);
    }

    public RecognizerOptions withAlternatives(int n) {
        return new RecognizerOptions(strategy, beamSize, maxLength, lengthPenalty, constrained, n, attention);
    }

    public RecognizerOptions withAttention(boolean on) {
        return new RecognizerOptions(strategy, beamSize, maxLength, lengthPenalty, constrained, alternatives, on);
    }
}
