package org.inkmath.latex.render;

import java.util.List;
import java.util.Set;

import org.inkmath.latex.LatexToken;
import org.inkmath.latex.LatexToken.Kind;
import org.inkmath.latex.LatexTokenizer;

/**
 * What the renderer checks before it hands a string to jlatexmath. jlatexmath is lenient where
 * LaTeX is not (it draws {@code \frac{} or a lone {@code {} without complaint), it has commands
 * that read files or change its global state, and it recurses once per nesting level; this check
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

    /** Braces must balance, and nothing may nest deeper than {@link #MAX_NESTING}. */
    private static void checkNesting(List<LatexToken> tokens) throws RenderException {
        int depth = 0;
        int braces = 0;
        LatexToken lastOpen = null;
        for (LatexToken t : tokens) {
            switch (t.kind()) {
                case OPEN_BRACE -> {
                    braces++;
                    depth++;
                    lastOpen = t;
                }
                case CLOSE_BRACE -> {
                    if (braces == 0) {
                        throw new RenderException("the closing brace at " + where(t) + " has no opening brace");
                    }
                    braces--;
                    depth--;
                }
                case LEFT, BEGIN_ENVIRONMENT -> depth++;
                case RIGHT, END_ENVIRONMENT -> depth = Math.max(0, depth - 1);
                default -> {
                }
            }
            if (depth > MAX_NESTING) {
                throw new RenderException("the formula nests more than " + MAX_NESTING + " levels deep (at " + where(t) + ")");
            }
        }
        if (braces > 0) {
            throw new RenderException("a brace is never closed (the last one opened is at " + where(lastOpen) + ")");
        }
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
