package org.inkmath.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.inkmath.latex.automaton.PrefixAutomaton;
import org.inkmath.latex.automaton.PrefixAutomaton.Mode;
import org.inkmath.latex.automaton.Repair;
import org.inkmath.latex.automaton.RepairResult;
import org.inkmath.latex.grammar.Validation;
import org.inkmath.latex.grammar.Validator;
import org.inkmath.latex.render.LatexRenderer;
import org.inkmath.latex.render.RenderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The three implementations of GRAMMAR.md agree: the ANTLR validator, the prefix automaton of
 * constrained decoding (restricted to the vocabulary) and the repair, whose every output must
 * validate and render.
 */
class LanguageAgreementTest {

    /** The tokens that make the structure, and two plain symbols. */
    private static final List<String> ALPHABET = List.of(
            "x", "2", "{", "}", "^", "_", "\\frac", "\\sqrt", "[", "]", "\\sum", "\\limits", "\\sin");

    private final Vocabulary vocabulary = Vocabulary.crohme();
    private final PrefixAutomaton latex = PrefixAutomaton.crohme(Mode.LATEX);
    private final PrefixAutomaton canonical = PrefixAutomaton.crohme(Mode.CANONICAL);

    @Test
    void validatorAndAutomatonAgreeOnEverySequenceOfUpToFiveStructuralTokens() {
        int[] digits = new int[5];
        int checked = 0;
        for (int length = 0; length <= 5; length++) {
            java.util.Arrays.fill(digits, 0);
            while (true) {
                List<String> tokens = new ArrayList<>(length);
                for (int i = 0; i < length; i++) {
                    tokens.add(ALPHABET.get(digits[i]));
                }
                assertAgreement(new TokenSequence(tokens));
                checked++;
                int i = length - 1;
                while (i >= 0 && ++digits[i] == ALPHABET.size()) {
                    digits[i--] = 0;
                }
                if (i < 0) {
                    break;
                }
            }
        }
        assertEquals(1 + 13 + 169 + 2197 + 28561 + 371293, checked);
    }

    @Test
    void validatorAndAutomatonAgreeOnRandomAndMutatedSequences() {
        Random random = new Random(20261123);
        for (int i = 0; i < 20_000; i++) {
            assertAgreement(randomSequence(random, 1 + random.nextInt(40)));
        }
        List<TokenSequence> captions = CrohmeCaptions.tokens();
        for (int i = 0; i < 20_000; i++) {
            assertAgreement(mutate(captions.get(random.nextInt(captions.size())), random));
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyRepairValidatesAndRenders(Mode mode) {
        Repair repair = Repair.crohme(mode);
        LatexRenderer renderer = LatexRenderer.withDefaults();
        Random random = new Random(mode.ordinal() + 7);
        List<TokenSequence> captions = CrohmeCaptions.tokens();
        for (int i = 0; i < 1_500; i++) {
            TokenSequence input = i % 2 == 0
                    ? randomSequence(random, 1 + random.nextInt(30))
                    : mutate(captions.get(random.nextInt(captions.size())), random);
            RepairResult result = repair.repair(input);
            Validation validation = Validator.validate(result.repaired());
            assertTrue(validation.isValid(), () -> input + " -> " + result.repaired() + ": " + validation.errors());
            assertTrue(repair.automaton().accepts(result.repaired()), () -> input + " -> " + result.repaired());
            if (!result.repaired().isEmpty()) {
                try {
                    assertTrue(renderer.image(result.repaired().toString()).getWidth() > 0);
                } catch (RenderException e) {
                    fail("valid " + result.repaired() + " does not render: " + e.getMessage());
                }
            }
        }
    }

    private void assertAgreement(TokenSequence tokens) {
        boolean valid = Validator.validate(tokens).isValid();
        if (valid != latex.accepts(tokens)) {
            fail("validator says " + (valid ? "valid" : "invalid") + ", the LATEX automaton the opposite: " + tokens);
        }
        if (canonical.accepts(tokens) && !valid) {
            fail("the CANONICAL automaton accepts what the validator refuses: " + tokens);
        }
    }

    /** Vocabulary tokens, structural ones four times as likely as a plain symbol. */
    private TokenSequence randomSequence(Random random, int length) {
        List<String> tokens = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            tokens.add(random.nextInt(5) < 4
                    ? ALPHABET.get(random.nextInt(ALPHABET.size()))
                    : vocabulary.token(3 + random.nextInt(vocabulary.size() - 3)));
        }
        return new TokenSequence(tokens);
    }

    /** A caption with one to three tokens deleted, inserted or swapped. */
    private TokenSequence mutate(TokenSequence caption, Random random) {
        List<String> tokens = new ArrayList<>(caption.tokens());
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = tokens.isEmpty() ? 0 : random.nextInt(tokens.size());
            switch (tokens.isEmpty() ? 1 : random.nextInt(3)) {
                case 0 -> tokens.remove(at);
                case 1 -> tokens.add(at, ALPHABET.get(random.nextInt(ALPHABET.size())));
                default -> {
                    int other = random.nextInt(tokens.size());
                    String t = tokens.get(at);
                    tokens.set(at, tokens.get(other));
                    tokens.set(other, t);
                }
            }
        }
        return new TokenSequence(tokens);
    }
}
