package org.inkmath.latex.render;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import org.inkmath.latex.LatexToken;
import org.inkmath.latex.LatexToken.Kind;
import org.inkmath.latex.LatexTokenizer;

/**
 * What the renderer checks before it hands a string to jlatexmath. jlatexmath is lenient where
 * LaTeX is not (it draws {@code \frac{} or a lone {@code {} without complaint), it has commands
 * that read files or change its global state, it recurses once per nesting level, and its messages
 * for unpaired {@code \right} or {@code \end} name the wrong thing; this check
 * closes those doors with a message that names the problem. It is deliberately not the grammar
 * of GRAMMAR.md: the renderer also draws LaTeX beyond the recognizer's language ({@code \lt},
 * {@code \mathrm}, ...), as long as jlatexmath knows it.
 */
final class RenderInputCheck {

    /** Longest input accepted, in characters; the longest CROHME caption is a few hundred. */
    static final int MAX_LENGTH = 10_000;
    /** Deepest nesting of braces, {@code \left} and environments. */
    static final int MAX_NESTING = 100;

    /**
     * jlatexmath commands that are refused: they read files or URLs ({@code \includegraphics}),
     * load fonts or classes, or change state that every later formula would see (macro and
     * colour definitions, global sizes), which a renderer shared by a server must not allow.
     */
    static final Set<String> REFUSED_COMMANDS = Set.of(
            "\\newcommand", "\\renewcommand", "\\newenvironment", "\\renewenvironment",
            "\\makeatletter", "\\makeatother", "\\includegraphics", "\\jlmDynamic",
            "\\jlmExternalFont", "\\jlmXML", "\\DeclareMathSizes", "\\magnification",
            "\\definecolor", "\\def", "\\let");

    private RenderInputCheck() {
    }

    /** Throws a {@link RenderException} naming the first problem found in {@code latex}. */
    static void check(String latex) throws RenderException {
        if (latex.length() > MAX_LENGTH) {
            throw new RenderException("the formula is too long: " + latex.length()
                    + " characters, at most " + MAX_LENGTH + " are rendered");
        }
        if (latex.isBlank()) {
            throw new RenderException("the formula is empty");
        }
        List<LatexToken> tokens = LatexTokenizer.tokenize(latex);
        checkNesting(tokens);
        for (int i = 0; i < tokens.size(); i++) {
            LatexToken t = tokens.get(i);
            switch (t.kind()) {
                case UNKNOWN_COMMAND -> {
                    if (REFUSED_COMMANDS.contains(t.text())) {
                        throw new RenderException("the command " + t.text() + " at " + where(t)
                                + " is not allowed in a formula");
                    }
                }
                case FRAC -> {
                    int afterFirst = argumentEnd(tokens, i + 1, t, "\\frac needs a numerator");
                    argumentEnd(tokens, afterFirst, t, "\\frac needs a denominator");
                }
                case SQRT -> {
                    int next = i + 1;
                    if (next < tokens.size() && tokens.get(next).kind() == Kind.OPEN_BRACKET) {
                        next = indexEnd(tokens, next);
                    }
                    argumentEnd(tokens, next, t, "\\sqrt needs a radicand");
                }
                case SUPERSCRIPT -> argumentEnd(tokens, i + 1, t, "^ needs a superscript (write x^{2})");
                case SUBSCRIPT -> argumentEnd(tokens, i + 1, t, "_ needs a subscript (write x_{i})");
                default -> {
                    // other tokens need no look-ahead; jlatexmath judges the rest
                }
            }
        }
    }

