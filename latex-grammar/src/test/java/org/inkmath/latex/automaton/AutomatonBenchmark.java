package org.inkmath.latex.automaton;

import org.inkmath.latex.CrohmeCaptions;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.Vocabulary;
import org.inkmath.latex.automaton.PrefixAutomaton.Mode;
import org.inkmath.latex.automaton.PrefixAutomaton.State;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Speed of constrained decoding and repair over the CROHME captions. Run with
 * {@code mvn -B -o -Pbenchmarks test -pl latex-grammar -Dtest=AutomatonBenchmark}; the figures
 * go to standard output and into BENCHMARKS.md by hand.
 */
@Tag("benchmark")
class AutomatonBenchmark {

    private static final Vocabulary VOCABULARY = Vocabulary.crohme();

    @Test
    void decodingStepsAndRepairs() {
        List<TokenSequence> captions = CrohmeCaptions.tokens();
        List<int[]> encoded = captions.stream().map(VOCABULARY::encode).toList();
        long tokens = encoded.stream().mapToLong(ids -> ids.length + 1).sum();
        System.out.printf("captions: %d, decoding steps (tokens + <eos>): %d%n", captions.size(), tokens);
        // Best of five measurements per mode (after a warm-up), modes interleaved: the shared machine is noisy.
        double[][] best = new double[Mode.values().length][2];
        for (double[] b : best) {
            Arrays.fill(b, Double.MAX_VALUE);
        }
        float[] logits = new float[VOCABULARY.size()];
        long check = 0;
        for (int trial = 0; trial < 6; trial++) {
            for (Mode mode : Mode.values()) {
                PrefixAutomaton automaton = PrefixAutomaton.crohme(mode);
                int rounds = 10;
                long start = System.nanoTime();
                for (int round = 0; round < rounds; round++) {
                    check += decode(automaton, encoded, null);
                }
                double stepNs = (System.nanoTime() - start) / (double) (rounds * tokens);
                start = System.nanoTime();
                for (int round = 0; round < rounds; round++) {
                    check += decode(automaton, encoded, logits);
                }
                double maskedNs = (System.nanoTime() - start) / (double) (rounds * tokens);
                if (trial > 0) { // the first trial warms up
                    best[mode.ordinal()][0] = Math.min(best[mode.ordinal()][0], stepNs);
                    best[mode.ordinal()][1] = Math.min(best[mode.ordinal()][1], maskedNs);
                }
            }
        }
        assertTrue(check > 0);
        for (Mode mode : Mode.values()) {
            System.out.printf("%s: %.1f ns per step (allowed + advance), %.1f ns with masking 113 logits%n",
                    mode, best[mode.ordinal()][0], best[mode.ordinal()][1]);
        }
        for (Mode mode : Mode.values()) {
            // Right to left (Earley sets): every caption fed from its last token to its first.
            RightToLeftAutomaton rtl = new RightToLeftAutomaton(mode, VOCABULARY);
            double rtlNs = Double.MAX_VALUE;
            for (int trial = 0; trial < 4; trial++) {
                long start = System.nanoTime();
                long sum = 0;
                for (int[] ids : encoded) {
                    RightToLeftAutomaton.State state = rtl.start();
                    for (int i = ids.length - 1; i >= 0; i--) {
                        sum += rtl.allowed(state).size();
                        state = rtl.advance(state, ids[i]);
                    }
                    sum += rtl.allowed(state).contains(Vocabulary.EOS) ? 1 : 0;
                }
                assertTrue(sum > 0);
                if (trial > 0) {
                    rtlNs = Math.min(rtlNs, (System.nanoTime() - start) / (double) tokens);
                }
            }
            System.out.printf("%s right to left: %.0f ns per step (allowed + advance)%n", mode, rtlNs);
        }
        for (Mode mode : Mode.values()) {
            Repair repair = Repair.crohme(mode);
            List<TokenSequence> mutated = mutate(captions, new Random(1), 3000);
            for (TokenSequence input : mutated.subList(0, 1000)) {
                repair.repair(input); // warm-up
            }
            long edits = 0;
            int changed = 0;
            double seconds = Double.MAX_VALUE;
            for (int trial = 0; trial < 3; trial++) {
                long start = System.nanoTime();
                edits = 0;
                changed = 0;
                for (TokenSequence input : mutated) {
                    RepairResult result = repair.repair(input);
                    edits += result.editCount();
                    changed += result.wasRepaired() ? 1 : 0;
                }
                seconds = Math.min(seconds, (System.nanoTime() - start) / 1e9);
            }
            int meanLength = (int) mutated.stream().mapToInt(TokenSequence::size).average().orElse(0);
            System.out.printf("%s repair: %.0f repairs/s on %d mutated captions (mean %d tokens, 1-3 mutations; %d needed edits, %.2f edits each)%n",
                    mode, mutated.size() / seconds, mutated.size(), meanLength, changed, edits / (double) Math.max(1, changed));
            long start = System.nanoTime();
            for (TokenSequence caption : captions) {
                repair.repair(caption);
            }
            System.out.printf("%s repair of valid captions (fast path): %.0f per second%n", mode,
                    captions.size() / ((System.nanoTime() - start) / 1e9));
            for (int length : new int[] {30, 1000}) {
                List<TokenSequence> garbage = garbage(new Random(2), length, length == 30 ? 1000 : 5);
                start = System.nanoTime();
                long garbageEdits = 0;
                for (TokenSequence input : garbage) {
                    garbageEdits += repair.repair(input).editCount();
                }
                double ms = (System.nanoTime() - start) / 1e6 / garbage.size();
                System.out.printf("%s repair of random %d-token sequences: %.2f ms each (%.1f edits each)%n",
                        mode, length, ms, garbageEdits / (double) garbage.size());
            }
        }
    }

