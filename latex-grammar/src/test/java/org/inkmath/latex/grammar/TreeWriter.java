package org.inkmath.latex.grammar;

import java.util.ArrayList;
import java.util.List;

import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.tree.MathNode;

/** Test helper: writes a syntax tree back as tokens, scripts in the order subscript, superscript. */
final class TreeWriter {

    private TreeWriter() {
    }

    static TokenSequence write(MathNode node) {
        List<String> out = new ArrayList<>();
        write(node, out);
        return new TokenSequence(out);
    }

    private static void write(MathNode node, List<String> out) {
        if (node instanceof MathNode.Row row) {
            row.items().forEach(item -> write(item, out));
        } else if (node instanceof MathNode.Symbol symbol) {
            out.add(symbol.token());
        } else if (node instanceof MathNode.BigOperator op) {
            out.add(op.token());
            if (op.limits()) {
                out.add("\\limits");
            }
        } else if (node instanceof MathNode.Group group) {
            out.add("{");
            write(group.body(), out);
            out.add("}");
        } else if (node instanceof MathNode.Fraction fraction) {
            out.add("\\frac");
            write(fraction.numerator(), out);
            write(fraction.denominator(), out);
        } else if (node instanceof MathNode.Root root) {
            out.add("\\sqrt");
            root.index().ifPresent(index -> {
                out.add("[");
                write(index, out);
                out.add("]");
            });
            write(root.radicand(), out);
        } else if (node instanceof MathNode.Scripts scripts) {
            write(scripts.base(), out);
            scripts.subscript().ifPresent(sub -> {
                out.add("_");
                write(sub, out);
            });
            scripts.superscript().ifPresent(sup -> {
                out.add("^");
                write(sup, out);
            });
        } else if (node instanceof MathNode.Delimited delimited) {
            out.add("\\left");
            out.add(delimited.open());
            write(delimited.body(), out);
            out.add("\\right");
            out.add(delimited.close());
        } else if (node instanceof MathNode.Environment environment) {
            out.add("\\begin{" + environment.name() + "}"
                    + (environment.name().equals("array") ? "{" + environment.columns() + "}" : ""));
            for (int r = 0; r < environment.rows().size(); r++) {
                if (r > 0) {
                    out.add("\\\\");
                }
                List<MathNode.Row> cells = environment.rows().get(r);
                for (int c = 0; c < cells.size(); c++) {
                    if (c > 0) {
                        out.add("&");
                    }
                    write(cells.get(c), out);
                }
            }
            out.add("\\end{" + environment.name() + "}");
        } else {
            throw new IllegalArgumentException("unknown node " + node);
        }
    }
}
