package org.inkmath.latex.convert;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

/**
 * A symbol layout tree (SLT): the symbols of a formula and the spatial relations between them,
 * as CROHME describes handwritten formulas. Symbol 0 is the root (the first symbol on the main
 * baseline); every other symbol has exactly one parent, and a symbol has at most one child per
 * relation.
 *
 * <pre>{@code
 * SymbolLayoutTree slt = SymbolLayoutTree.of(tree);   // for \frac { a } { b } + c
 * slt.canonical()   // "- Above{ a } Below{ b } + c"
 * slt.structure()   // "# Above{ # } Below{ # } # #"
 * slt.labeledEdges() // [(-, a, Above), (-, b, Below), (-, +, Right), (+, c, Right)]
 * }</pre>
 *
 * <p>Conventions, those of CROHME's label graphs and LgEval's MathML mapping where they exist:
 * <ul>
 * <li>Symbols on one baseline are chained by {@link Relation#RIGHT}. Braces, {@code \left},
 *     {@code \right} and {@code \limits} are not symbols; {@code \left(} gives the symbol
 *     {@code (}, so {@code \left( x \right)} and {@code ( x )} have the same tree, and an
 *     invisible delimiter {@code .} gives none.</li>
 * <li>A fraction is its bar, the symbol {@code -}, with the numerator {@code Above} and the
 *     denominator {@code Below} (LgEval: {@code -,ABOVE,BELOW -> mfrac}).</li>
 * <li>{@code \sqrt} is a symbol with the radicand {@code Inside} and the index of
 *     {@code \sqrt[3]} {@code Above} (LgEval: {@code sqrt,INSIDE,ABOVE -> mroot}).</li>
 * <li>Scripts hang from the last symbol of their base's baseline ({@code )} in
 *     {@code ( a + b ) ^ { 2 }}, the bar of a fraction) as {@code Sup}/{@code Sub}; the symbol
 *     after a scripted item continues the base's baseline. The limits of {@code \sum} and
 *     {@code \lim}, and of any big operator followed by {@code \limits}, are {@code Above} and
 *     {@code Below}, where people write them and LaTeX draws them in display style; those of
 *     {@code \int} are {@code Sup}/{@code Sub}. Source order does not matter:
 *     {@code x _ { a } ^ { b }} and {@code x ^ { b } _ { a }} give the same tree.</li>
 * <li>Two rare cases need a rule of ours: a script on a group whose last symbol already has
 *     that script ({@code { x ^ { 2 } } ^ { 3 }}) continues the existing script's baseline
 *     ({@code 2 Right 3}); a script on an empty base ({@code { } ^ { 2 }}) hangs from the
 *     previous symbol, or starts the baseline when there is none.</li>
 * <li>Environments (CROHME has no convention for them): the environment is one symbol, its
 *     begin token ({@code \begin{pmatrix}}, {@code \begin{array}{cc}}); each cell is a symbol
 *     {@value #CELL}; the environment has its first cell {@code Inside}, a cell has the next cell
 *     of its row {@code Right} and its content {@code Inside}, and the first cell of a row has the
 *     first cell of the next row {@code Below}. So tables of other shapes differ, empty cells
 *     included.</li>
 * </ul>
 *
 * <p>How this differs from the official CROHME tools: LgEval compares label graphs whose nodes
 * are strokes, so a symbol is identified by its ink and symbol-level scores count segmentation,
 * classification and the relation of every pair of aligned symbols. Here both trees come from
 * LaTeX, symbols carry no ink, and nothing aligns the symbols of two trees; so the symbol-level
 * comparison this class supports is over multisets of (parent token, child token, relation)
 * triples ({@link #labeledEdges()}), and the expression-level ones are equality of
 * {@link #canonical()} (layout and symbols) and of {@link #structure()} (layout only, CROHME's
 * "structure rate"). Only tree edges are kept (no inherited relations), and LgEval's
 * alternative spellings of the same layout (a {@code \sum} with {@code Sup}/{@code Sub}) are
 * not accepted as equal.
 *
 * <p>{@code equals} compares positions too (where each symbol sits in its token sequence), so
 * {@code x _ { a } ^ { b }} and {@code x ^ { b } _ { a }} give trees that differ by
 * {@code equals} but share {@link #canonical()}, {@link #structure()} and {@link #labeledEdges()}:
 * compare those to compare layouts.
 *
 * @param symbols the symbols in reading order; symbol 0 is the root
 * @param edges   the parent-child relations, indices into {@code symbols}
 */
