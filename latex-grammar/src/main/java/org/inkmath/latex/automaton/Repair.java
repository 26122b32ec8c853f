package org.inkmath.latex.automaton;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;

import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.Vocabulary;
import org.inkmath.latex.automaton.PrefixAutomaton.Mode;
import org.inkmath.latex.automaton.PrefixAutomaton.State;

/**
 * Turns any token sequence into the nearest one that a {@link PrefixAutomaton} accepts, by fewest
 * token insertions and deletions. Tokens outside the vocabulary (and {@code <pad> <sos> <eos>})
 * are deleted. Valid input comes back unchanged with no edits.
 *
 * <p>What is supplied: closing <code>&#125;</code> and {@code ]}, and where an argument or a non-empty row
 * is due and keeping the structure is cheapest, a placeholder symbol (default
 * {@value PrefixAutomaton#DEFAULT_PLACEHOLDER}, which renders as an ellipsis and reads as "something
 * is missing here"); in {@link Mode#CANONICAL} mode it goes inside braces, {@code { \ldots }},
 * since an empty group is not canonical. Among repairs with equally few edits it prefers those
 * that invent less (every insertion but a closing <code>&#125;</code> or {@code ]} invents, an
 * operator such as {@code ^} or {@code \frac} twice as much as a placeholder or an opening brace), then
 * those that delete fewer: so a dangling {@code x ^} loses its {@code ^} rather than gaining a
 * placeholder, an unclosed <code>x ^ &#123; 2</code> gets its <code>&#125;</code>, and a stray
 * <code>&#125;</code> is deleted rather than matched by an invented <code>&#123;</code>.
 *
 * <p>How: a shortest-path search over (input position, automaton state), insertions settled per
 * position in cost order (Dijkstra), deletions and matches moving to the next position, and the
 * cheapest completion (closing brackets) added at the end. It keeps at most {@code beamWidth}
 * states per position and prunes states that cannot beat a known repair, so it runs in
 * O(n · beamWidth · 11) automaton steps; with a beam wide enough it is exact, and tests compare it
 * against an exhaustive search. Greedy repairs (left to right, keep what is allowed, bridge a
 * refused token with at most two insertions or delete it, then complete) bound the result from
 * above, so a pruned search never returns worse than they do.
 *
 * <pre>{@code
 * Repair repair = new Repair(PrefixAutomaton.crohme(Mode.CANONICAL));
 * RepairResult r = repair.repair(TokenSequence.parse("\\frac { a } { b"));
 * r.repaired();   // \frac { a } { b }
 * r.edits();      // [insert '}' at 6]
 * }</pre>
 */
public final class Repair {

    public static final int DEFAULT_BEAM_WIDTH = 64;
    /** Longer input is refused rather than searched: no formula is this long. */
    public static final int MAX_INPUT_TOKENS = 20_000;
    /** States settled per repair at most: long input gets a narrower beam, keeping time linear. */
    private static final long WORK_BUDGET = 2_000_000;

    // Costs compare as (edits, invented tokens, deletions), packed into one long.
    private static final long EDIT = 1L << 42;
    private static final long INVENTED = 1L << 21;
    private static final long DELETION = 1L;

    private static final byte START = 0;
    private static final byte MATCH = 1;
    private static final byte DELETE = 2;
    private static final byte INSERT = 3;

    private final PrefixAutomaton automaton;
    private final Vocabulary vocabulary;
    private final int beamWidth;
    private final int placeholderId;
    /** One token per class that an insertion may usefully add, and what inserting it costs. */
    private final int[] insertIds;
    private final long[] insertCosts;

    /** A repair for {@code automaton}'s mode with the default beam and placeholder. */
    public Repair(PrefixAutomaton automaton) {
        this(automaton, DEFAULT_BEAM_WIDTH, automaton.vocabulary().token(automaton.placeholderId()));
    }

