package org.inkmath.latex.convert;

import static org.inkmath.latex.convert.Trees.delimited;
import static org.inkmath.latex.convert.Trees.env;
import static org.inkmath.latex.convert.Trees.frac;
import static org.inkmath.latex.convert.Trees.g;
import static org.inkmath.latex.convert.Trees.op;
import static org.inkmath.latex.convert.Trees.opLimits;
import static org.inkmath.latex.convert.Trees.root;
import static org.inkmath.latex.convert.Trees.row;
import static org.inkmath.latex.convert.Trees.s;
import static org.inkmath.latex.convert.Trees.sqrt;
import static org.inkmath.latex.convert.Trees.sub;
import static org.inkmath.latex.convert.Trees.subsup;
import static org.inkmath.latex.convert.Trees.sup;
import static org.inkmath.latex.convert.Trees.syms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.inkmath.latex.convert.SymbolLayoutTree.LabeledEdge;
import org.inkmath.latex.convert.SymbolLayoutTree.LayoutEdge;
import org.inkmath.latex.convert.SymbolLayoutTree.LayoutSymbol;
import org.inkmath.latex.tree.MathNode;
import org.inkmath.latex.tree.MathNode.Scripts;
import org.junit.jupiter.api.Test;

class SymbolLayoutTreeTest {

    private static SymbolLayoutTree slt(MathNode... items) {
        return SymbolLayoutTree.of(row(items));
    }

    private static LabeledEdge e(String parent, String child, Relation relation) {
        return new LabeledEdge(parent, child, relation);
    }

    @Test
    void superscript() {
        SymbolLayoutTree t = slt(sup(s("x"), g(s("2"))));
        assertEquals("x Sup{ 2 }", t.canonical());
        assertEquals("# Sup{ # }", t.structure());
        assertEquals(List.of(e("x", "2", Relation.SUPERSCRIPT)), t.labeledEdges());
        assertEquals(Optional.of(0), t.root());
        assertEquals(Optional.of(1), t.child(0, Relation.SUPERSCRIPT));
    }

    @Test
    void fractionBarHasNumeratorAboveAndDenominatorBelow() {
        SymbolLayoutTree t = slt(frac(g(s("a")), g(s("b"))), s("+"), s("c"));
        assertEquals("- Above{ a } Below{ b } + c", t.canonical());
        assertEquals("# Above{ # } Below{ # } # #", t.structure());
        assertEquals(List.of(e("-", "a", Relation.ABOVE), e("-", "b", Relation.BELOW), e("-", "+", Relation.RIGHT),
                e("+", "c", Relation.RIGHT)), t.labeledEdges());
    }

    @Test
    void rootHasRadicandInsideAndIndexAbove() {
        assertEquals("\\sqrt Above{ 3 } Inside{ x }", slt(root(row(s("3")), g(s("x")))).canonical());
        assertEquals("\\sqrt Inside{ x + 1 }", slt(sqrt(g(syms("x + 1")))).canonical());
    }

    @Test
    void sumLimitsAreAboveAndBelowIntegralLimitsAreScripts() {
        SymbolLayoutTree sum = slt(subsup(op("\\sum"), g(s("i")), g(s("n"))), s("i"));
        assertEquals("\\sum Above{ n } Below{ i } i", sum.canonical());
        assertTrue(sum.labeledEdges().contains(e("\\sum", "i", Relation.BELOW)));
        assertTrue(sum.labeledEdges().contains(e("\\sum", "i", Relation.RIGHT)));
        assertEquals("\\int Sup{ 1 } Sub{ 0 }", slt(subsup(op("\\int"), g(s("0")), g(s("1")))).canonical());
        assertEquals("\\int Above{ 1 } Below{ 0 }", slt(subsup(opLimits("\\int"), g(s("0")), g(s("1")))).canonical());
        assertEquals("\\lim Below{ x \\rightarrow 0 } f", slt(sub(op("\\lim"), g(syms("x \\rightarrow 0"))), s("f")).canonical());
    }

    @Test
    void scriptOrderInTheSourceDoesNotMatter() {
        // x _ { a } ^ { b } (positions 0 1 2 3 4 5 6 7 8) and x ^ { b } _ { a }
        MathNode subFirst = row(new Scripts(s("x", 0), Optional.of(g(s("a", 3))), Optional.of(g(s("b", 7))), 0));
        MathNode supFirst = row(new Scripts(s("x", 0), Optional.of(g(s("a", 7))), Optional.of(g(s("b", 3))), 0));
        SymbolLayoutTree one = SymbolLayoutTree.of(subFirst);
        SymbolLayoutTree other = SymbolLayoutTree.of(supFirst);
        assertEquals("x Sup{ b } Sub{ a }", one.canonical());
        assertEquals(one.canonical(), other.canonical());
        assertEquals(one.structure(), other.structure());
        assertEquals(one.labeledEdges(), other.labeledEdges());
        assertEquals(one.edges(), other.edges());
        assertEquals(one.symbols().stream().map(LayoutSymbol::token).toList(),
                other.symbols().stream().map(LayoutSymbol::token).toList());
        assertEquals(7, other.symbols().get(1).position(), "positions still point at the source tokens");
    }

    @Test
    void scriptsHangFromTheLastSymbolOfTheBaseAndTheBaselineGoesOnFromTheBase() {
        assertEquals("( a + b ) Sup{ 2 } c", slt(s("("), s("a"), s("+"), s("b"), sup(s(")"), g(s("2"))), s("c")).canonical());
        assertEquals("a + b Sup{ 2 } c", slt(sup(g(syms("a + b")), g(s("2"))), s("c")).canonical());
        assertEquals("- Above{ a } Below{ b } Sup{ 2 }", slt(sup(frac(g(s("a")), g(s("b"))), g(s("2")))).canonical());
        assertEquals("x Sup{ 2 Sup{ n } }", slt(sup(s("x"), g(sup(s("2"), g(s("n")))))).canonical());
    }

