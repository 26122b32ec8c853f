package org.inkmath.latex.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.tree.MathNode;
import org.inkmath.latex.tree.MathNode.BigOperator;
import org.inkmath.latex.tree.MathNode.Delimited;
import org.inkmath.latex.tree.MathNode.Environment;
import org.inkmath.latex.tree.MathNode.Fraction;
import org.inkmath.latex.tree.MathNode.Group;
import org.inkmath.latex.tree.MathNode.Root;
import org.inkmath.latex.tree.MathNode.Row;
import org.inkmath.latex.tree.MathNode.Scripts;
import org.inkmath.latex.tree.MathNode.Symbol;
import org.junit.jupiter.api.Test;

/** The shape of the trees the validator builds, and the token positions they keep. */
class TreeShapeTest {

    private static Row tree(String caption) {
        Validation v = Validator.validate(TokenSequence.parse(caption));
        assertTrue(v.isValid(), () -> caption + " -> " + v.errors());
        return v.tree().orElseThrow();
    }

    private static MathNode only(String caption) {
        Row row = tree(caption);
        assertEquals(1, row.items().size(), caption);
        return row.items().get(0);
    }

    private static Group group(String symbol, int position) {
        return new Group(new Row(List.of(new Symbol(symbol, position + 1)), position + 1), position);
    }

    @Test
    void scriptsInEitherOrderGiveTheSameNode() {
        Scripts subFirst = (Scripts) only("x _ { a } ^ { b }");
        Scripts supFirst = (Scripts) only("x ^ { b } _ { a }");
        assertEquals(new Symbol("x", 0), subFirst.base());
        assertEquals(Optional.of(group("a", 2)), subFirst.subscript());
        assertEquals(Optional.of(group("b", 6)), subFirst.superscript());
        assertEquals(subFirst.base(), supFirst.base());
        assertEquals(TreeWriter.write(subFirst), TreeWriter.write(supFirst), "same node up to token positions");
        assertEquals(Optional.of(group("a", 6)), supFirst.subscript());
        assertEquals(Optional.of(group("b", 2)), supFirst.superscript());
    }

    @Test
    void rootKeepsItsIndexAsARow() {
        Root withIndex = (Root) only("\\sqrt [ 3 ] { x }");
        assertEquals(Optional.of(new Row(List.of(new Symbol("3", 2)), 2)), withIndex.index());
        assertEquals(group("x", 4), withIndex.radicand());
        Root plain = (Root) only("\\sqrt x");
        assertEquals(Optional.empty(), plain.index());
        assertEquals(new Symbol("x", 1), plain.radicand());
        Root empty = (Root) only("\\sqrt [ ] x");
        assertEquals(Optional.of(new Row(List.of(), 2)), empty.index(), "an empty index starts where ] is");
    }

    @Test
    void bracketsInsideAnIndexFollowLatex() {
        Root root = (Root) only("\\sqrt [ [ ] { y }");
        assertEquals(Optional.of(new Row(List.of(new Symbol("[", 2)), 2)), root.index());
        Root braced = (Root) only("\\sqrt [ { \\sqrt [ 3 ] { x } } ] { y }");
        Group inner = (Group) braced.index().orElseThrow().items().get(0);
        assertTrue(((Root) inner.body().items().get(0)).index().isPresent());
    }

    @Test
    void fractionsArgumentsAndFunctions() {
        Fraction fraction = (Fraction) only("\\frac a { b }");
        assertEquals(new Symbol("a", 1), fraction.numerator());
        assertEquals(group("b", 2), fraction.denominator());
        assertEquals(0, fraction.position());
        Scripts sin = (Scripts) only("\\sin ^ { 2 }");
        assertEquals(new Symbol("\\sin", 0), sin.base());
        assertEquals(Optional.empty(), sin.subscript());
    }

    @Test
    void bigOperatorsKeepLimits() {
        Row row = tree("\\sum \\limits _ { i } \\int x");
        Scripts sum = (Scripts) row.items().get(0);
        assertEquals(new BigOperator("\\sum", true, 0), sum.base());
        assertEquals(new BigOperator("\\int", false, 6), row.items().get(1));
        assertEquals(new Symbol("x", 7), row.items().get(2));
    }