public record SymbolLayoutTree(List<LayoutSymbol> symbols, List<LayoutEdge> edges) {

    /** The token of a table cell's symbol. */
    public static final String CELL = "<cell>";
    /** What every symbol becomes in {@link #structure()}. */
    public static final String PLACEHOLDER = "#";

    /** The order in which a symbol's children are written out; Right comes last, outside. */
    private static final List<Relation> WRITTEN_ORDER = List.of(
            Relation.ABOVE, Relation.BELOW, Relation.SUPERSCRIPT, Relation.SUBSCRIPT, Relation.INSIDE);

    /**
     * One symbol.
     *
     * @param token    the LaTeX token ({@code x}, {@code \alpha}; {@code -} for a fraction bar)
     * @param position index of the token it comes from in the formula's token sequence (for a
     *                 closing {@code \right} delimiter, that of its {@code \left}; for a cell,
     *                 the cell's first token)
     */
    public record LayoutSymbol(String token, int position) {
        public LayoutSymbol {
            Objects.requireNonNull(token, "token");
        }
    }

    /** A relation from symbol {@code parent} to symbol {@code child} (indices into the symbols). */
    public record LayoutEdge(int parent, int child, Relation relation) {
        public LayoutEdge {
            Objects.requireNonNull(relation, "relation");
        }
    }

    /** An edge with its symbols' tokens: the unit of symbol-level precision and recall. */
    public record LabeledEdge(String parent, String child, Relation relation) {
        @Override
        public String toString() {
            return "(" + parent + ", " + child + ", " + relation.label() + ")";
        }
    }

    public SymbolLayoutTree {
        symbols = List.copyOf(symbols);
        edges = List.copyOf(edges);
        int[] parents = new int[symbols.size()];
        Map<Long, Integer> slots = new HashMap<>();
        for (LayoutEdge e : edges) {
            if (e.parent() < 0 || e.parent() >= symbols.size() || e.child() < 0 || e.child() >= symbols.size()) {
                throw new IllegalArgumentException("edge " + e + " points outside the " + symbols.size() + " symbols");
            }
            if (e.child() == 0) {
                throw new IllegalArgumentException("symbol 0 is the root and has no parent: " + e);
            }
            if (++parents[e.child()] > 1) {
                throw new IllegalArgumentException("symbol " + e.child() + " has two parents");
            }
            if (slots.put(slotKey(e.parent(), e.relation()), e.child()) != null) {
                throw new IllegalArgumentException("symbol " + e.parent() + " has two " + e.relation().label() + " children");
            }
        }
        for (int i = 1; i < parents.length; i++) {
            if (parents[i] != 1) {
                throw new IllegalArgumentException("symbol " + i + " (" + symbols.get(i).token() + ") has no parent");
            }
        }
        // n - 1 edges, one parent each, none into the root: a cycle would leave a symbol
        // unreachable from the root, which the walk below detects
        if (!symbols.isEmpty() && reachable(symbols.size(), edges) != symbols.size()) {
            throw new IllegalArgumentException("the edges hold a cycle");
        }
    }

    /** The tree of a formula (a {@link Row}, usually the validator's result). */
    public static SymbolLayoutTree of(MathNode formula) {
        Builder b = new Builder();
        b.place(formula);
        return new SymbolLayoutTree(b.symbols, b.edges);
    }

    /** The root symbol's index (0), or empty for a formula without symbols. */
    public Optional<Integer> root() {
        return symbols.isEmpty() ? Optional.empty() : Optional.of(0);
    }

    /** The child of {@code parent} by {@code relation}, if any. */
    public Optional<Integer> child(int parent, Relation relation) {
        return edges.stream().filter(e -> e.parent() == parent && e.relation() == relation)
                .map(LayoutEdge::child).findFirst();
    }

    /**
     * The tree written out: a baseline is its symbols separated by spaces; after a symbol come
     * its other children as {@code Rel{ ... }} in the order Above, Below, Sup, Sub, Inside. Two
     * trees are equal in layout and symbols exactly when their canonical strings are equal
     * (tokens hold no whitespace and none is {@code }} or ends with {@code {}).
     */
    public String canonical() {
        return write(false);
    }

    /** {@link #canonical()} with every symbol replaced by {@value #PLACEHOLDER}: the layout alone. */
    public String structure() {
        return write(true);
    }

    /** The edges with their tokens, in the order of {@link #edges()}. */
    public List<LabeledEdge> labeledEdges() {
        return edges.stream().map(e -> new LabeledEdge(symbols.get(e.parent()).token(),
                symbols.get(e.child()).token(), e.relation())).toList();
    }

