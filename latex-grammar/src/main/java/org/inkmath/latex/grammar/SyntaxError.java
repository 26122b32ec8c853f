package org.inkmath.latex.grammar;

import java.util.Objects;

/**
 * One error of a formula, in words meant for the person who wrote it.
 *
 * <pre>{@code
 * SyntaxError e = Validator.validate("\\frac{a}").errors().get(0);
 * e.message();    // "`\frac` at 0 has one argument, needs two"
 * e.tokenIndex(); // 0, the token the message is about
 * e.start();      // 0, and e.end() == 5: the characters of \frac in the source
 * }</pre>
 *
 * @param tokenIndex index of the token the message is about; the number of tokens when the
 *                   error is about the end of the input
 * @param start      offset of that token's first character in the source: the LaTeX string
 *                   given to {@link Validator#validate(String)}, or the space-separated form of a
 *                   {@link org.inkmath.latex.TokenSequence}
 * @param end        offset one past its last character ({@code start == end} at the end)
 * @param message    what is wrong, naming tokens as {@code `\frac` at 3} (token index 3)
 */
public record SyntaxError(int tokenIndex, int start, int end, String message) {

    public SyntaxError {
        Objects.requireNonNull(message, "message");
        if (tokenIndex < 0 || start < 0 || end < start) {
            throw new IllegalArgumentException("bad error position: token " + tokenIndex + ", characters "
                    + start + ".." + end);
        }
    }

    @Override
    public String toString() {
        return message;
    }
}