    /**
     * A repair with a given beam width (states kept per input position, at least 1) and
     * placeholder (a symbol of the vocabulary).
     */
    public Repair(PrefixAutomaton automaton, int beamWidth, String placeholder) {
        this.automaton = Objects.requireNonNull(automaton, "automaton");
        this.vocabulary = automaton.vocabulary();
        if (beamWidth < 1) {
            throw new IllegalArgumentException("the beam width must be at least 1, not " + beamWidth);
        }
        this.beamWidth = beamWidth;
        this.placeholderId = vocabulary.id(placeholder)
                .filter(id -> automaton.classOf(id) == TokenClass.SYMBOL)
                .orElseThrow(() -> new IllegalArgumentException("the placeholder '" + placeholder + "' is not a symbol of the vocabulary"));
        List<Integer> ids = new ArrayList<>();
        List<Long> costs = new ArrayList<>();
        ids.add(placeholderId);
        costs.add(EDIT + INVENTED);
        // A function behaves as a symbol, so the placeholder stands for both.
        for (TokenClass c : List.of(TokenClass.BIG_OPERATOR, TokenClass.LIMITS, TokenClass.FRAC, TokenClass.SQRT,
                TokenClass.SUPERSCRIPT, TokenClass.SUBSCRIPT, TokenClass.OPEN_BRACE, TokenClass.CLOSE_BRACE,
                TokenClass.OPEN_BRACKET, TokenClass.CLOSE_BRACKET)) {
            for (int id = 0; id < vocabulary.size(); id++) {
                if (automaton.classOf(id) == c) {
                    // Closing a group or an index invents nothing, opening one invents as much as a
                    // placeholder, an operator more (it is never the only way: it breaks ties).
                    boolean closer = c == TokenClass.CLOSE_BRACE || c == TokenClass.CLOSE_BRACKET;
                    boolean opener = c == TokenClass.OPEN_BRACE || c == TokenClass.OPEN_BRACKET;
                    ids.add(id);
                    costs.add(EDIT + (closer ? 0 : opener ? INVENTED : 2 * INVENTED));
                    break;
                }
            }
        }
        this.insertIds = ids.stream().mapToInt(Integer::intValue).toArray();
        this.insertCosts = costs.stream().mapToLong(Long::longValue).toArray();
    }

    /** A repair in {@code mode} over the CROHME vocabulary. */
    public static Repair crohme(Mode mode) {
        return new Repair(PrefixAutomaton.crohme(mode));
    }

    public PrefixAutomaton automaton() {
        return automaton;
    }

    /**
     * The nearest sequence that the automaton accepts.
     *
     * @throws IllegalArgumentException if the input is longer than {@link #MAX_INPUT_TOKENS}
     */
    public RepairResult repair(TokenSequence input) {
        Objects.requireNonNull(input, "input");
        if (input.size() > MAX_INPUT_TOKENS) {
            throw new IllegalArgumentException("cannot repair " + input.size() + " tokens: the limit is " + MAX_INPUT_TOKENS);
        }
        int[] ids = new int[input.size()];
        boolean allKnown = true;
        for (int i = 0; i < ids.length; i++) {
            // Special tokens are never part of a formula: treat them as unknown, hence deleted.
            ids[i] = vocabulary.id(input.get(i)).filter(id -> id > Vocabulary.EOS).orElse(-1);
            allKnown &= ids[i] >= 0;
        }
        if (allKnown && automaton.accepts(ids)) {
            return new RepairResult(input, 0, List.of());
        }
        // Greedy repairs give a first bound (the tighter, the more the search prunes) and a fallback.
        Node best = greedy(ids, 0);
        for (int bridge = 1; bridge <= 2; bridge++) {
            Node greedy = greedy(ids, bridge);
            if (greedy.beats(best)) {
                best = greedy;
            }
        }
        Node searched = new Search(ids).run(best.cost / EDIT);
        return toResult(input, searched != null && searched.cost <= best.cost ? searched : best);
    }