    /**
     * Braces, {@code \left ... \right} and {@code \begin ... \end} must pair up, properly
     * nested, and nothing may nest deeper than {@link #MAX_NESTING}.
     */
    private static void checkNesting(List<LatexToken> tokens) throws RenderException {
        Deque<LatexToken> open = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            LatexToken t = tokens.get(i);
            switch (t.kind()) {
                case OPEN_BRACE, LEFT, BEGIN_ENVIRONMENT -> {
                    open.push(t);
                    if (open.size() > MAX_NESTING) {
                        throw new RenderException("the formula nests more than " + MAX_NESTING + " levels deep (at " + where(t) + ")");
                    }
                }
                case CLOSE_BRACE -> close(open, t, Kind.OPEN_BRACE, "the closing brace at " + where(t) + " has no opening brace");
                case RIGHT -> close(open, t, Kind.LEFT, "\\right at " + where(t) + " has no \\left");
                case END_ENVIRONMENT -> {
                    close(open, t, Kind.BEGIN_ENVIRONMENT, t.text() + " at " + where(t) + " has no \\begin");
                }
                case LIMITS -> {
                    // jlatexmath fails with an internal error on a \limits that follows nothing
                    if (i == 0 || EXPECTS_ITEM.contains(tokens.get(i - 1).kind())) {
                        throw new RenderException("\\limits at " + where(t) + " must follow an operator such as \\sum");
                    }
                }
                default -> {
                }
            }
        }
        if (!open.isEmpty()) {
            LatexToken last = open.peek();
            throw new RenderException(switch (last.kind()) {
                case LEFT -> "\\left at " + where(last) + " is never closed by \\right";
                case BEGIN_ENVIRONMENT -> last.text() + " at " + where(last) + " is never closed by its \\end";
                default -> "a brace is never closed (the last one opened is at " + where(last) + ")";
            });
        }
    }

    /** Token kinds after which an item must come, not a modifier such as {@code \limits}. */
    private static final Set<Kind> EXPECTS_ITEM = Set.of(Kind.OPEN_BRACE, Kind.AMPERSAND, Kind.ROW_BREAK,
            Kind.SUPERSCRIPT, Kind.SUBSCRIPT, Kind.BEGIN_ENVIRONMENT, Kind.LEFT);

    /** Pops the opener that {@code closer} closes; it must be of kind {@code expected}. */
    private static void close(Deque<LatexToken> open, LatexToken closer, Kind expected, String unmatched)
            throws RenderException {
        if (open.isEmpty()) {
            throw new RenderException(unmatched);
        }
        LatexToken opener = open.peek();
        if (opener.kind() != expected) {
            throw new RenderException(closer.text() + " at " + where(closer) + " comes before "
                    + describe(opener) + " opened at " + where(opener) + " is closed");
        }
        if (expected == Kind.BEGIN_ENVIRONMENT && !environmentName(opener).equals(environmentName(closer))) {
            throw new RenderException(closer.text() + " at " + where(closer) + " does not match "
                    + opener.text() + " at " + where(opener));
        }
        open.pop();
    }

    private static String describe(LatexToken opener) {
        return switch (opener.kind()) {
            case OPEN_BRACE -> "the brace";
            case LEFT -> "the \\left";
            default -> opener.text();
        };
    }

    /** {@code matrix} for {@code \begin{matrix}}, {@code array} for {@code \begin{array}{cc}} or {@code \end{array}}. */
    private static String environmentName(LatexToken t) {
        String text = t.text();
        int open = text.indexOf('{');
        int close = text.indexOf('}', open);
        return text.substring(open + 1, close);
    }

    /**
     * The index just past the argument that starts at {@code start}: a braced group or a single
     * token. Fails with {@code missing} when there is none.
     */
    private static int argumentEnd(List<LatexToken> tokens, int start, LatexToken owner, String missing)
            throws RenderException {
        if (start >= tokens.size()) {
            throw new RenderException(missing + " (" + owner.text() + " at " + where(owner) + " ends the formula)");
        }
        LatexToken first = tokens.get(start);
        return switch (first.kind()) {
            case OPEN_BRACE -> matchingBrace(tokens, start) + 1;
            case CLOSE_BRACE, AMPERSAND, ROW_BREAK, END_ENVIRONMENT, RIGHT, SUPERSCRIPT, SUBSCRIPT ->
                    throw new RenderException(missing + " (" + owner.text() + " at " + where(owner)
                            + " is followed by " + first.text() + ")");
            default -> start + 1;
        };
    }

    /** The index just past the {@code ]} that ends a root index opened at {@code open}. */
    private static int indexEnd(List<LatexToken> tokens, int open) throws RenderException {
        int braces = 0;
        for (int j = open + 1; j < tokens.size(); j++) {
            Kind k = tokens.get(j).kind();
            if (k == Kind.OPEN_BRACE) {
                braces++;
            } else if (k == Kind.CLOSE_BRACE) {
                braces--;
            } else if (k == Kind.CLOSE_BRACKET && braces == 0) {
                return j + 1;
            }
        }
        throw new RenderException("the root index opened at " + where(tokens.get(open)) + " is never closed with ]");
    }

    /** Braces balance (checked first), so a match exists. */
    private static int matchingBrace(List<LatexToken> tokens, int open) {
        int braces = 0;
        for (int j = open; j < tokens.size(); j++) {
            Kind k = tokens.get(j).kind();
            if (k == Kind.OPEN_BRACE) {
                braces++;
            } else if (k == Kind.CLOSE_BRACE && --braces == 0) {
                return j;
            }
        }
        throw new IllegalStateException("unbalanced braces after the balance check");
    }

    /** Where a token starts, for messages: characters counted from 1. */
    static String where(LatexToken t) {
        return "character " + (t.start() + 1);
    }
}