    @Override
    public String toString() {
        return canonical();
    }

    private String write(boolean placeholders) {
        if (symbols.isEmpty()) {
            return "";
        }
        List<Map<Relation, Integer>> children = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i++) {
            children.add(new EnumMap<>(Relation.class));
        }
        for (LayoutEdge e : edges) {
            children.get(e.parent()).put(e.relation(), e.child());
        }
        StringBuilder out = new StringBuilder();
        writeBaseline(0, children, placeholders, out);
        return out.toString();
    }

    private void writeBaseline(int first, List<Map<Relation, Integer>> children, boolean placeholders, StringBuilder out) {
        // iterative along Right, recursive only into scripts: long baselines do not deepen the stack
        Integer symbol = first;
        boolean firstOnLine = true;
        while (symbol != null) {
            if (!firstOnLine) {
                out.append(' ');
            }
            firstOnLine = false;
            out.append(placeholders ? PLACEHOLDER : symbols.get(symbol).token());
            for (Relation r : WRITTEN_ORDER) {
                Integer child = children.get(symbol).get(r);
                if (child != null) {
                    out.append(' ').append(r.label()).append("{ ");
                    writeBaseline(child, children, placeholders, out);
                    out.append(" }");
                }
            }
            symbol = children.get(symbol).get(Relation.RIGHT);
        }
    }

    private static long slotKey(int parent, Relation relation) {
        return (long) parent * Relation.values().length + relation.ordinal();
    }

    private static int reachable(int size, List<LayoutEdge> edges) {
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            out.add(new ArrayList<>());
        }
        edges.forEach(e -> out.get(e.parent()).add(e.child()));
        boolean[] seen = new boolean[size];
        ArrayList<Integer> stack = new ArrayList<>(List.of(0));
        int count = 0;
        while (!stack.isEmpty()) {
            int s = stack.remove(stack.size() - 1);
            if (!seen[s]) {
                seen[s] = true;
                count++;
                stack.addAll(out.get(s));
            }
        }
        return count;
    }

    /** The first and the last symbol of a placed node's baseline. */
    private record Span(int entry, int anchor) {
    }

    /** Walks a syntax tree once, creating symbols in reading order. */
    private static final class Builder {
        final List<LayoutSymbol> symbols = new ArrayList<>();
        final List<LayoutEdge> edges = new ArrayList<>();
        final Map<Long, Integer> slots = new HashMap<>();

        int symbol(String token, int position) {
            symbols.add(new LayoutSymbol(token, position));
            return symbols.size() - 1;
        }

        void link(int parent, int child, Relation relation) {
            edges.add(new LayoutEdge(parent, child, relation));
            slots.put(slotKey(parent, relation), child);
        }

        /** Links, or when the slot is taken, continues the baseline of the child already there. */
        void attach(int parent, int child, Relation relation) {
            Integer taken = slots.get(slotKey(parent, relation));
            if (taken == null) {
                link(parent, child, relation);
                return;
            }
            int last = taken;
            for (Integer next = slots.get(slotKey(last, Relation.RIGHT)); next != null;
                    next = slots.get(slotKey(last, Relation.RIGHT))) {
                last = next;
            }
            link(last, child, Relation.RIGHT);
        }

        /** Places a node; empty when it has no symbol (an empty group, {@code \left. \right.}). */
        Optional<Span> place(MathNode node) {
            if (node instanceof Symbol s) {
                int i = symbol(s.token(), s.position());
                return Optional.of(new Span(i, i));
            } else if (node instanceof BigOperator op) {
                int i = symbol(op.token(), op.position());
                return Optional.of(new Span(i, i));
            } else if (node instanceof Group g) {
                return row(g.body().items());
            } else if (node instanceof Row r) {
                return row(r.items());
            } else if (node instanceof Fraction f) {
                int bar = symbol("-", f.position());
                place(f.numerator()).ifPresent(n -> link(bar, n.entry(), Relation.ABOVE));
                place(f.denominator()).ifPresent(d -> link(bar, d.entry(), Relation.BELOW));
                return Optional.of(new Span(bar, bar));
            } else if (node instanceof Root r) {
                int sqrt = symbol("\\sqrt", r.position());
                r.index().flatMap(this::place).ifPresent(i -> link(sqrt, i.entry(), Relation.ABOVE));
                place(r.radicand()).ifPresent(i -> link(sqrt, i.entry(), Relation.INSIDE));
                return Optional.of(new Span(sqrt, sqrt));
            } else if (node instanceof Scripts s) {
                return scripts(s, Optional.empty());
            } else if (node instanceof Delimited d) {
                List<Optional<Span>> parts = new ArrayList<>();
                parts.add(d.open().equals(".") ? Optional.empty() : Optional.of(single(d.open(), d.position())));
                parts.add(row(d.body().items()));
                // the tree does not keep where \right is: the closing symbol gets the \left's position
                parts.add(d.close().equals(".") ? Optional.empty() : Optional.of(single(d.close(), d.position())));
                return chain(parts);
            } else if (node instanceof Environment e) {
                return Optional.of(environment(e));
            }
            throw new IllegalArgumentException("unknown node type " + node.getClass().getName());
        }

        private Span single(String token, int position) {
            int i = symbol(token, position);
            return new Span(i, i);
        }

        private Optional<Span> row(List<MathNode> items) {
            Integer entry = null;
            Integer anchor = null;
            for (MathNode item : items) {
                Optional<Span> span = item instanceof Scripts s
                        ? scripts(s, Optional.ofNullable(anchor))
                        : place(item);
                if (span.isEmpty()) {
                    continue;
                }
                if (anchor == null) {
                    entry = span.get().entry();
                } else if (span.get().entry() != anchor) {
                    link(anchor, span.get().entry(), Relation.RIGHT);
                }
                anchor = span.get().anchor();
            }
            return entry == null ? Optional.empty() : Optional.of(new Span(entry, anchor));
        }

        /**
         * A scripted item. With an empty base the scripts hang from {@code previous} (the span
         * returned is then {@code previous} itself, so the baseline goes on from it) or, at the
         * start of a baseline, are laid on it one after the other.
         */
        private Optional<Span> scripts(Scripts s, Optional<Integer> previous) {
            Optional<Span> base = place(s.base());
            boolean limits = s.base() instanceof BigOperator op
                    && (op.limits() || op.token().equals("\\sum") || op.token().equals("\\lim"));
            Relation below = limits ? Relation.BELOW : Relation.SUBSCRIPT;
            Relation above = limits ? Relation.ABOVE : Relation.SUPERSCRIPT;
            if (base.isEmpty() && previous.isEmpty()) {
                List<Optional<Span>> parts = new ArrayList<>();
                s.subscript().ifPresent(n -> parts.add(place(n)));
                s.superscript().ifPresent(n -> parts.add(place(n)));
                return chain(parts);
            }
            int parent = base.map(Span::anchor).orElseGet(previous::get);
            // subscript first, whatever the source order, so both orders give the same symbols
            s.subscript().flatMap(this::place).ifPresent(sub -> attach(parent, sub.entry(), below));
            s.superscript().flatMap(this::place).ifPresent(sup -> attach(parent, sup.entry(), above));
            return Optional.of(base.orElseGet(() -> new Span(parent, parent)));
        }

        /** Spans laid one after the other on a baseline. */
        private Optional<Span> chain(List<Optional<Span>> parts) {
            Integer entry = null;
            Integer anchor = null;
            for (Optional<Span> part : parts) {
                if (part.isEmpty()) {
                    continue;
                }
                if (anchor == null) {
                    entry = part.get().entry();
                } else {
                    link(anchor, part.get().entry(), Relation.RIGHT);
                }
                anchor = part.get().anchor();
            }
            return entry == null ? Optional.empty() : Optional.of(new Span(entry, anchor));
        }

        private Span environment(Environment e) {
            String columns = e.columns().replaceAll("\\s+", "");
            String token = "\\begin{" + e.name() + "}" + (columns.isEmpty() ? "" : "{" + columns + "}");
            int table = symbol(token, e.position());
            Integer firstOfPreviousRow = null;
            for (List<Row> cells : e.rows()) {
                Integer previousCell = null;
                for (Row cell : cells) {
                    int marker = symbol(CELL, cell.position());
                    if (previousCell != null) {
                        link(previousCell, marker, Relation.RIGHT);
                    } else if (firstOfPreviousRow != null) {
                        link(firstOfPreviousRow, marker, Relation.BELOW);
                    } else {
                        link(table, marker, Relation.INSIDE);
                    }
                    if (previousCell == null) {
                        firstOfPreviousRow = marker;
                    }
                    previousCell = marker;
                    row(cell.items()).ifPresent(content -> link(marker, content.entry(), Relation.INSIDE));
                }
            }
            return new Span(table, table);
        }
    }
}
