package org.inkmath.latex.normalize;

import java.util.List;
import java.util.Objects;

import org.inkmath.latex.TokenSequence;

/**
 * What {@link LatexNormalizer} made of one LaTeX string: the token sequence in the canonical
 * form of the captions, the tokens of that sequence that are outside the vocabulary, and the
 * repairs it had to make (an unmatched brace, a script without an argument, ...).
 *
 * <pre>{@code
 * Normalization n = LatexNormalizer.crohme().normalize("$x\\ast y$");
 * n.tokens();          // x \ast y
 * n.unknownTokens();   // [\ast]
 * n.isClean();         // false
 * }</pre>
 *
 * @param tokens        the normalised tokens
 * @param unknownTokens the distinct tokens of {@code tokens} that the vocabulary lacks, in order of
 *                      first appearance
 * @param warnings      repairs and doubts, one sentence each
 */
public record Normalization(TokenSequence tokens, List<String> unknownTokens, List<String> warnings) {

    public Normalization {
        Objects.requireNonNull(tokens, "tokens");
        unknownTokens = List.copyOf(unknownTokens);
        warnings = List.copyOf(warnings);
    }

    /** True when every token is in the vocabulary and nothing had to be repaired. */
    public boolean isClean() {
        return unknownTokens.isEmpty() && warnings.isEmpty();
    }
}