    /** Runs every caption through the automaton as a decoder would; returns a checksum. */
    private static long decode(PrefixAutomaton automaton, List<int[]> encoded, float[] logits) {
        long sum = 0;
        for (int[] ids : encoded) {
            State state = automaton.start();
            for (int id : ids) {
                TokenSet allowed = automaton.allowed(state);
                if (logits != null) {
                    allowed.maskLogits(logits);
                }
                sum += allowed.size();
                state = automaton.advance(state, id);
            }
            sum += automaton.allowed(state).contains(Vocabulary.EOS) ? 1 : 0;
        }
        return sum;
    }

    /** Uniformly random vocabulary tokens (no special tokens). */
    private static List<TokenSequence> garbage(Random random, int length, int count) {
        List<String> vocabulary = VOCABULARY.tokens().subList(3, VOCABULARY.size());
        List<TokenSequence> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                tokens.add(vocabulary.get(random.nextInt(vocabulary.size())));
            }
            out.add(new TokenSequence(tokens));
        }
        return out;
    }

    private static List<TokenSequence> mutate(List<TokenSequence> captions, Random random, int count) {
        List<String> vocabulary = VOCABULARY.tokens().subList(3, VOCABULARY.size());
        List<TokenSequence> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            List<String> tokens = new ArrayList<>(captions.get(random.nextInt(captions.size())).tokens());
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                int kind = random.nextInt(3);
                if (kind == 0 && !tokens.isEmpty()) {
                    tokens.remove(random.nextInt(tokens.size()));
                } else if (kind == 1) {
                    tokens.add(random.nextInt(tokens.size() + 1), vocabulary.get(random.nextInt(vocabulary.size())));
                } else if (tokens.size() >= 2) {
                    int i = random.nextInt(tokens.size() - 1);
                    Collections.swap(tokens, i, i + 1);
                }
            }
            out.add(new TokenSequence(tokens));
        }
        return out;
    }
}
