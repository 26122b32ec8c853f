package org.inkmath.latex.automaton;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.Vocabulary;
import org.inkmath.latex.automaton.PrefixAutomaton.Mode;
import org.inkmath.latex.automaton.PrefixAutomaton.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrefixAutomatonTest {

    private static final Vocabulary VOCABULARY = Vocabulary.crohme();
    private static final PrefixAutomaton LATEX = PrefixAutomaton.crohme(Mode.LATEX);
    private static final PrefixAutomaton CANONICAL = PrefixAutomaton.crohme(Mode.CANONICAL);

    private static int id(String token) {
        return VOCABULARY.id(token).orElseThrow();
    }

    private static State run(PrefixAutomaton automaton, String tokens) {
        State state = automaton.start();
        for (String t : TokenSequence.parse(tokens).tokens()) {
            state = automaton.advance(state, id(t));
        }
        return state;
    }

    /** Every rule of GRAMMAR.md, as (sequence, accepted in LATEX mode, accepted in CANONICAL mode). */
    @ParameterizedTest(name = "[{0}] latex={1} canonical={2}")
    @CsvSource(delimiter = ';', value = {
        // the empty formula and plain rows
        "'';                                 true;  false",
        "x;                                  true;  true",
        "[ 0 , 1 );                          true;  true",
        "] x [;                              true;  true",
        "\\{ x \\};                          true;  true",
        // groups: braces balance, empty groups only in LATEX mode
        "{ x };                              true;  true",
        "{ };                                true;  false",
        "{ } ^ { 2 };                        true;  false",
        "{ { x } };                          true;  true",
        "{ x;                                false; false",
        "x };                                false; false",
        "};                                  false; false",
        // scripts need a base, at most one of each, either order
        "x ^ { 2 };                          true;  true",
        "x ^ 2;                              true;  false",
        "^ { 2 };                            false; false",
        "_ 2;                                false; false",
        "x _ { a } ^ { b };                  true;  true",
        "x ^ { b } _ { a };                  true;  true",
        "x ^ { a } ^ { b };                  false; false",
        "x _ { a } _ { b };                  false; false",
        "x _ a ^ b _ c;                      false; false",
        "x ^;                                false; false",
        "x ^ { };                            true;  false",
        "{ x ^ 2 } ^ 3;                      true;  false",
        "x ^ \\sin;                          true;  false",
        "x ^ \\sum;                          false; false",
        "x ^ ^;                              false; false",
        "\\sin ^ { 2 } x;                    true;  true",
        // big operators and \\limits
        "\\sum _ { i } ^ { n } i;            true;  true",
        "\\int \\limits _ { 0 } ^ { 1 } x d x; true; true",
        "\\lim \\limits;                     true;  true",
        "\\sum \\limits \\limits;            false; false",
        "x \\limits;                         false; false",
        "\\limits;                           false; false",
        "\\sum ^ { 2 } \\limits;             false; false",
        "\\sin \\limits;                     false; false",
        // fractions: two arguments, each a group, a symbol or a function
        "\\frac { a } { b };                 true;  true",
        "\\frac a b;                         true;  false",
        "\\frac \\sin x;                     true;  false",
        "\\frac { a };                       false; false",
        "\\frac { a } ^ { 2 };               false; false",
        "\\frac { a } { b } ^ { 2 };         true;  true",
        "\\frac \\frac a b c;                false; false",
        "\\frac [ ];                         true;  false",
        "\\frac { } { };                     true;  false",
        // roots, indices and the first ']' of an index
        "\\sqrt { x };                       true;  true",
        "\\sqrt x;                           true;  false",
        "\\sqrt [ 3 ] { x };                 true;  true",
        "\\sqrt [ 3 ] x;                     true;  false",
        "\\sqrt [ ] { x };                   true;  false",
        "\\sqrt [ 3 { x };                   false; false",
        "\\sqrt [ [ ] { x };                 true;  true",
        "\\sqrt [ x ^ ] ] { y };             false; false",
        "\\sqrt [ x ^ { ] } ] { y };         true;  true",
        "\\sqrt [ \\sqrt [ 3 ] { x } ] { y }; false; false",
        "\\sqrt [ { \\sqrt [ 3 ] { x } } ] { y }; true; true",
        "\\sqrt [ \\sqrt { x } ] { y };      true;  true",
        "\\sqrt [ \\frac ] x ] y;            false; false",
        "\\sqrt [ n ] { x } ^ { a };         true;  true",
        "\\sqrt ];                           true;  false",
        "\\sqrt [ 3 ] ];                     true;  false",
        "\\sqrt;                             false; false",
        "\\sqrt { x } ];                     true;  true",
        "\\sqrt [ x } ] { y };               false; false",
        // special tokens and tokens outside the grammar's vocabulary
        "x <eos>;                            false; false",
        "x <pad>;                            false; false",
        "x \\left;                           false; false",
        "x ';                                false; false",
    })
    void acceptsExactlyTheGrammar(String tokens, boolean latex, boolean canonical) {
        TokenSequence sequence = TokenSequence.parse(tokens);
        assertEquals(latex, LATEX.accepts(sequence), () -> "LATEX " + tokens + ": " + LATEX.firstProblem(sequence));
        assertEquals(canonical, CANONICAL.accepts(sequence), () -> "CANONICAL " + tokens + ": " + CANONICAL.firstProblem(sequence));
        assertEquals(latex, new ReferenceRecognizer(false).accepts(sequence.tokens()), "reference LATEX");
        assertEquals(canonical, new ReferenceRecognizer(true).accepts(sequence.tokens()), "reference CANONICAL");
    }

    @Test
    void endOfSequenceIsAllowedExactlyWhenTheFormulaIsComplete() {
        assertTrue(LATEX.allowed(LATEX.start()).contains(Vocabulary.EOS), "the empty formula is valid LaTeX");
        assertFalse(CANONICAL.allowed(CANONICAL.start()).contains(Vocabulary.EOS), "but not canonical");
        assertFalse(CANONICAL.allowed(run(CANONICAL, "x ^")).contains(Vocabulary.EOS));
        assertTrue(CANONICAL.allowed(run(CANONICAL, "x ^ { 2 }")).contains(Vocabulary.EOS));
        State finished = CANONICAL.advance(run(CANONICAL, "x"), Vocabulary.EOS);
        assertTrue(CANONICAL.isFinished(finished));
        assertTrue(CANONICAL.allowed(finished).isEmpty());
    }

    @Test
    void padAndStartAreNeverAllowedAndOutsideTokensNeither() {
        for (PrefixAutomaton automaton : List.of(LATEX, CANONICAL)) {
            for (String prefix : List.of("", "x", "x ^", "{", "\\sqrt [", "\\frac { a }")) {
                TokenSet allowed = automaton.allowed(run(automaton, prefix));
                assertFalse(allowed.contains(Vocabulary.PAD));
                assertFalse(allowed.contains(Vocabulary.SOS));
                assertFalse(allowed.contains(-1));
                assertFalse(allowed.contains(VOCABULARY.size()));
            }
        }
    }

    @Test
    void allowedSetsNameTheRightTokens() {
        // After x ^ in canonical mode only an opening brace may come.
        assertArrayEquals(new int[] {id("{")}, CANONICAL.allowed(run(CANONICAL, "x ^")).ids());
        // Right after \sqrt in canonical mode: an index or a group.
        assertArrayEquals(new int[] {id("["), id("{")}, CANONICAL.allowed(run(CANONICAL, "\\sqrt")).ids());
        // In LATEX mode an argument is any symbol or function, or a group, nothing else.
        TokenSet argument = LATEX.allowed(run(LATEX, "x ^"));
        assertTrue(argument.contains(id("2")) && argument.contains(id("\\sin")) && argument.contains(id("{"))
                && argument.contains(id("]")));
        assertFalse(argument.contains(id("\\sum")) || argument.contains(id("^")) || argument.contains(id("\\frac"))
                || argument.contains(id("}")) || argument.contains(Vocabulary.EOS));
        // In an index, ']' ends it; as an argument it is refused.
        assertTrue(LATEX.allowed(run(LATEX, "\\sqrt [ x")).contains(id("]")));
        assertFalse(LATEX.allowed(run(LATEX, "\\sqrt [ x ^")).contains(id("]")));
        assertFalse(LATEX.allowed(run(LATEX, "\\sqrt [ \\sqrt")).contains(id("[")));
        // Every allowed set is one of a few shared instances: no allocation per call.
        assertSame(LATEX.allowed(run(LATEX, "x")), LATEX.allowed(run(LATEX, "y z")));
    }

    @Test
    void refusalsSayWhy() {
        assertTrue(CANONICAL.refusal(CANONICAL.start(), id("^")).orElseThrow().contains("needs a base"));
        assertTrue(CANONICAL.refusal(run(CANONICAL, "x ^ { a }"), id("^")).orElseThrow().contains("double superscript"));
        assertTrue(CANONICAL.refusal(run(CANONICAL, "x"), id("\\limits")).orElseThrow().contains("\\limits"));
        assertTrue(CANONICAL.refusal(run(CANONICAL, "x ^"), id("2")).orElseThrow().contains("canonical"));
        assertTrue(LATEX.refusal(run(LATEX, "\\sqrt [ x ^"), id("]")).orElseThrow().contains("ends the root index"));
        assertTrue(LATEX.refusal(run(LATEX, "{"), Vocabulary.EOS).orElseThrow().contains("incomplete"));
        assertTrue(LATEX.refusal(LATEX.start(), Vocabulary.PAD).orElseThrow().contains("never"));
        assertTrue(LATEX.refusal(LATEX.start(), id("x")).isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CANONICAL.advance(CANONICAL.start(), id("}")));
        assertTrue(e.getMessage().startsWith("'}' is not allowed here: "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LATEX.advance(LATEX.start(), 500));
        assertEquals("token 3 '^' is not allowed here: double superscript: this base already has one",
                LATEX.firstProblem(TokenSequence.parse("x ^ 2 ^ 3")).orElseThrow());
        assertTrue(LATEX.firstProblem(TokenSequence.parse("x \\alef")).orElseThrow().contains("not in the vocabulary"));
        assertTrue(LATEX.firstProblem(TokenSequence.parse("\\frac x")).orElseThrow().startsWith("at the end: "));
    }

    @Test
    void statesArePersistentValuesSoHypothesesCanFork() {
        State common = run(CANONICAL, "\\frac { a");
        State left = CANONICAL.advance(common, id("}"));
        State right = CANONICAL.advance(common, id("+"));
        // The common prefix is untouched by either branch.
        assertEquals(run(CANONICAL, "\\frac { a"), common);
        assertNotEquals(left, right);
        assertEquals(run(CANONICAL, "\\frac { a }"), left);
        assertEquals(run(CANONICAL, "\\frac { a }").hashCode(), left.hashCode());
        // Equal states for different prefixes with the same continuations.
        assertEquals(run(CANONICAL, "x ^ { 2 } + y"), run(CANONICAL, "\\frac { a } { b }"));
        assertNotEquals(run(CANONICAL, "x ^ { 2 }"), run(CANONICAL, "x"), "x may still take a superscript");
        assertEquals(3, run(CANONICAL, "\\frac { a").depth());
    }

    @Test
    void completionIsShortestAndValid() {
        assertEquals("} { \\ldots } <eos>", text(CANONICAL.completion(run(CANONICAL, "\\frac { a"))));
        assertEquals("} \\ldots <eos>", text(LATEX.completion(run(LATEX, "\\frac { a"))));
        assertEquals("\\ldots ] { \\ldots } <eos>", text(CANONICAL.completion(run(CANONICAL, "\\sqrt ["))));
        assertEquals("<eos>", text(LATEX.completion(LATEX.start())));
        assertEquals("\\ldots <eos>", text(CANONICAL.completion(CANONICAL.start())));
        assertEquals(5, CANONICAL.completionLength(run(CANONICAL, "\\frac { a")));
        assertEquals("} x <eos>", text(LATEX.completion(run(LATEX, "\\frac { a"), id("x"))));
        assertThrows(IllegalArgumentException.class, () -> LATEX.completion(LATEX.start(), id("{")));
    }

    @Test
    void vocabularyWithoutBracesIsRefused() {
        Vocabulary tiny = new Vocabulary(List.of("<pad>", "<sos>", "<eos>", "x", "^"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PrefixAutomaton(Mode.LATEX, tiny));
        assertTrue(e.getMessage().contains("'{'"));
    }

    @Test
    void tokenClassesComeFromTheLexer() {
        assertEquals(TokenClass.SYMBOL, TokenClass.of("\\{"));
        assertEquals(TokenClass.SYMBOL, TokenClass.of("\\prime"));
        assertEquals(TokenClass.FUNCTION, TokenClass.of("\\log"));
        assertEquals(TokenClass.BIG_OPERATOR, TokenClass.of("\\lim"));
        assertEquals(TokenClass.UNSUPPORTED, TokenClass.of("\\left"));
        assertEquals(TokenClass.UNSUPPORTED, TokenClass.of("&"));
        assertEquals(TokenClass.UNSUPPORTED, TokenClass.of("ab"));
        assertEquals(TokenClass.END, TokenClass.of("<eos>"));
    }

    private static String text(int[] ids) {
        StringBuilder out = new StringBuilder();
        for (int i : ids) {
            out.append(out.length() == 0 ? "" : " ").append(VOCABULARY.token(i));
        }
        return out.toString();
    }
}
