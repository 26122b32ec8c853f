package org.inkmath.latex.automaton;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.Vocabulary;
import org.inkmath.latex.automaton.Frame.Context;
import org.inkmath.latex.automaton.Frame.RowState;

/**
 * The prefix automaton of the LaTeX math of {@code GRAMMAR.md}, over the ids of a {@link Vocabulary}:
 * for any prefix it tells which tokens may follow so that a complete formula is still reachable,
 * which is what a constrained decoder needs. It is a deterministic pushdown automaton whose stack
 * is a persistent linked list: a {@link State} is immutable, so a beam search forks a hypothesis by
 * keeping a reference (O(1)), and {@link #advance} allocates at most three small nodes.
 * {@link #allowed} returns a shared precomputed {@link TokenSet} (no allocation).
 *
 * <p>Two modes: {@link Mode#LATEX}, the whole language restricted to the vocabulary (empty groups,
 * bare single-token arguments {@code x ^ 2}), and {@link Mode#CANONICAL}, the form of the captions
 * (every argument braced, no empty group, index or formula). {@code \left}, environments, {@code &}
 * and {@code \\} are outside the vocabulary, and so never allowed; {@code <pad>} and {@code <sos>}
 * never are; {@code <eos>} is allowed exactly when the prefix is a complete formula.
 *
 * <pre>{@code
 * PrefixAutomaton automaton = new PrefixAutomaton(Mode.CANONICAL, Vocabulary.crohme());
 * PrefixAutomaton.State state = automaton.start();
 * for (int step = 0; ; step++) {
 *     automaton.allowed(state).maskLogits(logits);   // logits of this step
 *     int next = argmax(logits);
 *     if (next == Vocabulary.EOS) break;
 *     state = automaton.advance(state, next);         // a refused token throws, naming the reason
 * }
 * }</pre>
 */
public final class PrefixAutomaton {

    /** Which form of the language the automaton accepts. */
    public enum Mode {
        /** The language of GRAMMAR.md restricted to the vocabulary's tokens. */
        LATEX,
        /** The captions' form: all arguments braced, no empty group or index, a non-empty formula. */
        CANONICAL
    }

    /** The symbol put where something must stand and nothing was written, if the vocabulary has it. */
    public static final String DEFAULT_PLACEHOLDER = "\\ldots";

    private static final int MAX_PUSHES = 3;

    private final Mode mode;
    private final Vocabulary vocabulary;
    private final TokenClass[] classes;
    /** actions[frame.index][tokenClass.ordinal()]. */
    private final Action[][] actions;
    private final TokenSet[] allowedByFrame;
    private final int[] closeLengthByFrame;
    private final int openBraceId;
    private final int closeBraceId;
    private final int closeBracketId;
    private final int placeholderId;
    private final State start;
    private final State finished;

    /**
     * An automaton for {@code mode} over {@code vocabulary}. The vocabulary needs a symbol, the
     * braces {@code { }}, and {@code ]} if it has {@code \sqrt} and {@code [}, so that every
     * prefix can be completed.
     */
    public PrefixAutomaton(Mode mode, Vocabulary vocabulary) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.classes = TokenClass.classify(vocabulary);
        this.openBraceId = firstOf(TokenClass.OPEN_BRACE);
        this.closeBraceId = firstOf(TokenClass.CLOSE_BRACE);
        this.closeBracketId = firstOf(TokenClass.CLOSE_BRACKET);
        int anySymbol = firstOf(TokenClass.SYMBOL);
        if (anySymbol < 0 || openBraceId < 0 || closeBraceId < 0) {
            throw new IllegalArgumentException("the vocabulary needs a symbol, '{' and '}' so that every formula can be completed");
        }
        if (closeBracketId < 0 && firstOf(TokenClass.OPEN_BRACKET) >= 0 && firstOf(TokenClass.SQRT) >= 0) {
            throw new IllegalArgumentException("the vocabulary has \\sqrt and '[' but no ']' to close a root index");
        }
        Optional<Integer> preferred = vocabulary.id(DEFAULT_PLACEHOLDER);
        this.placeholderId = preferred.isPresent() && classes[preferred.get()] == TokenClass.SYMBOL ? preferred.get() : anySymbol;