    @Test
    void delimitersAreSymbolsAndInvisibleOnesAreNot() {
        SymbolLayoutTree fenced = slt(delimited("(", row(s("x")), ")"));
        assertEquals(slt(syms("( x )")).canonical(), fenced.canonical());
        assertEquals("x |", slt(delimited(".", row(s("x")), "|")).canonical());
        assertEquals("\\{ x \\} Sup{ 2 }", slt(sup(delimited("\\{", row(s("x")), "\\}"), g(s("2")))).canonical());
    }

    @Test
    void structureIgnoresSymbolsButNotLayout() {
        assertEquals(slt(sup(s("x"), g(s("2")))).structure(), slt(sup(s("y"), g(s("3")))).structure());
        assertNotEquals(slt(sup(s("x"), g(s("2")))).structure(), slt(sub(s("x"), g(s("2")))).structure());
        assertNotEquals(slt(sup(s("x"), g(s("2")))).canonical(), slt(sup(s("y"), g(s("2")))).canonical());
        assertNotEquals(slt(syms("x y")).structure(), slt(syms("x y z")).structure());
    }

    @Test
    void environmentsKeepTheirShapeAndEmptyCells() {
        String[] r1 = {"a", "b"};
        String[] r2 = {"c", "d"};
        SymbolLayoutTree m = slt(env("pmatrix", "", r1, r2));
        assertEquals("\\begin{pmatrix} Inside{ <cell> Below{ <cell> Inside{ c } <cell> Inside{ d } } Inside{ a } <cell> Inside{ b } }",
                m.canonical());
        SymbolLayoutTree wide = slt(env("pmatrix", "", new String[] {"a", "b", "c", "d"}));
        assertNotEquals(m.structure(), wide.structure(), "2x2 and 1x4 differ");
        SymbolLayoutTree holes = slt(env("pmatrix", "", new String[] {"a", ""}, new String[] {"", "d"}));
        assertNotEquals(m.structure(), holes.structure());
        assertEquals("\\begin{array}{l|r} Inside{ <cell> Inside{ x } }", slt(env("array", "l | r", new String[] {"x"})).canonical());
        assertEquals("x = \\begin{cases} Inside{ <cell> Inside{ 1 } } y",
                slt(s("x"), s("="), env("cases", "", new String[] {"1"}), s("y")).canonical());
    }

    @Test
    void rareCasesFollowTheDocumentedRules() {
        // { x ^ { 2 } } ^ { 3 }: the 3 continues the superscript's baseline
        assertEquals("x Sup{ 2 3 }", slt(sup(g(sup(s("x"), g(s("2")))), g(s("3")))).canonical());
        // an empty base: the scripts hang from the previous symbol, or start the baseline
        assertEquals("x Sup{ 2 } y", slt(s("x"), sup(g(), g(s("2"))), s("y")).canonical());
        assertEquals("2 x", slt(sup(g(), g(s("2"))), s("x")).canonical());
        // nothing at all
        SymbolLayoutTree empty = slt();
        assertEquals("", empty.canonical());
        assertEquals(Optional.empty(), empty.root());
        assertEquals("", slt(g(), delimited(".", row(), ".")).canonical());
    }

    @Test
    void everyTreeIsATree() {
        SymbolLayoutTree t = slt(frac(g(sup(s("x"), g(s("2")))), g(syms("a + b"))), s("="),
                subsup(op("\\sum"), g(syms("i = 1")), g(s("n"))), root(row(s("3")), g(s("y"))),
                env("bmatrix", "", new String[] {"1", "0"}, new String[] {"0", "1"}));
        assertEquals(t.symbols().size() - 1, t.edges().size());
        // the constructor validated it; a copy through the public constructor is accepted too
        assertEquals(t.canonical(), new SymbolLayoutTree(t.symbols(), t.edges()).canonical());
    }

    @Test
    void malformedTreesAreRejected() {
        List<LayoutSymbol> three = List.of(new LayoutSymbol("a", 0), new LayoutSymbol("b", 1), new LayoutSymbol("c", 2));
        assertThrows(IllegalArgumentException.class, () -> new SymbolLayoutTree(three,
                List.of(new LayoutEdge(0, 1, Relation.RIGHT))), "c has no parent");
        assertThrows(IllegalArgumentException.class, () -> new SymbolLayoutTree(three,
                List.of(new LayoutEdge(0, 1, Relation.RIGHT), new LayoutEdge(0, 2, Relation.RIGHT))), "two Right children");
        assertThrows(IllegalArgumentException.class, () -> new SymbolLayoutTree(three,
                List.of(new LayoutEdge(0, 1, Relation.RIGHT), new LayoutEdge(2, 2, Relation.SUPERSCRIPT))), "a cycle");
        assertThrows(IllegalArgumentException.class, () -> new SymbolLayoutTree(three,
                List.of(new LayoutEdge(0, 1, Relation.RIGHT), new LayoutEdge(1, 2, Relation.RIGHT), new LayoutEdge(2, 0, Relation.SUBSCRIPT))));
    }

    @Test
    void longBaselinesDoNotExhaustTheStack() {
        List<MathNode> items = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            items.add(s(i % 2 == 0 ? "x" : "+"));
        }
        SymbolLayoutTree t = SymbolLayoutTree.of(new MathNode.Row(items, 0));
        assertEquals(50_000, t.symbols().size());
        assertEquals(2 * 50_000 - 1, t.canonical().length());
    }
}
