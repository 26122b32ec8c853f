package org.inkmath.latex.tree;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The syntax tree of a well-formed formula, as the validator builds it from the parse tree.
 * Every node keeps the index of its first token ({@code position}) so that later stages (MathML,
 * layout trees, error messages) can point back into the token sequence.
 */
public sealed interface MathNode {

    /** Index of the node's first token in the token sequence. */
    int position();

    /** A sequence of items side by side: a whole formula, the inside of a group, a matrix cell. */
    record Row(List<MathNode> items, int position) implements MathNode {
        public Row {
            items = List.copyOf(items);
        }
    }

    /** One symbol: a letter, digit, operator, Greek letter, function name such as {@code \sin}. */
    record Symbol(String token, int position) implements MathNode {
        public Symbol {
            Objects.requireNonNull(token, "token");
        }
    }

    /** A big operator ({@code \sum \int \lim}); {@code limits} when {@code \limits} follows it. */
    record BigOperator(String token, boolean limits, int position) implements MathNode {
        public BigOperator {
            Objects.requireNonNull(token, "token");
        }
    }

    /** A braced group {@code { ... }}. */
    record Group(Row body, int position) implements MathNode {
        public Group {
            Objects.requireNonNull(body, "body");
        }
    }

    /** {@code \frac NUM DEN}; each argument is a group or a single symbol. */
    record Fraction(MathNode numerator, MathNode denominator, int position) implements MathNode {
        public Fraction {
            Objects.requireNonNull(numerator, "numerator");
            Objects.requireNonNull(denominator, "denominator");
        }
    }

    /** {@code \sqrt [INDEX] RADICAND}; the index is optional. */
    record Root(Optional<Row> index, MathNode radicand, int position) implements MathNode {
        public Root {
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(radicand, "radicand");
        }
    }

    /** A base with a subscript, a superscript or both (in either order in the source). */
    record Scripts(MathNode base, Optional<MathNode> subscript, Optional<MathNode> superscript, int position)
            implements MathNode {
        public Scripts {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(subscript, "subscript");
            Objects.requireNonNull(superscript, "superscript");
            if (subscript.isEmpty() && superscript.isEmpty()) {
                throw new IllegalArgumentException("a script node needs a subscript or a superscript");
            }
        }
    }

    /** {@code \left OPEN ... \right CLOSE}; a delimiter is {@code .} when it is invisible. */
    record Delimited(String open, Row body, String close, int position) implements MathNode {
        public Delimited {
            Objects.requireNonNull(open, "open");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(close, "close");
        }
    }

    /**
     * {@code \begin{NAME} ... \end{NAME}} with cells separated by {@code &} and rows by
     * {@code \\}; {@code columns} is the column spec of an array and empty otherwise.
     */
    record Environment(String name, String columns, List<List<Row>> rows, int position) implements MathNode {
        public Environment {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(columns, "columns");
            rows = rows.stream().map(List::copyOf).toList();
        }
    }
}