    /**
     * Left to right: keeps an allowed token; before a refused one inserts the cheapest run of at
     * most {@code maxBridge} tokens that lets it in, if any, else deletes it; then completes.
     */
    private Node greedy(int[] ids, int maxBridge) {
        Node node = new Node(automaton.start(), 0, null, START, -1, 0);
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            Node bridged = automaton.isAllowed(node.state, id) ? node : bridge(node, id, i, maxBridge);
            node = bridged != null
                    ? new Node(automaton.advance(bridged.state, id), bridged.cost, bridged, MATCH, id, i)
                    : new Node(node.state, node.cost + EDIT + DELETION, node, DELETE, i, i);
        }
        return complete(node, ids.length);
    }

    /** The cheapest run of at most {@code depth} insertions after which {@code id} is allowed, or null. */
    private Node bridge(Node from, int id, int position, int depth) {
        if (id < 0) {
            return null;
        }
        List<Node> frontier = List.of(from);
        for (int d = 1; d <= depth; d++) {
            List<Node> next = new ArrayList<>();
            Node best = null;
            for (Node node : frontier) {
                for (int k = 0; k < insertIds.length; k++) {
                    if (!usefulInsertion(node.state, insertIds[k])) {
                        continue;
                    }
                    Node inserted = new Node(automaton.advance(node.state, insertIds[k]), node.cost + insertCosts[k],
                            node, INSERT, insertIds[k], position);
                    if (automaton.isAllowed(inserted.state, id) && (best == null || inserted.cost < best.cost)) {
                        best = inserted;
                    }
                    next.add(inserted);
                }
            }
            if (best != null) {
                return best;
            }
            frontier = next;
        }
        return null;
    }

    /** Allowed, and a bracket only where it is structure (as a symbol the placeholder does the same). */
    private boolean usefulInsertion(State state, int id) {
        if (!automaton.isAllowed(state, id)) {
            return false;
        }
        TokenClass c = automaton.classOf(id);
        if (c == TokenClass.OPEN_BRACKET) {
            return state.frame.kind == Frame.Kind.ROOT_START;
        }
        if (c == TokenClass.CLOSE_BRACKET) {
            return state.frame.isRow() && state.frame.context == Frame.Context.INDEX;
        }
        return true;
    }

    /** Appends the cheapest completion of {@code node}'s state as insertions at {@code position}. */
    private Node complete(Node node, int position) {
        int[] completion = automaton.completion(node.state, placeholderId);
        Node out = node;
        for (int id : completion) {
            if (id == Vocabulary.EOS) {
                break;
            }
            long cost = EDIT + (id == placeholderId ? INVENTED : 0);
            out = new Node(automaton.advance(out.state, id), out.cost + cost, out, INSERT, id, position);
        }
        return out;
    }

    private RepairResult toResult(TokenSequence input, Node last) {
        List<Node> path = new ArrayList<>();
        for (Node n = last; n.op != START; n = n.prev) {
            path.add(n);
        }
        Collections.reverse(path);
        List<String> tokens = new ArrayList<>();
        List<RepairEdit> edits = new ArrayList<>();
        for (Node n : path) {
            switch (n.op) {
                case MATCH -> tokens.add(vocabulary.token(n.token));
                case DELETE -> edits.add(new RepairEdit(RepairEdit.Kind.DELETE, n.position, input.get(n.token)));
                case INSERT -> {
                    tokens.add(vocabulary.token(n.token));
                    edits.add(new RepairEdit(RepairEdit.Kind.INSERT, n.position, vocabulary.token(n.token)));
                }
                default -> throw new IllegalStateException("bad step " + n.op);
            }
        }
        return new RepairResult(new TokenSequence(tokens), edits.size(), edits);
    }

    /** One step of a repair path: a back-linked list, shared between hypotheses. */
    private static final class Node {
        final State state;
        final long cost;
        final Node prev;
        final byte op;
        /** The token id matched or inserted; for a deletion, the input index. */
        final int token;
        /** The input position of the edit. */
        final int position;
        /** The position of the path's latest edit: of two equal costs, the later edit wins. */
        final int lastEdit;
        /** The search's order: cost plus the estimate of what is still to pay. */
        long priority;

        Node(State state, long cost, Node prev, byte op, int token, int position) {
            this.state = state;
            this.cost = cost;
            this.prev = prev;
            this.op = op;
            this.token = token;
            this.position = position;
            this.lastEdit = op == INSERT || op == DELETE ? position : prev == null ? -1 : prev.lastEdit;
        }

        /**
         * Whether this path beats {@code other}: cheaper, or as cheap with a later latest edit, so
         * that a closing brace goes as late as it can (<code>\sqrt [ 3 ] &#123; x &#125;</code>,
         * not <code>\sqrt [ ] 3 &#123; x &#125;</code>) and the later of two equal deletions goes.
         */
        boolean beats(Node other) {
            return cost < other.cost || cost == other.cost && lastEdit > other.lastEdit;
        }
    }

    /** The search for one input; holds the best known bound while it runs. */
    private final class Search {
        private final int[] ids;
        private final int n;
        private final int beam;
        /** closesAhead[i]: '}' minus '{' in the input from position i on. */
        private final int[] closesAhead;
        private long upperEdits;

        Search(int[] ids) {
            this.ids = ids;
            this.n = ids.length;
            this.beam = (int) Math.max(4, Math.min(beamWidth, WORK_BUDGET / Math.max(1, n)));
            this.closesAhead = new int[n + 1];
            for (int i = n - 1; i >= 0; i--) {
                TokenClass c = ids[i] < 0 ? TokenClass.UNSUPPORTED : automaton.classOf(ids[i]);
                closesAhead[i] = closesAhead[i + 1] + (c == TokenClass.CLOSE_BRACE ? 1 : c == TokenClass.OPEN_BRACE ? -1 : 0);
            }
        }

        /**
         * A lower bound on the edits still needed from {@code state} at position {@code i}: the
         * output must close the open groups, and each edit changes the count of '}' minus '{' by
         * at most one. It never overestimates, so ordering and pruning by it keep the optimum.
         */
        private long estimate(State state, int i) {
            return Math.abs(state.openGroups - closesAhead[i]);
        }

        Node run(long greedyUpperEdits) {
            upperEdits = greedyUpperEdits;
            Map<State, Node> candidates = new HashMap<>();
            State start = automaton.start();
            candidates.put(start, new Node(start, 0, null, START, -1, 0));
            for (int i = 0; i < n; i++) {
                List<Node> layer = settle(candidates, i);
                Map<State, Node> next = new HashMap<>(layer.size() * 2);
                int id = ids[i];
                for (Node node : layer) {
                    if (automaton.isAllowed(node.state, id)) {
                        offer(next, new Node(automaton.advance(node.state, id), node.cost, node, MATCH, id, i));
                    }
                    // Insertions right before a deletion may as well come after it, so only
                    // states reached without inserting here are worth deleting from.
                    boolean insertedHere = node.op == INSERT && node.position == i;
                    if (!insertedHere && node.cost / EDIT + 1 <= upperEdits) {
                        offer(next, new Node(node.state, node.cost + EDIT + DELETION, node, DELETE, i, i));
                    }
                }
                candidates = next;
            }
            Node best = null;
            for (Node node : candidates.values()) {
                Node done = complete(node, n);
                if (best == null || done.beats(best)) {
                    best = done;
                }
            }
            return best;
        }

        private void offer(Map<State, Node> map, Node node) {
            Node old = map.get(node.state);
            if (old == null || node.beats(old)) {
                map.put(node.state, node);
            }
        }

        /**
         * The states at position {@code i}: the candidates plus what insertions reach from them,
         * cheapest first, at most {@code beam} of them, none that cannot beat the known bound.
         */
        private List<Node> settle(Map<State, Node> candidates, int i) {
            PriorityQueue<Node> queue = new PriorityQueue<>(Comparator.<Node>comparingLong(nd -> nd.priority)
                    .thenComparingInt(nd -> automaton.completionLength(nd.state))
                    .thenComparingInt(nd -> -nd.lastEdit));
            Map<State, Long> bestCost = new HashMap<>();
            for (Node node : candidates.values()) {
                node.priority = node.cost + estimate(node.state, i) * EDIT;
                queue.add(node);
                bestCost.put(node.state, node.cost);
            }
            List<Node> settled = new ArrayList<>(beam);
            Set<State> done = new HashSet<>();
            while (!queue.isEmpty() && settled.size() < beam) {
                Node node = queue.poll();
                long edits = node.cost / EDIT;
                if (node.priority / EDIT > upperEdits) {
                    break;
                }
                if (!done.add(node.state)) {
                    continue;
                }
                settled.add(node);
                // Delete the rest and complete: a repair with this many edits exists.
                upperEdits = Math.min(upperEdits, edits + (n - i) + automaton.completionLength(node.state) - 1);
                if (edits + 1 > upperEdits) {
                    continue;
                }
                for (int k = 0; k < insertIds.length; k++) {
                    int id = insertIds[k];
                    if (!usefulInsertion(node.state, id)) {
                        continue;
                    }
                    State next = automaton.advance(node.state, id);
                    long cost = node.cost + insertCosts[k];
                    long estimate = estimate(next, i);
                    Long known = bestCost.get(next);
                    if (cost / EDIT + estimate > upperEdits || known != null && known <= cost) {
                        continue;
                    }
                    bestCost.put(next, cost);
                    Node inserted = new Node(next, cost, node, INSERT, id, i);
                    inserted.priority = cost + estimate * EDIT;
                    queue.add(inserted);
                }
            }
            return settled;
        }
    }
}
