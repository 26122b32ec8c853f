package org.inkmath.latex.grammar;

import java.util.Optional;
import java.util.regex.Pattern;

import org.antlr.v4.runtime.Token;
import org.inkmath.latex.LatexTokenizer;

/**
 * The wording of every error, in one place so that the parser's first error and the later
 * token checks say the same thing about the same fact. Tokens are named by their text and
 * index: {@code `\frac` at 3}.
 */
final class ErrorMessages {

    private static final Pattern ESCAPED_CHARACTER = Pattern.compile("U\\+[0-9A-F]{4,6}");

    private ErrorMessages() {
    }

    static String name(Token token) {
        return token.getType() == Token.EOF ? "the end" : "`" + token.getText() + "` at " + token.getTokenIndex();
    }

    /** A token that is never right anywhere: unknown commands, stray characters, misplaced {@code \limits}. */
    static Optional<Finding> unusable(Token token) {
        int at = token.getTokenIndex();
        String text = token.getText();
        String message = switch (token.getType()) {
            case LatexMathParser.LIMITS -> name(token) + " must follow \\sum, \\int or \\lim";
            case LatexMathParser.UNKNOWN_COMMAND -> text.equals("\\begin") || text.equals("\\end")
                    ? name(token) + " must name an environment: {matrix}, {pmatrix}, {bmatrix}, {cases}"
                            + " or {array}{COLUMNS}"
                    : "unknown command " + name(token);
            case LatexMathParser.CONTROL_SYMBOL -> "unknown command " + name(token);
            case LatexMathParser.OTHER -> other(token);
            default -> null;
        };
        return Optional.ofNullable(message).map(m -> new Finding(at, at, m));
    }

    private static String other(Token token) {
        String text = token.getText();
        if (text.equals("'")) {
            return name(token) + " is not allowed; write the prime as `\\prime`, as in `f ^ { \\prime }`";
        }
        if (text.equals("<pad>") || text.equals("<sos>") || text.equals("<eos>")) {
            return name(token) + " is a special token of the vocabulary, not LaTeX";
        }
        // A string lexes to single characters here, whitespace and control characters spelled
        // U+XXXX by the validator; a longer text is an element of a token sequence.
        boolean escapedCharacter = ESCAPED_CHARACTER.matcher(text).matches();
        if (!escapedCharacter && text.codePointCount(0, text.length()) > 1 && LatexTokenizer.tokenize(text).size() > 1) {
            return name(token) + " is several tokens; separate them with spaces";
        }
        return name(token) + " is not allowed in a formula";
    }

    static String noBase(Token script) {
        return name(script) + " has no base";
    }

    static String baseHasScript(Token script, Token base) {
        String which = script.getType() == LatexMathParser.CARET ? "superscript" : "subscript";
        return name(script) + ": the base at " + base.getTokenIndex() + " already has a " + which;
    }

    static String noArgument(Token owner) {
        return name(owner) + " has no argument";
    }

    static String fractionArguments(Token frac, int given) {
        return name(frac) + (given == 0 ? " has no arguments" : " has one argument") + ", needs two";
    }

    static String needsBraces(Token argument, Token owner) {
        return name(argument) + " cannot be an argument of " + name(owner) + " without braces { }";
    }

    static String nestedIndex(Token innerRoot, Token outerRoot) {
        return name(innerRoot) + " inside the index of " + name(outerRoot)
                + " cannot have an index unless it is put in braces { }";
    }

    static String outsideEnvironment(Token separator) {
        return name(separator) + " is outside a matrix or array";
    }

    static String notDirectlyInEnvironment(Token separator, String openConstruct, Token begin) {
        return name(separator) + " must be directly inside " + name(begin) + ", but " + openConstruct
                + " is still open";
    }

    static String notADelimiter(Token candidate, Token leftOrRight, boolean inIndex) {
        if (candidate.getType() == Token.EOF) {
            return name(leftOrRight) + " has no delimiter";
        }
        String hint = candidate.getText().equals("{") || candidate.getText().equals("}")
                ? " (a brace delimiter is written `\\{` or `\\}`)" : "";
        return name(candidate) + " is not a delimiter; " + name(leftOrRight) + " takes one of ( ) [ "
                + (inIndex ? "" : "] ") + "\\{ \\} | ." + hint;
    }

    static String bracketEndsIndex(Token bracket, Token leftOrRight, Token root) {
        return name(bracket) + " cannot follow " + name(leftOrRight) + " here: it ends the index of " + name(root);
    }

    static String endCloses(Token end, Token begin) {
        return name(end) + " closes " + name(begin);
    }

    static String strayClose(Token close) {
        return switch (close.getType()) {
            case LatexMathParser.RIGHT -> name(close) + " has no matching `\\left`";
            case LatexMathParser.END_ENV -> name(close) + " has no matching `"
                    + close.getText().replaceFirst("\\\\end", "\\\\begin") + "`";
            default -> name(close) + " closes nothing";
        };
    }

    static String braceNeverClosed(Token brace, Token reached) {
        return reached.getType() == Token.EOF ? name(brace) + " is never closed"
                : name(brace) + " is still open at " + name(reached);
    }

    static String indexNeverClosed(Token bracket, Token root, Token reached) {
        String what = name(bracket) + " (the index of " + name(root) + ")";
        return reached.getType() == Token.EOF ? what + " is never closed" : what + " is still open at " + name(reached);
    }

    static String leftUnmatched(Token left, Token reached) {
        return name(left) + " has no matching `\\right`" + before(reached);
    }

    static String beginUnmatched(Token begin, Token reached) {
        return name(begin) + " has no matching `\\end{" + LatexMathParserBase.environmentName(begin.getText()) + "}`"
                + before(reached);
    }

    static String tooDeep(Token opener, int limit) {
        return name(opener) + " is nested more than " + limit + " levels deep, deeper than the validator follows";
    }

    static String unexpected(Token token) {
        return name(token) + " is not expected here";
    }

    private static String before(Token reached) {
        return reached.getType() == Token.EOF ? "" : " before " + name(reached);
    }
}
