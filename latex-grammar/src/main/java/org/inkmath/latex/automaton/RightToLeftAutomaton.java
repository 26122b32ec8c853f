package org.inkmath.latex.automaton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.inkmath.latex.Vocabulary;
import org.inkmath.latex.automaton.PrefixAutomaton.Mode;

/**
 * The prefix automaton for a decoder that emits a formula from right to left: after any reversed
 * suffix it says which tokens may come next (further left) so that a complete formula is still
 * reachable. Reading right to left the meaning of a token depends on what is still to come (is
 * {@code ]} a symbol or the end of a root index? is this group an argument of {@code \frac}?), so
 * no small deterministic automaton will do; this one is an Earley recogniser over the reversed
 * grammar of GRAMMAR.md, whose states are immutable Earley sets linked to their predecessors: a
 * beam search still forks a hypothesis in O(1), but a step costs up to O(length) rather than O(1).
 * It accepts the reverse of exactly what {@link PrefixAutomaton} of the same mode accepts (a test
 * checks this exhaustively on short sequences). States compare by identity.
 *
 * <pre>{@code
 * RightToLeftAutomaton rtl = new RightToLeftAutomaton(Mode.CANONICAL, Vocabulary.crohme());
 * RightToLeftAutomaton.State s = rtl.start();
 * s = rtl.advance(s, id("}"));      // the last token of x ^ { 2 }
 * rtl.allowed(s);                   // what may stand left of it: symbols, '}', ... (not '{': no empty group)
 * }</pre>
 */
public final class RightToLeftAutomaton {

    // Terminals of the grammar: one per token class that the grammar tells apart.
    private static final TokenClass[] TERMINALS = {
        TokenClass.SYMBOL, TokenClass.OPEN_BRACKET, TokenClass.CLOSE_BRACKET, TokenClass.FUNCTION,
        TokenClass.BIG_OPERATOR, TokenClass.LIMITS, TokenClass.FRAC, TokenClass.SQRT,
        TokenClass.OPEN_BRACE, TokenClass.CLOSE_BRACE, TokenClass.SUPERSCRIPT, TokenClass.SUBSCRIPT,
    };

    private final Mode mode;
    private final Vocabulary vocabulary;
    private final TokenClass[] classes;
    private final Grammar grammar;
    private final State start;

