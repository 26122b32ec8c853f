package org.inkmath.latex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.inkmath.latex.LatexToken.Kind;
import org.inkmath.latex.grammar.LatexMathLexer;

/**
 * Cuts a LaTeX string into tokens with the project's ANTLR lexer, so that the tokenizer, the
 * normaliser and the parser agree on what a token is. Lexing never fails: characters the
 * grammar does not know come back as {@link Kind#OTHER}.
 */
public final class LatexTokenizer {

    private LatexTokenizer() {
    }

    /** The tokens of {@code latex}, whitespace dropped. */
    public static List<LatexToken> tokenize(String latex) {
        LatexMathLexer lexer = new LatexMathLexer(CharStreams.fromString(latex));
        lexer.removeErrorListeners(); // OTHER matches any character, so the lexer never errs
        List<LatexToken> tokens = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            Kind kind = kindOf(t.getType());
            String text = kind == Kind.BEGIN_ENVIRONMENT || kind == Kind.END_ENVIRONMENT
                    ? t.getText().replaceAll("\\s+", "")
                    : t.getText();
            tokens.add(new LatexToken(text, kind, t.getStartIndex(), t.getStopIndex() + 1));
        }
        return tokens;
    }

    /** The token texts of {@code latex}: {@code "\frac{a}{b}"} gives {@code \frac { a } { b }}. */
    public static TokenSequence tokenSequence(String latex) {
        return new TokenSequence(tokenize(latex).stream().map(t -> visible(t.text())).toList());
    }

    /**
     * A token's text with whitespace and control characters made visible, as a token sequence
     * cannot hold whitespace and a message should not hold control characters: the control
     * space {@code "\ "} becomes {@code \␣}, a form feed {@code U+000C}. No such token is in the
     * language; every other token keeps its text.
     */
    public static String visible(String text) {
        if (isPlain(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == ' ') {
                out.append('\u2423');
            } else if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                out.append(String.format(Locale.ROOT, "U+%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    /** The kind of a token type of the generated lexer. */
    public static Kind kindOf(int lexerType) {
        return switch (lexerType) {
            case LatexMathLexer.BEGIN_ARRAY, LatexMathLexer.BEGIN_ENV -> Kind.BEGIN_ENVIRONMENT;
            case LatexMathLexer.END_ENV -> Kind.END_ENVIRONMENT;
            case LatexMathLexer.FRAC -> Kind.FRAC;
            case LatexMathLexer.SQRT -> Kind.SQRT;
            case LatexMathLexer.LEFT -> Kind.LEFT;
            case LatexMathLexer.RIGHT -> Kind.RIGHT;
            case LatexMathLexer.LIMITS -> Kind.LIMITS;
            case LatexMathLexer.BIG_OPERATOR -> Kind.BIG_OPERATOR;
            case LatexMathLexer.FUNCTION -> Kind.FUNCTION;
            case LatexMathLexer.SYMBOL_COMMAND, LatexMathLexer.SYMBOL -> Kind.SYMBOL;
            case LatexMathLexer.ROW_BREAK -> Kind.ROW_BREAK;
            case LatexMathLexer.LBRACE -> Kind.OPEN_BRACE;
            case LatexMathLexer.RBRACE -> Kind.CLOSE_BRACE;
            case LatexMathLexer.CARET -> Kind.SUPERSCRIPT;
            case LatexMathLexer.UNDERSCORE -> Kind.SUBSCRIPT;
            case LatexMathLexer.LBRACKET -> Kind.OPEN_BRACKET;
            case LatexMathLexer.RBRACKET -> Kind.CLOSE_BRACKET;
            case LatexMathLexer.AMPERSAND -> Kind.AMPERSAND;
            case LatexMathLexer.UNKNOWN_COMMAND -> Kind.UNKNOWN_COMMAND;
            case LatexMathLexer.CONTROL_SYMBOL -> Kind.CONTROL_SYMBOL;
            default -> Kind.OTHER;
        };
    }
}