        int frames = Frame.count();
        this.actions = new Action[frames][TokenClass.values().length];
        this.allowedByFrame = new TokenSet[frames];
        this.closeLengthByFrame = new int[frames];
        for (Frame frame : Frame.all()) {
            for (TokenClass tokenClass : TokenClass.values()) {
                actions[frame.index][tokenClass.ordinal()] = decide(frame, tokenClass);
            }
            Action[] row = actions[frame.index];
            allowedByFrame[frame.index] = TokenSet.of(vocabulary.size(), id -> row[classes[id].ordinal()].allowed());
            closeLengthByFrame[frame.index] = closingTokens(frame, placeholderId).length;
        }
        this.start = new State(Frame.row(Context.FORMULA, RowState.EMPTY), null, closeLengthByFrame[Frame.row(Context.FORMULA, RowState.EMPTY).index]);
        this.finished = new State(Frame.FINISHED, null, 0);
    }

    /** The automaton of {@code mode} over the CROHME vocabulary. */
    public static PrefixAutomaton crohme(Mode mode) {
        return new PrefixAutomaton(mode, Vocabulary.crohme());
    }

    public Mode mode() {
        return mode;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The state before any token: an empty formula. */
    public State start() {
        return start;
    }

    /** The tokens that may follow {@code state}; shared and immutable. */
    public TokenSet allowed(State state) {
        return allowedByFrame[state.frame.index];
    }

    /** Whether {@code tokenId} may follow {@code state} (false for ids outside the vocabulary). */
    public boolean isAllowed(State state, int tokenId) {
        return tokenId >= 0 && tokenId < classes.length && actions[state.frame.index][classes[tokenId].ordinal()].allowed();
    }

    /** Whether the prefix read so far is a complete formula, that is {@code <eos>} may follow. */
    public boolean isComplete(State state) {
        return isAllowed(state, Vocabulary.EOS);
    }

    /** Whether {@code <eos>} has been read: nothing may follow. */
    public boolean isFinished(State state) {
        return state.frame == Frame.FINISHED;
    }

    /**
     * The state after {@code tokenId}.
     *
     * @throws IllegalArgumentException if the token may not follow {@code state}; the message says why
     */
    public State advance(State state, int tokenId) {
        if (tokenId < 0 || tokenId >= classes.length) {
            throw new IllegalArgumentException("token id " + tokenId + " is outside the vocabulary of " + classes.length + " tokens");
        }
        Action action = actions[state.frame.index][classes[tokenId].ordinal()];
        if (!action.allowed()) {
            throw new IllegalArgumentException(describeRefusal(tokenId, action.refusal));
        }
        Frame[] pushes = action.pushes;
        if (pushes.length == 1 && pushes[0] == state.frame) {
            return state; // a symbol after a symbol, for instance: nothing changes
        }
        if (pushes.length == 1 && pushes[0] == Frame.FINISHED) {
            return finished;
        }
        State next = state.below;
        for (Frame frame : pushes) {
            next = push(next, frame);
        }
        return next;
    }

    /** Why {@code tokenId} may not follow {@code state}, in words; empty if it may. */
    public Optional<String> refusal(State state, int tokenId) {
        if (tokenId < 0 || tokenId >= classes.length) {
            return Optional.of("token id " + tokenId + " is outside the vocabulary of " + classes.length + " tokens");
        }
        Action action = actions[state.frame.index][classes[tokenId].ordinal()];
        return action.allowed() ? Optional.empty() : Optional.of(describeRefusal(tokenId, action.refusal));
    }

    /** The class of a token id, as the automaton sees it. */
    public TokenClass classOf(int tokenId) {
        return classes[tokenId];
    }

    /** The state after {@code ids} from the start, or empty if some token is refused. */
    public Optional<State> run(int[] ids) {
        State state = start;
        for (int id : ids) {
            if (!isAllowed(state, id)) {
                return Optional.empty();
            }
            state = advance(state, id);
        }
        return Optional.of(state);
    }

    /** Whether the ids (without {@code <eos>}) form a complete formula. */
    public boolean accepts(int[] ids) {
        return run(ids).map(this::isComplete).orElse(false);
    }

    /** Whether {@code sequence} is a complete formula of this mode. */
    public boolean accepts(TokenSequence sequence) {
        return firstProblem(sequence).isEmpty();
    }

    /**
     * The first reason {@code sequence} is not a formula of this mode, naming the token's
     * position, or empty if it is one. Example: {@code "token 2 '^': double superscript: ..."}.
     */
    public Optional<String> firstProblem(TokenSequence sequence) {
        State state = start;
        for (int i = 0; i < sequence.size(); i++) {
            String token = sequence.get(i);
            Optional<Integer> id = vocabulary.id(token);
            if (id.isEmpty()) {
                return Optional.of("token " + i + " '" + token + "' is not in the vocabulary");
            }
            Optional<String> refusal = refusal(state, id.get());
            if (refusal.isPresent()) {
                return Optional.of("token " + i + " " + refusal.get());
            }
            state = advance(state, id.get());
        }
        return refusal(state, Vocabulary.EOS).map(reason -> "at the end: " + reason);
    }

    /**
     * The shortest tokens that complete {@code state}, ending with {@code <eos>}: closing braces
     * and brackets, and {@code placeholderId} where an argument or a non-empty row is due
     * ({@code { placeholder }} in canonical mode). A decoder that must stop can append them.
     */
    public int[] completion(State state, int placeholderId) {
        if (placeholderId < 0 || placeholderId >= classes.length || classes[placeholderId] != TokenClass.SYMBOL) {
            throw new IllegalArgumentException("the placeholder must be a symbol of the vocabulary, not id " + placeholderId);
        }
        List<Integer> out = new ArrayList<>();
        for (State s = state; s != null; s = s.below) {
            for (int id : closingTokens(s.frame, placeholderId)) {
                out.add(id);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@link #completion(State, int)} with the default placeholder ({@value #DEFAULT_PLACEHOLDER} if in the vocabulary). */
    public int[] completion(State state) {
        return completion(state, placeholderId);
    }

    /** The length of the shortest completion of {@code state}, {@code <eos>} included; O(1). */
    public int completionLength(State state) {
        return state.closeLength;
    }

    /** The id of the default placeholder symbol. */
    public int placeholderId() {
        return placeholderId;
    }

    private State push(State below, Frame frame) {
        return new State(frame, below, closeLengthByFrame[frame.index] + (below == null ? 0 : below.closeLength));
    }

    private String describeRefusal(int tokenId, String reason) {
        return "'" + vocabulary.token(tokenId) + "' is not allowed here: " + reason;
    }

    private int firstOf(TokenClass tokenClass) {
        for (int id = 0; id < classes.length; id++) {
            if (classes[id] == tokenClass) {
                return id;
            }
        }
        return -1;
    }

    /** The tokens that close one frame: what it still needs before the frame below may go on. */
    private int[] closingTokens(Frame frame, int placeholder) {
        boolean canonical = mode == Mode.CANONICAL;
        return switch (frame.kind) {
            case FINISHED -> new int[0];
            case ARGUMENT, ROOT_START -> canonical ? new int[] {openBraceId, placeholder, closeBraceId} : new int[] {placeholder};
            case ROW -> {
                int closer = switch (frame.context) {
                    case FORMULA -> Vocabulary.EOS;
                    case GROUP -> closeBraceId;
                    case INDEX -> closeBracketId;
                };
                yield canonical && frame.rowState == RowState.EMPTY ? new int[] {placeholder, closer} : new int[] {closer};
            }
        };
    }

    /**
     * The grammar, in one place: what a token of class {@code c} does on top of {@code frame}.
     * An action pops the top frame and pushes its frames (bottom first), or refuses with a reason.
     */
    private Action decide(Frame frame, TokenClass c) {
        boolean canonical = mode == Mode.CANONICAL;
        if (frame.kind == Frame.Kind.FINISHED) {
            return Action.refuse("the formula is complete: nothing may follow <eos>");
        }
        if (c == TokenClass.SPECIAL) {
            return Action.refuse("<pad> and <sos> are never emitted");
        }
        if (c == TokenClass.UNSUPPORTED) {
            return Action.refuse("it is outside the grammar of the vocabulary (\\left, environments, & and \\\\ never occur)");
        }
        if (frame.kind == Frame.Kind.ROW) {
            return decideInRow(frame, c, canonical);
        }
        // An argument is due (after ^ _ \frac, or the argument of \sqrt), or right after \sqrt.
        boolean rootStart = frame.kind == Frame.Kind.ROOT_START;
        String expected = canonical ? "a group { ... }" : "a group { ... }, a symbol or a function";
        String missing = (rootStart ? "\\sqrt needs an index [ ... ] or its argument: " : "an argument is missing: ")
                + "expected " + expected;
        switch (c) {
            case OPEN_BRACE:
                return Action.to(Frame.row(Context.GROUP, RowState.EMPTY));
            case OPEN_BRACKET:
                if (rootStart) {
                    if (frame.atIndexTop) {
                        return Action.refuse("a root inside a root index needs braces around it: its '[' would end the outer index early");
                    }
                    return Action.to(Frame.argument(false), Frame.row(Context.INDEX, RowState.EMPTY));
                }
                return canonical ? Action.refuse("canonical form: an argument must be a group { ... }") : Action.pop();
            case CLOSE_BRACKET:
                if (frame.atIndexTop) {
                    return Action.refuse("a ']' here ends the root index, so it cannot be an argument");
                }
                return canonical ? Action.refuse("canonical form: an argument must be a group { ... }") : Action.pop();
            case SYMBOL:
            case FUNCTION:
                return canonical ? Action.refuse("canonical form: an argument must be a group { ... }") : Action.pop();
            case END:
                return Action.refuse("the formula is incomplete: " + missing);
            default:
                return Action.refuse(missing);
        }
    }

    private static Action decideInRow(Frame frame, TokenClass c, boolean canonical) {
        Context context = frame.context;
        RowState state = frame.rowState;
        boolean inIndex = context == Context.INDEX;
        Frame atom = Frame.row(context, RowState.AFTER_ATOM);
        switch (c) {
            case SYMBOL:
            case FUNCTION:
            case OPEN_BRACKET:
                return Action.to(atom);
            case CLOSE_BRACKET:
                if (!inIndex) {
                    return Action.to(atom);
                }
                if (canonical && state == RowState.EMPTY) {
                    return Action.refuse("canonical form: a root index cannot be empty");
                }
                return Action.pop();
            case BIG_OPERATOR:
                return Action.to(Frame.row(context, RowState.AFTER_BIG_OPERATOR));
            case LIMITS:
                return state == RowState.AFTER_BIG_OPERATOR ? Action.to(atom)
                        : Action.refuse("\\limits may only follow \\sum, \\int or \\lim directly");
            case FRAC:
                return Action.to(atom, Frame.argument(inIndex), Frame.argument(inIndex));
            case SQRT:
                return Action.to(atom, Frame.rootStart(inIndex));
            case OPEN_BRACE:
                return Action.to(atom, Frame.row(Context.GROUP, RowState.EMPTY));
            case CLOSE_BRACE:
                if (context == Context.GROUP) {
                    return canonical && state == RowState.EMPTY
                            ? Action.refuse("canonical form: a group cannot be empty")
                            : Action.pop();
                }
                return Action.refuse(inIndex ? "'}' closes no group: the root index is open here (it ends with ']')"
                        : "'}' closes no group: no group is open");
            case SUPERSCRIPT:
            case SUBSCRIPT: {
                boolean sup = c == TokenClass.SUPERSCRIPT;
                String name = sup ? "superscript" : "subscript";
                RowState other = sup ? RowState.AFTER_SUBSCRIPT : RowState.AFTER_SUPERSCRIPT;
                RowState same = sup ? RowState.AFTER_SUPERSCRIPT : RowState.AFTER_SUBSCRIPT;
                if (state == RowState.EMPTY) {
                    return Action.refuse("a " + name + " needs a base, and nothing stands before it in this row");
                }
                if (state == same || state == RowState.AFTER_BOTH_SCRIPTS) {
                    return Action.refuse("double " + name + ": this base already has one");
                }
                RowState after = state == other ? RowState.AFTER_BOTH_SCRIPTS : same;
                return Action.to(Frame.row(context, after), Frame.argument(inIndex));
            }
            case END:
                switch (context) {
                    case FORMULA:
                        return canonical && state == RowState.EMPTY
                                ? Action.refuse("canonical form: the formula cannot be empty")
                                : Action.to(Frame.FINISHED);
                    case GROUP:
                        return Action.refuse("the formula is incomplete: a group is still open");
                    default:
                        return Action.refuse("the formula is incomplete: a root index is still open");
                }
            default:
                throw new IllegalStateException("unhandled token class " + c);
        }
    }

    /** What a token class does to the top frame: pop it and push {@link #pushes}, or refuse. */
    private static final class Action {
        final Frame[] pushes;
        final String refusal;

        private Action(Frame[] pushes, String refusal) {
            this.pushes = pushes;
            this.refusal = refusal;
        }

        static Action to(Frame... pushes) {
            if (pushes.length > MAX_PUSHES) {
                throw new IllegalArgumentException("too many frames");
            }
            return new Action(pushes, null);
        }

        static Action pop() {
            return new Action(new Frame[0], null);
        }

        static Action refuse(String reason) {
            return new Action(null, reason);
        }

        boolean allowed() {
            return refusal == null;
        }
    }

    /**
     * A prefix read by the automaton: the top frame of a persistent stack. Immutable; equal states
     * accept the same continuations. A state belongs to the automaton that made it (its cached
     * completion length depends on the mode).
     */
    public static final class State {
        final Frame frame;
        final State below;
        final int closeLength;
        /** How many groups are open: each needs one '}' (the repair's estimate uses it). */
        final int openGroups;
        private final int depth;
        private final int hash;

        State(Frame frame, State below, int closeLength) {
            this.frame = frame;
            this.below = below;
            this.closeLength = closeLength;
            this.openGroups = (below == null ? 0 : below.openGroups)
                    + (frame.kind == Frame.Kind.ROW && frame.context == Context.GROUP ? 1 : 0);
            this.depth = below == null ? 1 : below.depth + 1;
            this.hash = (below == null ? 17 : below.hash * 31) + frame.index;
        }

        /** How many frames the stack holds: nesting depth, roughly. */
        public int depth() {
            return depth;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof State other)) {
                return false;
            }
            State a = this;
            State b = other;
            while (a != b) {
                if (a == null || b == null || a.hash != b.hash || a.frame != b.frame || a.depth != b.depth) {
                    return false;
                }
                a = a.below;
                b = b.below;
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        /** The stack, bottom first: {@code [FORMULA-AFTER_ATOM, ARGUMENT]}. */
        @Override
        public String toString() {
            List<String> frames = new ArrayList<>();
            for (State s = this; s != null; s = s.below) {
                frames.add(0, s.frame.toString());
            }
            return frames.toString();
        }
    }
}
