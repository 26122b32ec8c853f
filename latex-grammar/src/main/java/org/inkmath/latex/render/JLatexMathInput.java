package org.inkmath.latex.render;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.inkmath.latex.LatexToken;
import org.inkmath.latex.LatexToken.Kind;
import org.inkmath.latex.LatexTokenizer;

/**
 * Rewrites LaTeX where jlatexmath 1.0.7 reads it differently from LaTeX. Two differences found
 * in the language of GRAMMAR.md:
 * <ul>
 * <li>Whitespace next to {@code ^} or {@code _} (the captions' spaced form,
 *     {@code x _ { a } ^ { b }}) makes jlatexmath set the second script after the first instead
 *     of stacking them, and shifts the limits of {@code \sum}; in LaTeX such spaces mean nothing.
 *     So they are removed.</li>
 * <li>A root index ends, in LaTeX, at the first {@code ]} outside braces; jlatexmath instead
 *     pairs brackets and ignores braces, so {@code \sqrt[[]x} or {@code \sqrt[{]}]{x}} fail or
 *     read otherwise. So a bracket inside an index, other than the one that ends it, is written
 *     as {@code \lbrack} or {@code \rbrack}, which draw the same.</li>
 * </ul>
 * Every other character is kept as written.
 *
 * <pre>{@code JLatexMathInput.prepare("x _ { a } ^ { b }")  // "x_{ a }^{ b }"}</pre>
 */
final class JLatexMathInput {

    private JLatexMathInput() {
    }

    static String prepare(String latex) {
        List<LatexToken> tokens = LatexTokenizer.tokenize(latex);
        StringBuilder out = new StringBuilder(latex.length());
        // brace depth inside each open root index, innermost last
        Deque<int[]> indices = new ArrayDeque<>();
        int copied = 0;
        for (int i = 0; i < tokens.size(); i++) {
            LatexToken t = tokens.get(i);
            LatexToken previous = i > 0 ? tokens.get(i - 1) : null;
            // a gap that touches ^ or _ is dropped; it never separates a command word from a
            // letter, since one of its sides is the script sign itself
            if (isScript(t) || (previous != null && isScript(previous))) {
                copied = t.start();
            }
            out.append(latex, copied, t.start());
            copied = t.end();
            boolean opensIndex = t.kind() == Kind.OPEN_BRACKET && previous != null && previous.kind() == Kind.SQRT;
            if (opensIndex) {
                indices.push(new int[] {0});
            } else if (!indices.isEmpty()) {
                int[] depth = indices.peek();
                if (t.kind() == Kind.OPEN_BRACE) {
                    depth[0]++;
                } else if (t.kind() == Kind.CLOSE_BRACE) {
                    depth[0]--;
                } else if (t.kind() == Kind.CLOSE_BRACKET && depth[0] <= 0) {
                    indices.pop();
                } else if (t.kind() == Kind.OPEN_BRACKET || t.kind() == Kind.CLOSE_BRACKET) {
                    out.append(bracketCommand(t, previous));
                    continue;
                }
            }
            out.append(latex, t.start(), t.end());
        }
        out.append(latex, copied, latex.length());
        return out.toString();
    }

    /** {@code \lbrack} or {@code \rbrack} for a bracket token, as a delimiter after \left or \right. */
    private static String bracketCommand(LatexToken bracket, LatexToken previous) {
        String command = bracket.kind() == Kind.OPEN_BRACKET ? "\\lbrack" : "\\rbrack";
        boolean delimiter = previous != null && (previous.kind() == Kind.LEFT || previous.kind() == Kind.RIGHT);
        return delimiter ? command + " " : "{" + command + "}";
    }

    private static boolean isScript(LatexToken t) {
        return t.kind() == Kind.SUPERSCRIPT || t.kind() == Kind.SUBSCRIPT;
    }
}
