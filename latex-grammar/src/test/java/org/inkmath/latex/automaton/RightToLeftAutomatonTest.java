package org.inkmath.latex.automaton;

import org.inkmath.latex.CrohmeCaptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.Vocabulary;
import org.inkmath.latex.automaton.PrefixAutomaton.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RightToLeftAutomatonTest {

    private static final Vocabulary VOCABULARY = Vocabulary.crohme();
    private static final int[] ALPHABET = AutomatonPropertyTest.SMALL_ALPHABET.stream()
            .mapToInt(t -> VOCABULARY.id(t).orElseThrow()).toArray();

    /** Every sequence of up to 4 tokens of the small alphabet: right to left accepts what left to right does. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void acceptsTheReverseOfTheLeftToRightLanguage(Mode mode) {
        PrefixAutomaton ltr = PrefixAutomaton.crohme(mode);
        RightToLeftAutomaton rtl = new RightToLeftAutomaton(mode, VOCABULARY);
        int accepted = 0;
        for (int length = 0; length <= 4; length++) {
            int[] digits = new int[length];
            int[] ids = new int[length];
            long total = (long) Math.pow(ALPHABET.length, length);
            for (long k = 0; k < total; k++) {
                for (int i = 0; i < length; i++) {
                    ids[i] = ALPHABET[digits[i]];
                }
                boolean expected = ltr.accepts(ids);
                int[] shown = ids.clone();
                assertEquals(expected, rtl.acceptsLeftToRight(ids), () -> mode + " " + VOCABULARY.decode(shown));
                accepted += expected ? 1 : 0;
                for (int i = length - 1; i >= 0 && ++digits[i] == ALPHABET.length; i--) {
                    digits[i] = 0;
                }
            }
        }
        assertTrue(accepted > 50, "valid sequences reached: " + accepted);
        // Longer ones, at random, half of them valid formulas from left-to-right walks.
        Random random = new Random(12);
        for (int k = 0; k < 2000; k++) {
            int[] ids = new int[5 + random.nextInt(6)];
            PrefixAutomaton.State state = ltr.start();
            for (int i = 0; i < ids.length; i++) {
                if (k % 2 == 0) {
                    ids[i] = ALPHABET[random.nextInt(ALPHABET.length)];
                } else {
                    int[] allowed = ltr.allowed(state).ids();
                    do {
                        ids[i] = allowed[random.nextInt(allowed.length)];
                    } while (ids[i] == Vocabulary.EOS);
                    state = ltr.advance(state, ids[i]);
                }
            }
            int[] shown = ids;
            assertEquals(ltr.accepts(ids), rtl.acceptsLeftToRight(ids), () -> mode + " " + VOCABULARY.decode(shown));
        }
    }

    @Test
    void acceptsCaptionsAndRefusesTheirMutations() {
        List<TokenSequence> captions = CrohmeCaptions.tokens();
        Random random = new Random(4);
        for (Mode mode : Mode.values()) {
            PrefixAutomaton ltr = PrefixAutomaton.crohme(mode);
            RightToLeftAutomaton rtl = new RightToLeftAutomaton(mode, VOCABULARY);
            for (int k = 0; k < 400; k++) {
                int[] ids = VOCABULARY.encode(captions.get(random.nextInt(captions.size())));
                assertTrue(rtl.acceptsLeftToRight(ids), () -> VOCABULARY.decode(ids).toString());
                if (ids.length > 1) {
                    int[] mutated = ids.clone();
                    mutated[random.nextInt(ids.length)] = ALPHABET[random.nextInt(ALPHABET.length)];
                    assertEquals(ltr.accepts(mutated), rtl.acceptsLeftToRight(mutated), () -> VOCABULARY.decode(mutated).toString());
                }
            }
        }
    }

    /** Random right-to-left walks over allowed tokens never reach a state from which no formula can be completed. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyAllowedTokenLeavesAFormulaReachable(Mode mode) {
        RightToLeftAutomaton rtl = new RightToLeftAutomaton(mode, VOCABULARY);
        Random random = new Random(8);
        for (int walk = 0; walk < 150; walk++) {
            RightToLeftAutomaton.State state = rtl.start();
            for (int step = 0; step < 6; step++) {
                TokenSet allowed = rtl.allowed(state);
                assertFalse(allowed.contains(Vocabulary.PAD) || allowed.contains(Vocabulary.SOS));
                // Mostly structure tokens, which are what can go wrong.
                int[] choices = random.nextInt(10) < 8
                        ? Arrays.stream(ALPHABET).filter(allowed::contains).toArray() : allowed.ids();
                if (choices.length == 0) {
                    choices = allowed.ids();
                }
                int next = choices[random.nextInt(choices.length)];
                if (next == Vocabulary.EOS) {
                    break;
                }
                state = rtl.advance(state, next);
                boolean found = false;
                for (int depth = 0; depth <= 9 && !found; depth++) {
                    found = completes(rtl, state, depth);
                }
                assertTrue(found, "no completion within 9 tokens after " + state.length() + " tokens");
            }
        }
        RightToLeftAutomaton.State start = rtl.start();
        assertThrows(IllegalArgumentException.class, () -> rtl.advance(start, VOCABULARY.id("^").orElseThrow()));
    }

    @Test
    void saysWhatMayStandLeftOfAToken() {
        RightToLeftAutomaton rtl = new RightToLeftAutomaton(Mode.CANONICAL, VOCABULARY);
        RightToLeftAutomaton.State afterBrace = rtl.advance(rtl.start(), VOCABULARY.id("}").orElseThrow());
        TokenSet allowed = rtl.allowed(afterBrace);
        assertTrue(allowed.contains(VOCABULARY.id("2").orElseThrow()));
        assertTrue(allowed.contains(VOCABULARY.id("}").orElseThrow()), "a group may end a group");
        assertFalse(allowed.contains(VOCABULARY.id("{").orElseThrow()), "no empty group in canonical form");
        assertFalse(allowed.contains(Vocabulary.EOS));
        assertEquals(1, afterBrace.length());
        // Right to left, ']' may be a symbol or the end of a root index: both stay open.
        RightToLeftAutomaton latex = new RightToLeftAutomaton(Mode.LATEX, VOCABULARY);
        RightToLeftAutomaton.State s = latex.start();
        for (String t : List.of("x", "]", "3")) {
            s = latex.advance(s, VOCABULARY.id(t).orElseThrow());
        }
        assertTrue(latex.allowed(s).contains(VOCABULARY.id("[").orElseThrow()));
        assertTrue(latex.allowed(s).contains(Vocabulary.EOS), "3 ] x is a formula of symbols");
    }

    private static boolean completes(RightToLeftAutomaton rtl, RightToLeftAutomaton.State state, int depth) {
        TokenSet allowed = rtl.allowed(state);
        if (allowed.contains(Vocabulary.EOS)) {
            return true;
        }
        if (depth == 0) {
            return false;
        }
        for (int id : ALPHABET) {
            if (allowed.contains(id) && completes(rtl, rtl.advance(state, id), depth - 1)) {
                return true;
            }
        }
        return false;
    }
}
