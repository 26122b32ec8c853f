package org.inkmath.recognizer.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.inkmath.latex.Vocabulary;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.ImageBatch;
import org.inkmath.recognizer.model.StepDecoder;

/**
 * Greedy left-to-right decoding: from {@code <sos>}, feed back the most likely token until
 * {@code <eos>} or a length limit, all images of a batch at once (one row each, cached keys and
 * values, so a step costs one position). Cheap and deterministic: what the trainer validates
 * with. Example:
 * <pre>{@code
 * List<GreedyDecoder.Result> out = GreedyDecoder.decode(model, ImageBatch.of(images), 200);
 * int[] ids = out.get(0).tokens();   // without <sos>/<eos>
 * }</pre>
 */
public final class GreedyDecoder {

    /**
     * One image's result: the token ids (no {@code <sos>}/{@code <eos>}), their summed
     * log-probability (the {@code <eos>} included when reached) and whether {@code <eos>} came
     * before the length limit.
     */
    public record Result(int[] tokens, double logProbability, boolean finished) {
        public Result {
            tokens = tokens.clone();
        }

        @Override
        public int[] tokens() {
            return tokens.clone();
        }
    }

    private GreedyDecoder() {
    }

    /** Decodes every image of the batch, at most {@code maxLength} tokens each. */
    public static List<Result> decode(ComerModel model, ImageBatch images, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1: " + maxLength);
        }
        int n = images.size();
        int[] imageOfRow = new int[n];
        for (int i = 0; i < n; i++) {
            imageOfRow[i] = i;
        }
        List<List<Integer>> tokens = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tokens.add(new ArrayList<>());
        }
        double[] score = new double[n];
        boolean[] done = new boolean[n];
        try (StepDecoder decoder = model.startDecoding(images, imageOfRow)) {
            int[] feed = new int[n];
            Arrays.fill(feed, Vocabulary.SOS);
            for (int t = 0; t < maxLength; t++) {
                float[][] logProbs = decoder.step(feed);
                boolean allDone = true;
                for (int i = 0; i < n; i++) {
                    if (done[i]) {
                        feed[i] = Vocabulary.EOS; // finished rows keep a valid token; their output is ignored
                        continue;
                    }
                    int best = bestToken(logProbs[i]);
                    score[i] += logProbs[i][best];
                    if (best == Vocabulary.EOS) {
                        done[i] = true;
                    } else {
                        tokens.get(i).add(best);
                        allDone = false;
                    }
                    feed[i] = best;
                }
                if (allDone) {
                    break;
                }
            }
        }
        List<Result> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Result(tokens.get(i).stream().mapToInt(Integer::intValue).toArray(), score[i], done[i]));
        }
        return out;
    }

    /**
     * The most likely token that may be emitted ({@code <pad>} and {@code <sos>} never are); the
     * lowest id on ties, so decoding is deterministic and agrees with a beam of 1.
     */
    static int bestToken(float[] logProbs) {
        int best = Vocabulary.EOS;
        for (int v = Vocabulary.EOS + 1; v < logProbs.length; v++) {
            if (logProbs[v] > logProbs[best]) {
                best = v;
            }
        }
        return best;
    }
}
