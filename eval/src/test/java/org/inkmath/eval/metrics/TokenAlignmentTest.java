package org.inkmath.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.inkmath.eval.metrics.TokenAlignment.Edit;
import org.inkmath.eval.metrics.TokenAlignment.EditKind;
import org.inkmath.latex.TokenSequence;
import org.junit.jupiter.api.Test;

class TokenAlignmentTest {

    static TokenAlignment align(String truth, String predicted) {
        return TokenAlignment.of(TokenSequence.parse(truth), TokenSequence.parse(predicted));
    }

    @Test
    void equalSequencesNeedNoEdit() {
        TokenAlignment a = align("\\frac { a } { b }", "\\frac { a } { b }");
        assertEquals(0, a.distance());
        assertEquals(List.of(), a.edits());
    }

    @Test
    void namesASubstitutionWithItsTruthPosition() {
        assertEquals(List.of(new Edit(EditKind.SUBSTITUTE, "2", "z", 3)), align("x ^ { 2 }", "x ^ { z }").edits());
    }

    @Test
    void namesDeletionsAndInsertions() {
        assertEquals(List.of(new Edit(EditKind.DELETE, "+", "", 1)), align("a + b", "a b").edits());
        assertEquals(List.of(new Edit(EditKind.INSERT, "", "+", 1)), align("a b", "a + b").edits());
        // of two equal braces, the alignment keeps the last as the match: the one before is inserted
        assertEquals(List.of(new Edit(EditKind.INSERT, "", "}", 4)), align("x ^ { 2 }", "x ^ { 2 } }").edits());
    }

    @Test
    void anEmptyPredictionDeletesEveryTruthToken() {
        TokenAlignment a = align("x + 1", "");
        assertEquals(3, a.distance());
        assertEquals(List.of(EditKind.DELETE, EditKind.DELETE, EditKind.DELETE),
                a.edits().stream().map(Edit::kind).toList());
        assertEquals(2, align("", "x y").distance());
    }

    @Test
    void distanceIsTheLevenshteinDistanceOverTokens() {
        // the classic: kitten -> sitting is 3 edits, here one letter a token
        assertEquals(3, align("k i t t e n", "s i t t i n g").distance());
        // a multi-character token is one token: \alpha for a is one edit, not five
        assertEquals(1, align("\\alpha + b", "a + b").distance());
    }

    @Test
    void tiesAreBrokenTheSameWayEveryTime() {
        // two substitutions or a deletion and an insertion cost the same; substitutions win
        assertEquals(List.of(new Edit(EditKind.SUBSTITUTE, "a", "b", 0), new Edit(EditKind.SUBSTITUTE, "b", "a", 1)),
                align("a b", "b a").edits());
    }

    @Test
    void refusesADistanceThatDisagreesWithTheEdits() {
        assertThrows(IllegalArgumentException.class, () -> new TokenAlignment(2, List.of()));
    }
}
