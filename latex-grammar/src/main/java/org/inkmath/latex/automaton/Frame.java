package org.inkmath.latex.automaton;

import java.util.ArrayList;
import java.util.List;

/**
 * One frame of the automaton's stack: a row being read (of the formula, of a group or of a root
 * index) with what its last item still accepts, an argument still to come, the start of a root
 * (index or argument next), or the end. There are 23 frames in all, numbered by {@link #index}
 * so that the automaton can precompute its tables per frame.
 */
final class Frame {

    enum Kind { ROW, ARGUMENT, ROOT_START, FINISHED }

    /** Which row: it decides how the row ends and whether a bare {@code ]} is a symbol in it. */
    enum Context { FORMULA, GROUP, INDEX }

    /** What the last item of a row still accepts (scripts at most one of each, {@code \limits}). */
    enum RowState { EMPTY, AFTER_BIG_OPERATOR, AFTER_ATOM, AFTER_SUBSCRIPT, AFTER_SUPERSCRIPT, AFTER_BOTH_SCRIPTS }

    private static final List<Frame> ALL = new ArrayList<>();
    private static final Frame[][] ROWS = new Frame[Context.values().length][RowState.values().length];
    private static final Frame[] ARGUMENTS = new Frame[2];
    private static final Frame[] ROOT_STARTS = new Frame[2];
    static final Frame FINISHED;

    static {
        for (Context context : Context.values()) {
            for (RowState state : RowState.values()) {
                ROWS[context.ordinal()][state.ordinal()] = new Frame(Kind.ROW, context, state, context == Context.INDEX);
            }
        }
        for (int atIndexTop = 0; atIndexTop < 2; atIndexTop++) {
            ARGUMENTS[atIndexTop] = new Frame(Kind.ARGUMENT, null, null, atIndexTop == 1);
            ROOT_STARTS[atIndexTop] = new Frame(Kind.ROOT_START, null, null, atIndexTop == 1);
        }
        FINISHED = new Frame(Kind.FINISHED, null, null, false);
    }

    final Kind kind;
    /** The row's context; null for other kinds. */
    final Context context;
    /** The row's state; null for other kinds. */
    final RowState rowState;
    /** Whether the frame stands at the top level of a root index, where a bare ']' ends the index. */
    final boolean atIndexTop;
    final int index;

    private Frame(Kind kind, Context context, RowState rowState, boolean atIndexTop) {
        this.kind = kind;
        this.context = context;
        this.rowState = rowState;
        this.atIndexTop = atIndexTop;
        this.index = ALL.size();
        ALL.add(this);
    }

    static Frame row(Context context, RowState state) {
        return ROWS[context.ordinal()][state.ordinal()];
    }

    /** An argument of {@code ^ _ \frac}, or the argument of a root after its index. */
    static Frame argument(boolean atIndexTop) {
        return ARGUMENTS[atIndexTop ? 1 : 0];
    }

    /** Right after {@code \sqrt}: an index {@code [ ... ]} or the argument comes next. */
    static Frame rootStart(boolean atIndexTop) {
        return ROOT_STARTS[atIndexTop ? 1 : 0];
    }

    static List<Frame> all() {
        return List.copyOf(ALL);
    }

    static int count() {
        return ALL.size();
    }

    boolean isRow() {
        return kind == Kind.ROW;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ROW -> context + "-" + rowState;
            case ARGUMENT -> atIndexTop ? "ARGUMENT-IN-INDEX" : "ARGUMENT";
            case ROOT_START -> atIndexTop ? "ROOT-START-IN-INDEX" : "ROOT-START";
            case FINISHED -> "FINISHED";
        };
    }
}
