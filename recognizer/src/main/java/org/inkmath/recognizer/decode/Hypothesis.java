package org.inkmath.recognizer.decode;

import java.util.Arrays;

/**
 * One decoded token sequence, in reading order (left to right) whatever the direction it was
 * decoded in.
 *
 * @param tokens                token ids, without start and end tokens
 * @param tokenLogProbabilities the log-probability of each token when it was emitted (reading order)
 * @param endLogProbability     the log-probability of the end token; 0 when unfinished
 * @param finished              whether the end token came before the length limit
 * @param direction             the direction that decoded it
 * @param score                 the ranking score: the length-normalised log-probability, or after
 *                              bidirectional rescoring the sum of both directions' normalised scores
 * @param attention             per token, the attention over the feature map when it was emitted
 *                              ([tokens][cells], reading order); null unless requested
 */
public record Hypothesis(int[] tokens, float[] tokenLogProbabilities, float endLogProbability, boolean finished,
                         Direction direction, double score, float[][] attention) {

    public Hypothesis {
        tokens = tokens.clone();
        tokenLogProbabilities = tokenLogProbabilities.clone();
        if (tokens.length != tokenLogProbabilities.length) {
            throw new IllegalArgumentException("one log-probability per token");
        }
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    @Override
    public float[] tokenLogProbabilities() {
        return tokenLogProbabilities.clone();
    }

    /** The summed log-probability of the tokens and the end token. */
    public double logProbability() {
        double sum = endLogProbability;
        for (float p : tokenLogProbabilities) {
            sum += p;
        }
        return sum;
    }

    /** The score as the beam search ranks it: log-probability over (tokens + 1)^alpha. */
    static double normalised(double logProbability, int tokens, double lengthPenalty) {
        return logProbability / Math.pow(tokens + 1, lengthPenalty);
    }

    Hypothesis withScore(double s) {
        return new Hypothesis(tokens, tokenLogProbabilities, endLogProbability, finished, direction, s, attention);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hypothesis h && Arrays.equals(tokens, h.tokens)
                && Arrays.equals(tokenLogProbabilities, h.tokenLogProbabilities)
                && endLogProbability == h.endLogProbability && finished == h.finished && direction == h.direction
                && Double.compare(score, h.score) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tokens) * 31 + direction.hashCode();
    }

    @Override
    public String toString() {
        return "Hypothesis" + Arrays.toString(tokens) + " " + direction + " score " + score
                + (finished ? "" : " (unfinished)");
    }
}
