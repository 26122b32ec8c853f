package org.inkmath.latex;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A sequence of LaTeX tokens in the form of the CROHME captions: {@code \frac { a } { b }}.
 * Written out, the tokens are separated by single spaces, which is also valid LaTeX.
 *
 * @param tokens the tokens, none empty and none containing whitespace
 */
public record TokenSequence(List<String> tokens) {

    public TokenSequence {
        tokens = List.copyOf(Objects.requireNonNull(tokens, "tokens"));
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.isEmpty() || t.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("token " + i + " is empty or holds whitespace: '" + t + "'");
            }
        }
    }

    /** Reads the space-separated form, as in a caption file: {@code "x ^ { 2 }"}. */
    public static TokenSequence parse(String spaceSeparated) {
        String trimmed = spaceSeparated.strip();
        return new TokenSequence(trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+")));
    }

    public static TokenSequence of(String... tokens) {
        return new TokenSequence(List.of(tokens));
    }

    public int size() {
        return tokens.size();
    }

    public String get(int index) {
        return tokens.get(index);
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** The space-separated form, which is also the LaTeX source. */
    @Override
    public String toString() {
        return String.join(" ", tokens);
    }
}
