package org.inkmath.recognizer.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.inkmath.latex.Vocabulary;

/**
 * Beam search in one direction over a {@link TokenScorer}: every step scores all live hypotheses
 * in one batched call, extends them by every allowed token, and keeps the best k extensions (by
 * summed log-probability, ties to the lower row and token id, so it is deterministic), k being
 * the beam size less the hypotheses finished so far: an extension by the end token finishes its
 * hypothesis and the beam narrows by one (as BTTR and CoMER decode). The search ends when
 * {@code beamSize} hypotheses have finished or after {@code maxLength} steps; finished ones are
 * ranked by their log-probability over (tokens + 1)^lengthPenalty. A beam of 1 is greedy decoding.
 */
public final class BeamSearch {

    /**
     * @param beamSize      hypotheses kept per step (1: greedy)
     * @param maxLength     most tokens, the end token not counted
     * @param lengthPenalty alpha of the length normalisation (0: none)
     */
    public record Settings(int beamSize, int maxLength, double lengthPenalty) {
        public Settings {
            if (beamSize < 1 || beamSize > 100) {
                throw new IllegalArgumentException("beam size must be 1 to 100: " + beamSize);
            }
            if (maxLength < 1) {
                throw new IllegalArgumentException("the length limit must be at least 1: " + maxLength);
            }
            if (!(lengthPenalty >= 0 && lengthPenalty <= 10)) {
                throw new IllegalArgumentException("the length penalty must be 0 to 10: " + lengthPenalty);
            }
        }

        /** comer.md: beam 10, at most 200 tokens, alpha 1. */
        public static Settings comer() {
            return new Settings(10, 200, 1.0);
        }
    }

    private BeamSearch() {
    }

    /** A live hypothesis: emitted tokens (emission order), their log-probabilities, grammar state. */
    private record Live(int[] tokens, float[] logProbs, double sum, Object grammar, float[][] attention) {
        int last(Direction d) {
            return tokens.length == 0 ? d.startToken() : tokens[tokens.length - 1];
        }
    }

    private record Candidate(int row, int token, double sum) {
    }

    /**
     * Searches; returns the finished hypotheses best first (at most {@code beamSize}), or, when
     * none finished within the limit, the live ones marked unfinished. {@code grammar} may be null
     * (unconstrained); with {@code attention} each token keeps its attention map (the scorer must
     * record it).
     */
    static List<Hypothesis> search(TokenScorer scorer, Direction direction, Settings settings,
                                   GrammarConstraint grammar, boolean attention) {
        List<Live> live = new ArrayList<>();
        live.add(new Live(new int[0], new float[0], 0, grammar == null ? null : grammar.start(),
                attention ? new float[0][] : null));
        List<Hypothesis> finished = new ArrayList<>();
        for (int t = 0; t < settings.maxLength(); t++) {
            int[] feed = new int[live.size()];
            for (int r = 0; r < feed.length; r++) {
                feed[r] = live.get(r).last(direction);
            }
            float[][] logProbs = scorer.step(feed);
            float[][] maps = attention ? scorer.attention() : null;
            List<Candidate> candidates = candidates(live, logProbs, direction, grammar);
            List<Live> next = new ArrayList<>();
            List<Integer> rows = new ArrayList<>();
            int width = settings.beamSize() - finished.size();
            for (Candidate c : candidates.subList(0, Math.min(width, candidates.size()))) {
                Live from = live.get(c.row());
                float p = logProbs[c.row()][c.token()];
                if (c.token() == direction.endToken()) {
                    finished.add(hypothesis(from, p, true, direction, settings));
                    continue;
                }
                int[] tokens = Arrays.copyOf(from.tokens(), from.tokens().length + 1);
                tokens[tokens.length - 1] = c.token();
                float[] lp = Arrays.copyOf(from.logProbs(), from.logProbs().length + 1);
                lp[lp.length - 1] = p;
                float[][] att = null;
                if (attention) {
                    att = Arrays.copyOf(from.attention(), from.attention().length + 1);
                    att[att.length - 1] = maps[c.row()];
                }
                next.add(new Live(tokens, lp, c.sum(), grammar == null ? null : grammar.advance(from.grammar(), c.token()),
                        att));
                rows.add(c.row());
            }
            if (next.isEmpty()) {
                break; // the beam is full of finished hypotheses
            }
            live = next;
            scorer.reorder(rows.stream().mapToInt(Integer::intValue).toArray());
        }
        if (finished.isEmpty()) {
            for (Live l : live) {
                finished.add(hypothesis(l, 0, false, direction, settings));
            }
        }
        finished.sort(Comparator.comparingDouble(Hypothesis::score).reversed());
        return finished.size() > settings.beamSize() ? List.copyOf(finished.subList(0, settings.beamSize()))
                : List.copyOf(finished);
    }

    /** Every allowed extension of every live hypothesis, best first. */
    private static List<Candidate> candidates(List<Live> live, float[][] logProbs, Direction direction,
                                              GrammarConstraint grammar) {
        List<Candidate> out = new ArrayList<>();
        for (int r = 0; r < live.size(); r++) {
            Live l = live.get(r);
            for (int v = 0; v < logProbs[r].length; v++) {
                if (v == Vocabulary.PAD || v == direction.startToken()) {
                    continue;
                }
                if (grammar != null && !grammar.allows(l.grammar(), v)) {
                    continue;
                }
                out.add(new Candidate(r, v, l.sum() + logProbs[r][v]));
            }
        }
        out.sort(Comparator.comparingDouble(Candidate::sum).reversed()
                .thenComparingInt(Candidate::row).thenComparingInt(Candidate::token));
        return out;
    }

    private static Hypothesis hypothesis(Live l, float endLogProb, boolean finished, Direction d, Settings s) {
        double sum = l.sum() + endLogProb;
        float[][] att = null;
        if (l.attention() != null) {
            att = l.attention().clone();
            if (d == Direction.RIGHT_TO_LEFT) {
                java.util.Collections.reverse(Arrays.asList(att));
            }
        }
        float[] lp = l.logProbs().clone();
        if (d == Direction.RIGHT_TO_LEFT) {
            for (int i = 0, j = lp.length - 1; i < j; i++, j--) {
                float x = lp[i];
                lp[i] = lp[j];
                lp[j] = x;
            }
        }
        return new Hypothesis(d.reorder(l.tokens()), lp, endLogProb, finished, d,
                Hypothesis.normalised(sum, l.tokens().length, s.lengthPenalty()), att);
    }
}
