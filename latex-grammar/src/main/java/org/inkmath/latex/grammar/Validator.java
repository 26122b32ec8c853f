package org.inkmath.latex.grammar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.inkmath.latex.LatexToken;
import org.inkmath.latex.LatexTokenizer;
import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.Vocabulary;
import org.inkmath.latex.tree.MathNode;

/**
 * Checks that a formula is in the language of {@code GRAMMAR.md} and builds its syntax tree, or
 * says in words what is wrong. Stateless and thread-safe; it never throws on any input (a
 * string or token sequence, however broken or long), so it can run on every recognizer output.
 *
 * <pre>{@code
 * Validation ok = Validator.validate("\\sqrt[3]{x}");
 * ok.tree().get();  // Row[[Root[index=Row[[Symbol[3]]], radicand=Group[...]]]]
 *
 * Validation bad = Validator.validate(TokenSequence.parse("x ^ { 2 } ^ { 3 }"));
 * bad.errors().get(0).message();  // "`^` at 5: the base at 0 already has a superscript"
 * }</pre>
 *
 * The first error is where the parser stopped, explained from the rule it was in; later errors
 * are only those the tokens prove by themselves (unknown commands, unbalanced braces, ...).
 * Nesting deeper than {@value TokenChecks#MAX_DEPTH} braces, {@code \left} or environments is
 * refused with an error, which keeps the recursion of the parser bounded.
 */
public final class Validator {

    /** Lexer results of the tokens a recognizer emits, so that a token sequence needs no lexing. */
    private static final Map<String, LatexToken.Kind> KNOWN_TOKENS = knownTokens();

    private Validator() {
    }

    /**
     * Validates a LaTeX string such as {@code \frac{a}{b}}; error spans are offsets in it. The
     * validation's tokens are the string's tokens; the rare token that holds whitespace or a
     * control character (the control space {@code "\ "}, a form feed) is spelled visibly there
     * and in messages ({@code \␣}, {@code U+000C}), as a token sequence holds no whitespace.
     */
    public static Validation validate(String latex) {
        List<LatexToken> tokens = LatexTokenizer.tokenize(latex).stream()
                .map(t -> new LatexToken(LatexTokenizer.visible(t.text()), t.kind(), t.start(), t.end()))
                .toList();
        TokenSequence sequence = new TokenSequence(tokens.stream().map(LatexToken::text).toList());
        return validate(tokens, sequence, latex.length());
    }

    /**
     * Validates a token sequence such as a caption or a recognizer output; each element must
     * be one token of the language ({@code "x^2"} as one element is an error). Error spans are
     * offsets in its space-separated form, {@link TokenSequence#toString()}.
     */
    public static Validation validate(TokenSequence sequence) {
        List<LatexToken> tokens = new ArrayList<>(sequence.size());
        int offset = 0;
        for (String text : sequence.tokens()) {
            tokens.add(new LatexToken(text, kindOf(text), offset, offset + text.length()));
            offset += text.length() + 1;
        }
        return validate(tokens, sequence, Math.max(0, offset - 1));
    }

    private static Validation validate(List<LatexToken> latexTokens, TokenSequence sequence, int sourceLength) {
        List<CommonToken> tokens = parserTokens(latexTokens, sourceLength);
        Optional<Finding> tooDeep = TokenChecks.tooDeep(tokens);
        if (tooDeep.isPresent()) {
            return invalid(sequence, latexTokens, sourceLength, List.of(tooDeep.get()));
        }
        LatexMathParser parser = new LatexMathParser(new CommonTokenStream(new ListTokenSource(tokens)));
        parser.removeErrorListeners();
        parser.setErrorHandler(new FirstErrorStrategy());
        LatexMathParser.FormulaContext formula;
        try {
            formula = parser.formula();
        } catch (FirstErrorStrategy.Stopped stopped) {
            Finding first = ErrorExplainer.explain(stopped.stop());
            return invalid(sequence, latexTokens, sourceLength, withLaterErrors(first, tokens));
        }
        return new Validation(sequence, Optional.of(TreeBuilder.build(formula)), List.of());
    }

    /** The first error, then the sure errors found after it, each token spoken of once. */
    private static List<Finding> withLaterErrors(Finding first, List<CommonToken> tokens) {
        int end = tokens.size() - 1;
        Set<Integer> subjects = new HashSet<>(Set.of(first.subject()));
        List<Finding> findings = new ArrayList<>(List.of(first));
        TokenChecks.find(tokens).stream()
                .filter(f -> f.foundAt() >= first.foundAt() || f.foundAt() == end)
                .sorted(Comparator.comparingInt(Finding::foundAt))
                .filter(f -> subjects.add(f.subject()))
                .forEach(findings::add);
        return findings;
    }

