package org.inkmath.latex;

import java.util.Objects;

/**
 * One token of a LaTeX string, as the lexer of {@code LatexMathLexer.g4} cuts it.
 *
 * @param text  the token in its canonical spelling ({@code \begin{matrix}} without inner spaces)
 * @param kind  what sort of token it is
 * @param start offset of its first character in the source string
 * @param end   offset one past its last character
 */
public record LatexToken(String text, Kind kind, int start, int end) {

    /** The token kinds of the lexer, in words that the rest of the project uses. */
    public enum Kind {
        BEGIN_ENVIRONMENT, END_ENVIRONMENT, FRAC, SQRT, LEFT, RIGHT, LIMITS, BIG_OPERATOR, FUNCTION,
        SYMBOL, ROW_BREAK, OPEN_BRACE, CLOSE_BRACE, SUPERSCRIPT, SUBSCRIPT, OPEN_BRACKET,
        CLOSE_BRACKET, AMPERSAND, UNKNOWN_COMMAND, CONTROL_SYMBOL, OTHER
    }

    public LatexToken {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a token cannot be empty");
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad token span " + start + ".." + end);
        }
    }
}
