package org.inkmath.recognizer.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
     * One beam of a joint search: its direction and grammar (null: unconstrained), its live
     * hypotheses (rows {@code offset..offset + live.size() - 1} of the scorer this step) and its
     * finished ones.
     */
    private static final class Beam {
        final Direction direction;
        final GrammarConstraint grammar;
        List<Live> live = new ArrayList<>();
        final List<Hypothesis> finished = new ArrayList<>();
        /** No more steps: every kept extension ended (its last live ones stay for the fallback). */
        boolean done;
        int offset;

        Beam(Direction direction, GrammarConstraint grammar, boolean attention) {
            this.direction = direction;
            this.grammar = grammar;
            live.add(new Live(new int[0], new float[0], 0, grammar == null ? null : grammar.start(),
                    attention ? new float[0][] : null));
        }
    }

    /**
     * Searches in one direction; returns the finished hypotheses best first (at most
     * {@code beamSize}), or, when none finished within the limit, the live ones marked
     * unfinished. {@code grammar} may be null (unconstrained); with {@code attention} each token
     * keeps its attention map (the scorer must record it). The scorer starts with one row.
     */
    static List<Hypothesis> search(TokenScorer scorer, Direction direction, Settings settings,
                                   GrammarConstraint grammar, boolean attention) {
        return searchAll(scorer, List.of(direction), settings, List.of(Optional.ofNullable(grammar)), attention)
                .get(0);
    }

    /**
     * Independent beams, one per direction given, run in lockstep over one scorer: each step
     * scores the live hypotheses of all of them in one batched call, so a bidirectional search
     * costs about as many calls as its longer direction rather than the sum of both. The scorer
     * starts with one row per beam (row i for beam i). Each beam's result is what {@link #search}
     * would give it alone.
     */
    static List<List<Hypothesis>> searchAll(TokenScorer scorer, List<Direction> directions, Settings settings,
                                            List<Optional<GrammarConstraint>> grammars, boolean attention) {
        List<Beam> beams = new ArrayList<>();
        for (int i = 0; i < directions.size(); i++) {
            beams.add(new Beam(directions.get(i), grammars.get(i).orElse(null), attention));
        }
        for (int t = 0; t < settings.maxLength(); t++) {
            List<Integer> feed = new ArrayList<>();
            for (Beam b : beams) {
                b.offset = feed.size();
                if (!b.done) {
                    for (Live l : b.live) {
                        feed.add(l.last(b.direction));
                    }
                }
            }
            float[][] logProbs = scorer.step(feed.stream().mapToInt(Integer::intValue).toArray());
            float[][] maps = attention ? scorer.attention() : null;
            List<Integer> rows = new ArrayList<>();
            for (Beam b : beams) {
                rows.addAll(advance(b, logProbs, maps, settings));
            }
            if (rows.isEmpty()) {
                break; // every beam is full of finished hypotheses
            }
            scorer.reorder(rows.stream().mapToInt(Integer::intValue).toArray());
        }
        List<List<Hypothesis>> out = new ArrayList<>();
        for (Beam b : beams) {
            if (b.finished.isEmpty()) {
                for (Live l : b.live) {
                    b.finished.add(hypothesis(l, 0, false, b.direction, settings));
                }
            }
            b.finished.sort(Comparator.comparingDouble(Hypothesis::score).reversed());
            out.add(b.finished.size() > settings.beamSize() ? List.copyOf(b.finished.subList(0, settings.beamSize()))
                    : List.copyOf(b.finished));
        }
        return out;
    }

    /**
     * One step of one beam: keeps the best extensions of its live hypotheses (rows
     * {@code b.offset...} of this step's scores), finishing those that end; returns the scorer rows
     * that its new live hypotheses continue, in order (none when it is done).
     */
    private static List<Integer> advance(Beam b, float[][] logProbs, float[][] maps, Settings settings) {
        List<Integer> rows = new ArrayList<>();
        if (b.done) {
            return rows;
        }
        List<Candidate> candidates = candidates(b.live, logProbs, b.offset, b.direction, b.grammar);
        List<Live> next = new ArrayList<>();
        int width = settings.beamSize() - b.finished.size();
        for (Candidate c : candidates.subList(0, Math.min(width, candidates.size()))) {
            Live from = b.live.get(c.row());
            int row = b.offset + c.row();
            float p = logProbs[row][c.token()];
            if (c.token() == b.direction.endToken()) {
                b.finished.add(hypothesis(from, p, true, b.direction, settings));
                continue;
            }
            int[] tokens = Arrays.copyOf(from.tokens(), from.tokens().length + 1);
            tokens[tokens.length - 1] = c.token();
            float[] lp = Arrays.copyOf(from.logProbs(), from.logProbs().length + 1);
            lp[lp.length - 1] = p;
            float[][] att = null;
            if (maps != null) {
                att = Arrays.copyOf(from.attention(), from.attention().length + 1);
                att[att.length - 1] = maps[row];
            }
            next.add(new Live(tokens, lp, c.sum(), b.grammar == null ? null : b.grammar.advance(from.grammar(), c.token()),
                    att));
            rows.add(row);
        }
        if (next.isEmpty()) {
            b.done = true;
        } else {
            b.live = next;
        }
        return rows;
    }

    /** Every allowed extension of every live hypothesis (scores at rows offset...), best first. */
    private static List<Candidate> candidates(List<Live> live, float[][] logProbs, int offset, Direction direction,
                                              GrammarConstraint grammar) {
        List<Candidate> out = new ArrayList<>();
        for (int r = 0; r < live.size(); r++) {
            Live l = live.get(r);
            float[] scores = logProbs[offset + r];
            for (int v = 0; v < scores.length; v++) {
                if (v == Vocabulary.PAD || v == direction.startToken()) {
                    continue;
                }
                if (grammar != null && !grammar.allows(l.grammar(), v)) {
                    continue;
                }
                out.add(new Candidate(r, v, l.sum() + scores[v]));
            }
        }
        out.sort(Comparator.comparingDouble(Candidate::sum).reversed()
                .thenComparingInt(Candidate::row).thenComparingInt(Candidate::token));
        return out;
    }

    private static Hypothesis hypothesis(Live l, float endLogProb, boolean finished, Direction d, Settings s) {
        double sum = l.sum() + endLogProb;
        float[][] att = l.attention() == null ? null : d.reorder(l.attention());
        return new Hypothesis(d.reorder(l.tokens()), d.reorder(l.logProbs()), endLogProb, finished, d,
                Hypothesis.normalised(sum, l.tokens().length, s.lengthPenalty()), att);
    }
}