    private static Validation invalid(TokenSequence sequence, List<LatexToken> tokens, int sourceLength,
                                      List<Finding> findings) {
        List<SyntaxError> errors = findings.stream().map(f -> {
            int start = f.subject() < tokens.size() ? tokens.get(f.subject()).start() : sourceLength;
            int end = f.subject() < tokens.size() ? tokens.get(f.subject()).end() : sourceLength;
            return new SyntaxError(f.subject(), start, end, f.message());
        }).toList();
        return new Validation(sequence, Optional.empty(), errors);
    }

    /** The tokens as the generated parser reads them, ending with EOF. */
    private static List<CommonToken> parserTokens(List<LatexToken> latexTokens, int sourceLength) {
        List<CommonToken> tokens = new ArrayList<>(latexTokens.size() + 1);
        for (int i = 0; i < latexTokens.size(); i++) {
            LatexToken t = latexTokens.get(i);
            CommonToken token = new CommonToken(parserType(t), LatexTokenizer.visible(t.text()));
            token.setTokenIndex(i);
            token.setStartIndex(t.start());
            token.setStopIndex(t.end() - 1);
            tokens.add(token);
        }
        CommonToken eof = new CommonToken(Token.EOF, "<EOF>");
        eof.setTokenIndex(latexTokens.size());
        eof.setStartIndex(sourceLength);
        eof.setStopIndex(sourceLength - 1);
        tokens.add(eof);
        return tokens;
    }


    /** The lexer's token type of a token, from its kind and, where two types share a kind, its text. */
    private static int parserType(LatexToken token) {
        return switch (token.kind()) {
            case BEGIN_ENVIRONMENT -> token.text().startsWith("\\begin{array}")
                    ? LatexMathParser.BEGIN_ARRAY : LatexMathParser.BEGIN_ENV;
            case END_ENVIRONMENT -> LatexMathParser.END_ENV;
            case FRAC -> LatexMathParser.FRAC;
            case SQRT -> LatexMathParser.SQRT;
            case LEFT -> LatexMathParser.LEFT;
            case RIGHT -> LatexMathParser.RIGHT;
            case LIMITS -> LatexMathParser.LIMITS;
            case BIG_OPERATOR -> LatexMathParser.BIG_OPERATOR;
            case FUNCTION -> LatexMathParser.FUNCTION;
            case SYMBOL -> token.text().startsWith("\\") ? LatexMathParser.SYMBOL_COMMAND : LatexMathParser.SYMBOL;
            case ROW_BREAK -> LatexMathParser.ROW_BREAK;
            case OPEN_BRACE -> LatexMathParser.LBRACE;
            case CLOSE_BRACE -> LatexMathParser.RBRACE;
            case SUPERSCRIPT -> LatexMathParser.CARET;
            case SUBSCRIPT -> LatexMathParser.UNDERSCORE;
            case OPEN_BRACKET -> LatexMathParser.LBRACKET;
            case CLOSE_BRACKET -> LatexMathParser.RBRACKET;
            case AMPERSAND -> LatexMathParser.AMPERSAND;
            case UNKNOWN_COMMAND -> LatexMathParser.UNKNOWN_COMMAND;
            case CONTROL_SYMBOL -> LatexMathParser.CONTROL_SYMBOL;
            case OTHER -> LatexMathParser.OTHER;
        };
    }

    /** The kind of one element of a token sequence; OTHER unless it lexes to exactly one token. */
    private static LatexToken.Kind kindOf(String text) {
        LatexToken.Kind known = KNOWN_TOKENS.get(text);
        if (known != null) {
            return known;
        }
        List<LatexToken> lexed = LatexTokenizer.tokenize(text);
        return lexed.size() == 1 && lexed.get(0).text().equals(text) ? lexed.get(0).kind() : LatexToken.Kind.OTHER;
    }

    private static Map<String, LatexToken.Kind> knownTokens() {
        Map<String, LatexToken.Kind> known = new HashMap<>();
        Stream.concat(Vocabulary.crohme().tokens().stream().skip(Vocabulary.EOS + 1),
                        Stream.of("\\left", "\\right", "&", "\\\\", "\\begin{matrix}", "\\end{matrix}",
                                "\\begin{pmatrix}", "\\end{pmatrix}", "\\begin{bmatrix}", "\\end{bmatrix}",
                                "\\begin{cases}", "\\end{cases}", "\\end{array}", "\\limits"))
                .forEach(text -> {
                    List<LatexToken> lexed = LatexTokenizer.tokenize(text);
                    if (lexed.size() == 1) {
                        known.put(text, lexed.get(0).kind());
                    }
                });
        return Map.copyOf(known);
    }
}