    @Test
    void delimitedKeepsItsDelimiters() {
        Delimited d = (Delimited) only("\\left . x \\right \\}");
        assertEquals(".", d.open());
        assertEquals("\\}", d.close());
        assertEquals(new Row(List.of(new Symbol("x", 2)), 2), d.body());
    }

    @Test
    void environmentsKeepNameColumnsRowsAndCells() {
        Environment array = (Environment) only("\\begin{array}{cc} a & b \\\\ c & \\end{array}");
        assertEquals("array", array.name());
        assertEquals("cc", array.columns());
        assertEquals(2, array.rows().size());
        assertEquals(List.of(new Row(List.of(new Symbol("c", 5)), 5), new Row(List.of(), 7)), array.rows().get(1));
        Environment matrix = (Environment) Validator.validate("\\begin { pmatrix } x \\end{pmatrix}").tree()
                .orElseThrow().items().get(0);
        assertEquals("pmatrix", matrix.name());
        assertEquals("", matrix.columns());
        assertEquals(List.of(List.of(new Row(List.of(new Symbol("x", 1)), 1))), matrix.rows());
    }

    @Test
    void emptyFormulaAndEmptyGroupsAreValid() {
        assertEquals(new Row(List.of(), 0), tree(""));
        assertEquals(new Row(List.of(), 0), Validator.validate("   ").tree().orElseThrow());
        Group empty = (Group) only("{ }");
        assertEquals(new Row(List.of(), 1), empty.body());
    }

    @Test
    void everyNodeKeepsTheIndexOfItsFirstToken() {
        Row row = tree("a + \\frac { x ^ { 2 } } { \\left ( y \\right ) }");
        Fraction fraction = (Fraction) row.items().get(2);
        assertEquals(2, fraction.position());
        Scripts square = (Scripts) ((Group) fraction.numerator()).body().items().get(0);
        assertEquals(4, square.position());
        Delimited delimited = (Delimited) ((Group) fraction.denominator()).body().items().get(0);
        assertEquals(11, delimited.position());
    }

    @Test
    void stringAndTokenSequenceAgree() {
        Validation fromString = Validator.validate("\\frac{1}{2}+x^{2}");
        assertEquals("\\frac { 1 } { 2 } + x ^ { 2 }", fromString.tokens().toString());
        assertEquals(fromString.tree(), Validator.validate(fromString.tokens()).tree());
    }

    @Test
    void tokenSequenceElementsMustBeSingleTokens() {
        Validation v = Validator.validate(TokenSequence.of("x", "^2"));
        assertFalse(v.isValid());
        assertEquals("`^2` at 1 is several tokens; separate them with spaces", v.errors().get(0).message());
        assertEquals(2, v.errors().get(0).start());
        assertEquals(4, v.errors().get(0).end());
        Validation special = Validator.validate(TokenSequence.of("x", "<eos>"));
        assertEquals("`<eos>` at 1 is a special token of the vocabulary, not LaTeX", special.errors().get(0).message());
    }

    @Test
    void errorSpansPointIntoTheSource() {
        SyntaxError e = Validator.validate("x^{2}\\lt y").errors().get(0);
        assertEquals("unknown command `\\lt` at 5", e.message());
        assertEquals(5, e.tokenIndex());
        assertEquals(5, e.start());
        assertEquals(8, e.end());
        SyntaxError fromTokens = Validator.validate(TokenSequence.parse("x ^ { 2 } \\lt y")).errors().get(0);
        assertEquals(10, fromTokens.start(), "offsets in the space-separated form");
        assertEquals(13, fromTokens.end());
    }

    @Test
    void validationHasATreeOrErrorsNeverBoth() {
        Validation valid = Validator.validate("x");
        assertTrue(valid.isValid());
        assertEquals(Optional.empty(), valid.firstError());
        Validation invalid = Validator.validate("x ^");
        assertFalse(invalid.isValid());
        assertEquals("`^` at 1 has no argument", invalid.firstError().orElseThrow().message());
        assertInstanceOf(IllegalArgumentException.class, org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> new Validation(TokenSequence.of("x"), Optional.of(new Row(List.of(), 0)),
                        List.of(new SyntaxError(0, 0, 1, "both")))));
    }
}
