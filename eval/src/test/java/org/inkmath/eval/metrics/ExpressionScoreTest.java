package org.inkmath.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.inkmath.latex.TokenSequence;
import org.junit.jupiter.api.Test;

class ExpressionScoreTest {

    static ExpressionScore score(String truth, String predicted) {
        return ExpressionScore.of("e", TokenSequence.parse(truth), Optional.of(TokenSequence.parse(predicted)));
    }

    @Test
    void anExactPredictionIsRightEverywhere() {
        ExpressionScore s = score("\\frac { a } { b } + c", "\\frac { a } { b } + c");
        assertTrue(s.exact());
        assertTrue(s.within(0));
        assertTrue(s.structureCorrect());
        assertTrue(s.predictedValid());
        // symbols: the bar, a, b, +, c; edges: (-,a,Above) (-,b,Below) (-,+,Right) (+,c,Right)
        assertEquals(5, s.truthSymbols());
        assertEquals(5, s.matchedSymbols());
        assertEquals(4, s.truthRelations());
        assertEquals(4, s.matchedRelations());
    }

    @Test
    void aMisreadSymbolKeepsTheStructure() {
        ExpressionScore s = score("\\frac { a } { b }", "\\frac { a } { 6 }");
        assertFalse(s.exact());
        assertEquals(1, s.editDistance());
        assertTrue(s.within(1));
        assertTrue(s.structureCorrect());
        assertEquals(3, s.predictedSymbols());
        assertEquals(2, s.matchedSymbols());
        assertEquals(1, s.matchedRelations(), "(-, a, Above) is right, (-, 6, Below) is not");
    }

    @Test
    void aWrongRelationBreaksTheStructureButNotTheSymbols() {
        ExpressionScore s = score("x ^ { 2 }", "x _ { 2 }");
        assertEquals(1, s.editDistance());
        assertFalse(s.structureCorrect());
        assertEquals(2, s.matchedSymbols());
        assertEquals(0, s.matchedRelations());
        assertEquals(1, s.predictedRelations());
    }

    @Test
    void differentTokensCanHaveTheSameLayoutAndSymbols() {
        // \left( x \right) and ( x ) are one symbol layout tree: tokens differ, the layout not
        ExpressionScore s = score("( x )", "\\left ( x \\right )");
        assertFalse(s.exact());
        assertTrue(s.structureCorrect());
        assertEquals(3, s.matchedSymbols());
        assertEquals(2, s.matchedRelations());
    }

    @Test
    void anInvalidPredictionHasNoStructureNorSymbols() {
        ExpressionScore s = score("x ^ { 2 }", "x ^ { 2");
        assertEquals(1, s.editDistance());
        assertTrue(s.within(1));
        assertFalse(s.predictedValid());
        assertFalse(s.structureCorrect());
        assertEquals(0, s.predictedSymbols());
        assertEquals(0, s.matchedSymbols());
        assertEquals(2, s.truthSymbols());
    }

    @Test
    void sameSymbolsElsewhereMatchAsAMultiset() {
        // x x y against x y y: two symbols shared (one x, one y)
        ExpressionScore s = score("x x y", "x y y");
        assertEquals(2, s.matchedSymbols());
        assertFalse(s.structureCorrect() && s.exact());
        assertTrue(s.structureCorrect(), "three symbols on one baseline either way");
    }

    @Test
    void aMissingPredictionIsWrongEvenWhenClose() {
        ExpressionScore s = ExpressionScore.of("e", TokenSequence.parse("x"), Optional.empty());
        assertTrue(s.missing());
        assertFalse(s.exact());
        assertFalse(s.within(3));
        assertFalse(s.predictedValid());
        assertFalse(s.structureCorrect());
        assertEquals(1, s.editDistance());
    }
}
