package org.inkmath.latex.render;

import java.util.List;

import org.inkmath.latex.LatexToken;
import org.inkmath.latex.LatexToken.Kind;
import org.inkmath.latex.LatexTokenizer;

/**
 * Rewrites LaTeX where jlatexmath 1.0.7 reads it differently from LaTeX. The one difference
 * found in the language of GRAMMAR.md: whitespace next to {@code ^} or {@code _} (the captions'
 * spaced form, {@code x _ { a } ^ { b }}) makes jlatexmath set the second script after the
 * first instead of stacking them, and shifts the limits of {@code \sum}; in LaTeX such spaces
 * mean nothing. So they are removed; every other character is kept as written.
 *
 * <pre>{@code JLatexMathInput.prepare("x _ { a } ^ { b }")  // "x_{ a }^{ b }"}</pre>
 */
final class JLatexMathInput {

    private JLatexMathInput() {
    }

    static String prepare(String latex) {
        List<LatexToken> tokens = LatexTokenizer.tokenize(latex);
        StringBuilder out = new StringBuilder(latex.length());
        int copied = 0;
        for (int i = 0; i < tokens.size(); i++) {
            LatexToken t = tokens.get(i);
            // a gap that touches ^ or _ is dropped; it never separates a command word from a
            // letter, since one of its sides is the script sign itself
            if (isScript(t) || (i > 0 && isScript(tokens.get(i - 1)))) {
                copied = t.start();
            }
            out.append(latex, copied, t.end());
            copied = t.end();
        }
        out.append(latex, copied, latex.length());
        return out.toString();
    }

    private static boolean isScript(LatexToken t) {
        return t.kind() == Kind.SUPERSCRIPT || t.kind() == Kind.SUBSCRIPT;
    }
}
