package org.inkmath.recognizer.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.EncodedImages;
import org.inkmath.recognizer.model.StepDecoder;

/**
 * Turns one encoded image into ranked token sequences with a chosen {@link Strategy}: greedy, a
 * left-to-right beam, or the bidirectional beam search of comer.md (a beam in each direction,
 * every hypothesis rescored by the opposite direction, the two length-normalised scores added,
 * the best of both beams first). Optionally grammar-constrained: tokens that would make the
 * output impossible to complete as a formula are never chosen. Immutable and thread-safe (each
 * call has its own decoder state). Example:
 * <pre>{@code
 * Decoder decoder = new Decoder(model);
 * try (EncodedImages encoded = model.encode(ImageBatch.of(List.of(image)))) {
 *     List<Hypothesis> best = decoder.decode(encoded, Strategy.BIDIRECTIONAL, BeamSearch.Settings.comer(), false, false);
 * }
 * }</pre>
 */
public final class Decoder {

    /** How to search. */
    public enum Strategy {
        /** The most likely token at each step, left to right: the fastest. */
        GREEDY,
        /** A left-to-right beam. */
        BEAM,
        /** A beam in each direction, rescored by the opposite direction (comer.md). */
        BIDIRECTIONAL
    }

    private final ComerModel model;
    private final GrammarConstraint leftToRight;
    private final GrammarConstraint rightToLeft;

    public Decoder(ComerModel model) {
        this.model = model;
        this.leftToRight = GrammarConstraint.of(Direction.LEFT_TO_RIGHT, model.vocabulary());
        this.rightToLeft = GrammarConstraint.of(Direction.RIGHT_TO_LEFT, model.vocabulary());
    }

    /**
     * Decodes the single image of {@code image}; hypotheses best first (at most the beam size, or
     * twice it for the bidirectional search, duplicates merged). With {@code attention} each
     * token keeps its attention map.
     */
    public List<Hypothesis> decode(EncodedImages image, Strategy strategy, BeamSearch.Settings settings,
                                   boolean constrained, boolean attention) {
        return decode(image, strategy, settings, constrained, attention, true);
    }

    /**
     * As {@link #decode}, but re-running every prefix at every step instead of caching keys,
     * values and coverage (the reference's way): the baseline of the decoding benchmark.
     */
    List<Hypothesis> decodeWithoutCache(EncodedImages image, Strategy strategy, BeamSearch.Settings settings,
                                        boolean constrained) {
        return decode(image, strategy, settings, constrained, false, false);
    }

    private List<Hypothesis> decode(EncodedImages image, Strategy strategy, BeamSearch.Settings settings,
                                    boolean constrained, boolean attention, boolean cached) {
        if (image.size() != 1) {
            throw new IllegalArgumentException("decode one image at a time, not " + image.size());
        }
        BeamSearch.Settings s = strategy == Strategy.GREEDY
                ? new BeamSearch.Settings(1, settings.maxLength(), settings.lengthPenalty()) : settings;
        List<Direction> directions = strategy == Strategy.BIDIRECTIONAL
                ? List.of(Direction.LEFT_TO_RIGHT, Direction.RIGHT_TO_LEFT) : List.of(Direction.LEFT_TO_RIGHT);
        List<Optional<GrammarConstraint>> grammars = new ArrayList<>();
        for (Direction d : directions) {
            grammars.add(!constrained ? Optional.empty()
                    : Optional.of(d == Direction.LEFT_TO_RIGHT ? leftToRight : rightToLeft));
        }
        TokenScorer scorer;
        if (cached) {
            // both directions' beams share one step decoder: one batched call a step for both
            StepDecoder steps = model.startDecoding(image, new int[directions.size()]);
            steps.recordAttention(attention);
            scorer = TokenScorer.cached(steps);
        } else {
            scorer = new PrefixRerun(model, image, directions.size());
        }
        List<Hypothesis> out = new ArrayList<>();
        try (scorer) {
            BeamSearch.searchAll(scorer, directions, s, grammars, attention && cached).forEach(out::addAll);
        }
        return strategy == Strategy.BIDIRECTIONAL ? rescore(image, out, s.lengthPenalty()) : out;
    }

    /**
     * Adds to each hypothesis's score the opposite direction's length-normalised log-probability
     * of the same tokens (teacher-forced, all hypotheses in one call); merges hypotheses with the
     * same tokens (keeping the better); best first.
     */
    private List<Hypothesis> rescore(EncodedImages image, List<Hypothesis> hypotheses, double lengthPenalty) {
        if (hypotheses.isEmpty()) {
            return hypotheses;
        }
        int[][] inputs = new int[hypotheses.size()][];
        int[][] outputs = new int[hypotheses.size()][];
        for (int i = 0; i < inputs.length; i++) {
            Hypothesis h = hypotheses.get(i);
            Direction opposite = h.direction().opposite();
            int[] emitted = opposite.reorder(h.tokens());
            inputs[i] = new int[emitted.length + 1];
            inputs[i][0] = opposite.startToken();
            System.arraycopy(emitted, 0, inputs[i], 1, emitted.length);
            outputs[i] = Arrays.copyOf(emitted, emitted.length + 1);
            outputs[i][emitted.length] = opposite.endToken();
        }
        float[][][] logProbs = model.logProbabilities(image, inputs);
        Map<String, Hypothesis> best = new LinkedHashMap<>();
        for (int i = 0; i < inputs.length; i++) {
            double sum = 0;
            for (int k = 0; k < outputs[i].length; k++) {
                sum += logProbs[i][k][outputs[i][k]];
            }
            Hypothesis h = hypotheses.get(i);
            Hypothesis rescored = h.withScore(h.score()
                    + Hypothesis.normalised(sum, outputs[i].length - 1, lengthPenalty));
            best.merge(Arrays.toString(h.tokens()), rescored, (a, b) -> b.score() > a.score() ? b : a);
        }
        List<Hypothesis> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparingDouble(Hypothesis::score).reversed());
        return out;
    }
}
