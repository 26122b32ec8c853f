package org.inkmath.latex.automaton;

import org.inkmath.latex.CrohmeCaptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.Vocabulary;
import org.inkmath.latex.automaton.PrefixAutomaton.Mode;
import org.inkmath.latex.automaton.PrefixAutomaton.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Properties of the automaton over many sequences: agreement with the grammar, no dead ends. */
class AutomatonPropertyTest {

    private static final Vocabulary VOCABULARY = Vocabulary.crohme();
    /** One token of every class, plus a second symbol: small enough to enumerate. */
    static final List<String> SMALL_ALPHABET =
            List.of("x", "\\sin", "\\sum", "\\limits", "\\frac", "\\sqrt", "{", "}", "^", "_", "[", "]");

    /** Every sequence of up to 5 tokens of the small alphabet: the automaton agrees with the grammar. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void agreesWithTheGrammarOnEveryShortSequence(Mode mode) {
        PrefixAutomaton automaton = PrefixAutomaton.crohme(mode);
        ReferenceRecognizer reference = new ReferenceRecognizer(mode == Mode.CANONICAL);
        int[] alphabet = SMALL_ALPHABET.stream().mapToInt(t -> VOCABULARY.id(t).orElseThrow()).toArray();
        int accepted = 0;
        int checked = 0;
        for (int length = 0; length <= 5; length++) {
            int[] digits = new int[length];
            int[] ids = new int[length];
            List<String> tokens = new ArrayList<>(length);
            long total = (long) Math.pow(alphabet.length, length);
            for (long k = 0; k < total; k++) {
                tokens.clear();
                for (int i = 0; i < length; i++) {
                    ids[i] = alphabet[digits[i]];
                    tokens.add(SMALL_ALPHABET.get(digits[i]));
                }
                boolean expected = reference.accepts(tokens);
                assertEquals(expected, automaton.accepts(ids), () -> mode + " " + tokens);
                accepted += expected ? 1 : 0;
                checked++;
                for (int i = length - 1; i >= 0 && ++digits[i] == alphabet.length; i--) {
                    digits[i] = 0;
                }
            }
        }
        assertTrue(accepted > 1000, "the enumeration must reach many valid sequences, got " + accepted + " of " + checked);
    }

    /**
     * Random walks that take only allowed tokens: every allowed token keeps a complete formula
     * reachable (its completion is accepted), refused tokens throw, and the walks end in accepted
     * formulas that the grammar accepts too.
     */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyAllowedTokenLeavesAFormulaReachable(Mode mode) {
        PrefixAutomaton automaton = PrefixAutomaton.crohme(mode);
        ReferenceRecognizer reference = new ReferenceRecognizer(mode == Mode.CANONICAL);
        Random random = new Random(11);
        int steps = 0;
        for (int walk = 0; walk < 1000; walk++) {
            State state = automaton.start();
            List<Integer> prefix = new ArrayList<>();
            int length = random.nextInt(40);
            for (int step = 0; step < length; step++) {
                TokenSet allowed = automaton.allowed(state);
                assertFalse(allowed.isEmpty(), "dead end after " + prefix);
                assertEquals(automaton.isComplete(state), allowed.contains(Vocabulary.EOS));
                for (int id = 0; id < VOCABULARY.size(); id++) {
                    assertEquals(allowed.contains(id), automaton.isAllowed(state, id));
                }
                // Refusals in words and the exception, for a few ids per step (building words is slow).
                for (int k = 0; k < 3; k++) {
                    int id = random.nextInt(VOCABULARY.size());
                    assertEquals(allowed.contains(id), automaton.refusal(state, id).isEmpty());
                    if (!allowed.contains(id)) {
                        State from = state;
                        assertThrows(IllegalArgumentException.class, () -> automaton.advance(from, id));
                    }
                }
                int[] choices = allowed.ids();
                int next = choices[random.nextInt(choices.length)];
                if (next == Vocabulary.EOS) {
                    break;
                }
                State after = automaton.advance(state, next);
                prefix.add(next);
                assertCompletionAccepted(automaton, reference, prefix, after);
                state = after;
                steps++;
            }
        }
        assertTrue(steps > 10_000, "the walks must be long enough to matter: " + steps);
    }

    private static void assertCompletionAccepted(PrefixAutomaton automaton, ReferenceRecognizer reference,
            List<Integer> prefix, State state) {
        int[] completion = automaton.completion(state);
        assertEquals(automaton.completionLength(state), completion.length);
        State s = state;
        List<String> tokens = new ArrayList<>();
        prefix.forEach(id -> tokens.add(VOCABULARY.token(id)));
        for (int id : completion) {
            s = automaton.advance(s, id);
            if (id != Vocabulary.EOS) {
                tokens.add(VOCABULARY.token(id));
            }
        }
        assertTrue(automaton.isFinished(s), () -> "completion of " + tokens + " does not finish");
        assertTrue(reference.accepts(tokens), () -> "the grammar refuses the completed " + tokens);
    }

    /** Random sequences over the whole vocabulary and mutated captions: the automaton agrees with the grammar. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void agreesWithTheGrammarOnRandomSequences(Mode mode) {
        PrefixAutomaton automaton = PrefixAutomaton.crohme(mode);
        ReferenceRecognizer reference = new ReferenceRecognizer(mode == Mode.CANONICAL);
        Random random = new Random(5);
        List<String> vocabulary = VOCABULARY.tokens().subList(3, VOCABULARY.size());
        for (int k = 0; k < 20_000; k++) {
            List<String> tokens = new ArrayList<>();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                tokens.add(random.nextInt(3) == 0 ? vocabulary.get(random.nextInt(vocabulary.size()))
                        : SMALL_ALPHABET.get(random.nextInt(SMALL_ALPHABET.size())));
            }
            TokenSequence sequence = new TokenSequence(tokens);
            assertEquals(reference.accepts(tokens), automaton.accepts(sequence), () -> mode + " " + sequence);
        }
    }

    @Test
    void everyCaptionIsAcceptedInBothModes() {
        List<TokenSequence> captions = CrohmeCaptions.tokens();
        assertEquals(9821, captions.size());
        PrefixAutomaton latex = PrefixAutomaton.crohme(Mode.LATEX);
        PrefixAutomaton canonical = PrefixAutomaton.crohme(Mode.CANONICAL);
        for (TokenSequence caption : captions) {
            assertTrue(canonical.accepts(caption), () -> caption + ": " + canonical.firstProblem(caption).orElse(""));
            assertTrue(latex.accepts(caption), () -> caption + ": " + latex.firstProblem(caption).orElse(""));
        }
    }
}