    public RightToLeftAutomaton(Mode mode, Vocabulary vocabulary) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.classes = TokenClass.classify(vocabulary);
        this.grammar = Grammar.reversed(mode == Mode.CANONICAL);
        this.start = closure(new State(null, 0), List.of(new Item(grammar.startProduction, 0, null)));
    }

    public Mode mode() {
        return mode;
    }

    /** The state before any token: nothing emitted yet. */
    public State start() {
        return start;
    }

    /** The tokens that may come next (to the left of what was emitted); computed once per state. */
    public TokenSet allowed(State state) {
        TokenSet cached = state.allowed;
        if (cached == null) {
            boolean[] terminals = new boolean[TERMINALS.length];
            boolean end = false;
            for (Item item : state.items) {
                int next = grammar.next(item);
                if (next < 0 && next != Grammar.NONE) {
                    terminals[Grammar.terminalIndex(next)] = true;
                }
                end |= item.production == grammar.startProduction && item.dot == 1;
            }
            boolean complete = end;
            cached = TokenSet.of(vocabulary.size(), id -> id == Vocabulary.EOS ? complete
                    : terminalOf(id) >= 0 && terminals[terminalOf(id)]);
            state.allowed = cached;
        }
        return cached;
    }

    /**
     * The state after emitting {@code tokenId} to the left of what came before.
     *
     * @throws IllegalArgumentException if the token may not come next
     */
    public State advance(State state, int tokenId) {
        if (!allowed(state).contains(tokenId) || tokenId == Vocabulary.EOS) {
            throw new IllegalArgumentException("token id " + tokenId + (tokenId >= 0 && tokenId < classes.length
                    ? " '" + vocabulary.token(tokenId) + "'" : "") + " may not come next here (right to left)");
        }
        int terminal = Grammar.terminal(terminalOf(tokenId));
        List<Item> scanned = new ArrayList<>();
        for (Item item : state.items) {
            if (grammar.next(item) == terminal) {
                scanned.add(new Item(item.production, item.dot + 1, item.origin));
            }
        }
        return closure(new State(state, state.position + 1), scanned);
    }

    /** Whether {@code ids}, given left to right, form a formula: they are fed right to left. */
    public boolean acceptsLeftToRight(int[] ids) {
        State state = start;
        for (int i = ids.length - 1; i >= 0; i--) {
            if (!allowed(state).contains(ids[i]) || ids[i] == Vocabulary.EOS) {
                return false;
            }
            state = advance(state, ids[i]);
        }
        return allowed(state).contains(Vocabulary.EOS);
    }

    private int terminalOf(int id) {
        if (id < 0 || id >= classes.length) {
            return -1;
        }
        for (int t = 0; t < TERMINALS.length; t++) {
            if (TERMINALS[t] == classes[id]) {
                return t;
            }
        }
        return -1;
    }

    /** Predicts and completes until nothing changes (with the nullable shortcut of Aycock and Horspool). */
    private State closure(State state, List<Item> seed) {
        List<Item> items = new ArrayList<>();
        Set<Item> seen = new HashSet<>();
        List<Item> work = new ArrayList<>(seed);
        while (!work.isEmpty()) {
            Item item = work.remove(work.size() - 1);
            Item placed = item.origin == null ? new Item(item.production, item.dot, state) : item;
            if (!seen.add(placed)) {
                continue;
            }
            items.add(placed);
            int next = grammar.next(placed);
            if (next >= 0) {
                for (int p : grammar.productionsOf(next)) {
                    work.add(new Item(p, 0, state));
                }
                if (grammar.nullable[next]) {
                    work.add(new Item(placed.production, placed.dot + 1, placed.origin));
                }
            } else if (next == Grammar.NONE) {
                int lhs = grammar.lhs[placed.production];
                List<Item> from = placed.origin == state ? items : placed.origin.items;
                for (int k = 0; k < from.size(); k++) {
                    Item waiting = from.get(k);
                    if (grammar.next(waiting) == lhs) {
                        work.add(new Item(waiting.production, waiting.dot + 1, waiting.origin));
                    }
                }
            }
        }
        state.items = List.copyOf(items);
        return state;
    }

    /**
     * An Earley set, linked to the one before it. Immutable once the automaton hands it out (its
     * items are filled in while it is built; its allowed set is computed on first use).
     */
    public static final class State {
        private final State previous;
        private final int position;
        private List<Item> items = List.of();
        private volatile TokenSet allowed;

        private State(State previous, int position) {
            this.previous = previous;
            this.position = position;
        }

        /** How many tokens have been emitted. */
        public int length() {
            return position;
        }

        /** The state before the last token, or null at the start. */
        public State previous() {
            return previous;
        }
    }

    private record Item(int production, int dot, State origin) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Item other && other.production == production && other.dot == dot && other.origin == origin;
        }

        @Override
        public int hashCode() {
            return (production * 31 + dot) * 31 + System.identityHashCode(origin);
        }
    }

    /**
     * The grammar of GRAMMAR.md over the vocabulary's token classes, every right-hand side
     * reversed. Symbols: nonterminals are ids {@code >= 0}, terminal {@code t} is {@code -(t + 2)}.
     */
    private static final class Grammar {
        static final int NONE = -1;

        final int[] lhs;
        final int[][] rhs;
        final boolean[] nullable;
        final int startProduction;
        private final int[][] byLhs;

        private Grammar(List<int[]> productions, int nonterminals, int startProduction) {
            this.lhs = new int[productions.size()];
            this.rhs = new int[productions.size()][];
            for (int p = 0; p < productions.size(); p++) {
                int[] prod = productions.get(p);
                lhs[p] = prod[0];
                int[] body = Arrays.copyOfRange(prod, 1, prod.length);
                for (int i = 0, j = body.length - 1; i < j; i++, j--) {
                    int tmp = body[i];
                    body[i] = body[j];
                    body[j] = tmp;
                }
                rhs[p] = body;
            }
            this.startProduction = startProduction;
            this.nullable = new boolean[nonterminals];
            for (boolean changed = true; changed; ) {
                changed = false;
                for (int p = 0; p < rhs.length; p++) {
                    if (!nullable[lhs[p]] && Arrays.stream(rhs[p]).allMatch(s -> s >= 0 && nullable[s])) {
                        nullable[lhs[p]] = true;
                        changed = true;
                    }
                }
            }
            List<List<Integer>> grouped = new ArrayList<>();
            for (int n = 0; n < nonterminals; n++) {
                grouped.add(new ArrayList<>());
            }
            for (int p = 0; p < lhs.length; p++) {
                grouped.get(lhs[p]).add(p);
            }
            this.byLhs = grouped.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        }

        static int terminal(int index) {
            return -(index + 2);
        }

        static int terminalIndex(int symbol) {
            return -symbol - 2;
        }

        int next(Item item) {
            int[] body = rhs[item.production];
            return item.dot < body.length ? body[item.dot] : NONE;
        }

        int[] productionsOf(int nonterminal) {
            return byLhs[nonterminal];
        }

        /** The forward grammar, written as in GRAMMAR.md, with index and canonical variants. */
        static Grammar reversed(boolean canonical) {
            int sym = terminal(0), lbr = terminal(1), rbr = terminal(2), func = terminal(3), bigop = terminal(4);
            int limits = terminal(5), frac = terminal(6), sqrt = terminal(7), lb = terminal(8), rb = terminal(9);
            int sup = terminal(10), sub = terminal(11);
            Map<String, Integer> names = new HashMap<>();
            List<int[]> prods = new ArrayList<>();
            // Nonterminals; suffix N: a normal row, I: the top level of a root index.
            String[] all = {"S", "F", "RowN", "RowI", "Row1N", "Row1I", "ItemN", "ItemI", "AtomN", "AtomI",
                "ScriptsN", "ScriptsI", "ArgN", "ArgI", "RadicandN", "RadicandI", "Group"};
            for (String n : all) {
                names.put(n, names.size());
            }
            java.util.function.BiConsumer<String, int[]> rule = (n, body) -> {
                int[] prod = new int[body.length + 1];
                prod[0] = names.get(n);
                System.arraycopy(body, 0, prod, 1, body.length);
                prods.add(prod);
            };
            java.util.function.Function<String, Integer> nt = names::get;
            rule.accept("S", new int[] {nt.apply("F")});
            rule.accept("F", new int[] {nt.apply(canonical ? "Row1N" : "RowN")});
            for (String c : new String[] {"N", "I"}) {
                boolean index = c.equals("I");
                // Row : Item* ; Row1 : Item+ (non-empty rows of canonical form).
                rule.accept("Row" + c, new int[] {});
                rule.accept("Row" + c, new int[] {nt.apply("Row" + c), nt.apply("Item" + c)});
                rule.accept("Row1" + c, new int[] {nt.apply("Item" + c)});
                rule.accept("Row1" + c, new int[] {nt.apply("Row1" + c), nt.apply("Item" + c)});
                rule.accept("Item" + c, new int[] {nt.apply("Atom" + c)});
                rule.accept("Item" + c, new int[] {nt.apply("Atom" + c), nt.apply("Scripts" + c)});
                int arg = nt.apply("Arg" + c);
                rule.accept("Scripts" + c, new int[] {sub, arg});
                rule.accept("Scripts" + c, new int[] {sup, arg});
                rule.accept("Scripts" + c, new int[] {sub, arg, sup, arg});
                rule.accept("Scripts" + c, new int[] {sup, arg, sub, arg});
                // Atoms: symbols ('[' always, ']' outside an index), functions, big operators, groups, fractions, roots.
                rule.accept("Atom" + c, new int[] {sym});
                rule.accept("Atom" + c, new int[] {lbr});
                if (!index) {
                    rule.accept("Atom" + c, new int[] {rbr});
                }
                rule.accept("Atom" + c, new int[] {func});
                rule.accept("Atom" + c, new int[] {bigop});
                rule.accept("Atom" + c, new int[] {bigop, limits});
                rule.accept("Atom" + c, new int[] {nt.apply("Group")});
                rule.accept("Atom" + c, new int[] {frac, arg, arg});
                rule.accept("Atom" + c, new int[] {sqrt, nt.apply("Radicand" + c)});
                if (!index) {
                    // '\sqrt [' at an index's top level would end the outer index early.
                    rule.accept("Atom" + c, new int[] {sqrt, lbr, nt.apply(canonical ? "Row1I" : "RowI"), rbr, nt.apply("ArgN")});
                }
                // Arguments: a group, or (LATEX) one symbol or function; right after \sqrt a '[' opens an index instead.
                rule.accept("Arg" + c, new int[] {nt.apply("Group")});
                rule.accept("Radicand" + c, new int[] {nt.apply("Group")});
                if (!canonical) {
                    for (String target : new String[] {"Arg" + c, "Radicand" + c}) {
                        rule.accept(target, new int[] {sym});
                        rule.accept(target, new int[] {func});
                        if (!index) {
                            rule.accept(target, new int[] {rbr});
                        }
                    }
                    rule.accept("Arg" + c, new int[] {lbr});
                }
            }
            rule.accept("Group", new int[] {lb, nt.apply(canonical ? "Row1N" : "RowN"), rb});
            return new Grammar(prods, names.size(), 0);
        }
    }
}
