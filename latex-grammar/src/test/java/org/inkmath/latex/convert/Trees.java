package org.inkmath.latex.convert;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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

/** Hand-built syntax trees for tests (the parser is built elsewhere); positions are given where they matter. */
final class Trees {

    private Trees() {
    }

    static Symbol s(String token) {
        return new Symbol(token, 0);
    }

    static Symbol s(String token, int position) {
        return new Symbol(token, position);
    }

    /** Symbols from a space-separated string: {@code syms("a + b")}. */
    static MathNode[] syms(String spaced) {
        return Arrays.stream(spaced.split(" ")).map(Trees::s).toArray(MathNode[]::new);
    }

    static Row row(MathNode... items) {
        return new Row(List.of(items), 0);
    }

    static Group g(MathNode... items) {
        return new Group(row(items), 0);
    }

    static Fraction frac(MathNode numerator, MathNode denominator) {
        return new Fraction(numerator, denominator, 0);
    }

    static Root sqrt(MathNode radicand) {
        return new Root(Optional.empty(), radicand, 0);
    }

    static Root root(Row index, MathNode radicand) {
        return new Root(Optional.of(index), radicand, 0);
    }

    static Scripts sup(MathNode base, MathNode superscript) {
        return new Scripts(base, Optional.empty(), Optional.of(superscript), 0);
    }

    static Scripts sub(MathNode base, MathNode subscript) {
        return new Scripts(base, Optional.of(subscript), Optional.empty(), 0);
    }

    static Scripts subsup(MathNode base, MathNode subscript, MathNode superscript) {
        return new Scripts(base, Optional.of(subscript), Optional.of(superscript), 0);
    }

    static BigOperator op(String token) {
        return new BigOperator(token, false, 0);
    }

    static BigOperator opLimits(String token) {
        return new BigOperator(token, true, 0);
    }

    static Delimited delimited(String open, Row body, String close) {
        return new Delimited(open, body, close, 0);
    }

    /** An environment from rows of cells, each cell a space-separated list of symbols ("" for empty). */
    static Environment env(String name, String columns, String[]... rows) {
        List<List<Row>> cells = Arrays.stream(rows)
                .map(r -> Arrays.stream(r).map(c -> c.isEmpty() ? row() : row(syms(c))).toList())
                .toList();
        return new Environment(name, columns, cells, 0);
    }
}
