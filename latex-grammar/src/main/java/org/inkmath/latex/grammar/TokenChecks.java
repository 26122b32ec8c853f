package org.inkmath.latex.grammar;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.antlr.v4.runtime.Token;

/**
 * Errors that the tokens show without a parse, and so hold whatever else is wrong: a token
 * that is never allowed, a brace, {@code \left} or {@code \begin} without its partner (each
 * kind must nest properly on its own in every valid formula), {@code &} with no environment
 * around it, a script with nothing before or after it. The validator reports these after the
 * parser's first error, which is the only one that a parse can place for sure.
 */
final class TokenChecks {

    /** Deeper nesting is refused before parsing, so that the parser's recursion stays bounded. */
    static final int MAX_DEPTH = 100;

    private TokenChecks() {
    }

    /** The first opener that goes deeper than {@link #MAX_DEPTH}, if any. */
    static Optional<Finding> tooDeep(List<? extends Token> tokens) {
        int depth = 0;
        for (Token token : tokens) {
            if (isOpener(token.getType())) {
                depth++;
                if (depth > MAX_DEPTH) {
                    int at = token.getTokenIndex();
                    return Optional.of(new Finding(at, at, ErrorMessages.tooDeep(token, MAX_DEPTH)));
                }
            } else if (isCloser(token.getType()) && depth > 0) {
                depth--;
            }
        }
        return Optional.empty();
    }

    /** The sure errors of {@code tokens}, the last of which is the EOF token, in the order found. */
    static List<Finding> find(List<? extends Token> tokens) {
        List<Finding> found = new ArrayList<>();
        Deque<Token> braces = new ArrayDeque<>();
        Deque<Token> lefts = new ArrayDeque<>();
        Deque<Token> environments = new ArrayDeque<>();
        Token eof = tokens.get(tokens.size() - 1);
        for (int i = 0; i < tokens.size() - 1; i++) {
            Token token = tokens.get(i);
            int previous = i == 0 ? LatexMathParser.LBRACE : tokens.get(i - 1).getType();
            int next = tokens.get(i + 1).getType();
            switch (token.getType()) {
                case LatexMathParser.LBRACE -> braces.push(token);
                case LatexMathParser.RBRACE -> closeOrReport(braces, token, found);
                case LatexMathParser.LEFT -> lefts.push(token);
                case LatexMathParser.RIGHT -> closeOrReport(lefts, token, found);
                case LatexMathParser.BEGIN_ENV, LatexMathParser.BEGIN_ARRAY -> environments.push(token);
                case LatexMathParser.END_ENV -> {
                    if (environments.isEmpty()) {
                        found.add(new Finding(i, i, ErrorMessages.strayClose(token)));
                    } else {
                        Token begin = environments.pop();
                        if (!LatexMathParserBase.environmentName(begin.getText())
                                .equals(LatexMathParserBase.environmentName(token.getText()))) {
                            found.add(new Finding(i, i, ErrorMessages.endCloses(token, begin)));
                        }
                    }
                }
                case LatexMathParser.AMPERSAND, LatexMathParser.ROW_BREAK -> {
                    if (environments.isEmpty()) {
                        found.add(new Finding(i, i, ErrorMessages.outsideEnvironment(token)));
                    }
                }
                case LatexMathParser.CARET, LatexMathParser.UNDERSCORE -> {
                    if (startsRow(previous)) {
                        found.add(new Finding(i, i, ErrorMessages.noBase(token)));
                    } else if (endsArgumentless(next)) {
                        found.add(new Finding(i, i + 1, ErrorMessages.noArgument(token)));
                    }
                }
                case LatexMathParser.LIMITS -> {
                    if (previous != LatexMathParser.BIG_OPERATOR || i == 0) {
                        ErrorMessages.unusable(token).ifPresent(found::add);
                    }
                }
                default -> ErrorMessages.unusable(token).ifPresent(found::add);
            }
        }
        int end = eof.getTokenIndex();
        for (Token brace : reversed(braces)) {
            found.add(new Finding(brace.getTokenIndex(), end, ErrorMessages.braceNeverClosed(brace, eof)));
        }
        for (Token left : reversed(lefts)) {
            found.add(new Finding(left.getTokenIndex(), end, ErrorMessages.leftUnmatched(left, eof)));
        }
        for (Token begin : reversed(environments)) {
            found.add(new Finding(begin.getTokenIndex(), end, ErrorMessages.beginUnmatched(begin, eof)));
        }
        return found;
    }

    private static void closeOrReport(Deque<Token> open, Token close, List<Finding> found) {
        if (open.isEmpty()) {
            int at = close.getTokenIndex();
            found.add(new Finding(at, at, ErrorMessages.strayClose(close)));
        } else {
            open.pop();
        }
    }

    /** Oldest first, so that errors at the end come in source order. */
    private static List<Token> reversed(Deque<Token> stack) {
        List<Token> list = new ArrayList<>(stack);
        Collections.reverse(list);
        return list;
    }

    private static boolean isOpener(int type) {
        return type == LatexMathParser.LBRACE || type == LatexMathParser.LEFT || type == LatexMathParser.BEGIN_ENV
                || type == LatexMathParser.BEGIN_ARRAY;
    }

    private static boolean isCloser(int type) {
        return type == LatexMathParser.RBRACE || type == LatexMathParser.RIGHT || type == LatexMathParser.END_ENV;
    }

    /** Tokens after which a row starts in every formula, so that a script there has no base. */
    private static boolean startsRow(int type) {
        return type == LatexMathParser.LBRACE || type == LatexMathParser.AMPERSAND
                || type == LatexMathParser.ROW_BREAK || type == LatexMathParser.BEGIN_ENV
                || type == LatexMathParser.BEGIN_ARRAY;
    }

    /** Tokens that can never start an argument, in or out of a root index. */
    private static boolean endsArgumentless(int type) {
        return type == Token.EOF || type == LatexMathParser.RBRACE || type == LatexMathParser.CARET
                || type == LatexMathParser.UNDERSCORE || type == LatexMathParser.AMPERSAND
                || type == LatexMathParser.ROW_BREAK || type == LatexMathParser.RIGHT
                || type == LatexMathParser.END_ENV;
    }
}
