package org.inkmath.latex.grammar;

import java.util.Set;

import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * The base class of the generated {@code LatexMathParser}: the two checks of the grammar that
 * look at a token's text rather than its type, written here so that the grammar holds no Java.
 * Both are pure functions of the tokens and the current rule, so a parser keeps no extra state.
 *
 * <pre>
 * delimiter   : { isDelimiter() }? ( SYMBOL | SYMBOL_COMMAND | LBRACKET | RBRACKET ) ;
 * environment : BEGIN_ENV cells ( ROW_BREAK cells )* END_ENV { endMatchesBegin() }? ;
 * </pre>
 */
public abstract class LatexMathParserBase extends Parser {

    /** The texts that may follow {@code \left} and {@code \right}. */
    static final Set<String> DELIMITERS = Set.of("(", ")", "[", "]", "\\{", "\\}", "|", ".");

    protected LatexMathParserBase(TokenStream input) {
        super(input);
    }

    /** Whether the next token is a delimiter; the grammar checks its type as well. */
    protected boolean isDelimiter() {
        return DELIMITERS.contains(_input.LT(1).getText());
    }

    /** Whether the {@code \end} just matched names the environment that this rule began. */
    protected boolean endMatchesBegin() {
        ParserRuleContext environment = getContext();
        Token begin = environment.getStart();
        Token end = _input.LT(-1);
        return environmentName(begin.getText()).equals(environmentName(end.getText()));
    }

    /**
     * The name in {@code \begin{NAME}...} or {@code \end{NAME}}: {@code \begin{array}{cc}} gives
     * {@code array}. Spaces are ignored, as the lexer allows them around the name.
     */
    static String environmentName(String beginOrEnd) {
        String compact = beginOrEnd.replaceAll("\\s+", "");
        int open = compact.indexOf('{');
        int close = compact.indexOf('}', open + 1);
        return open < 0 || close < 0 ? compact : compact.substring(open + 1, close);
    }
}
