package org.inkmath.latex.grammar;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.inkmath.latex.grammar.LatexMathParser.ArgumentContext;
import org.inkmath.latex.grammar.LatexMathParser.CellsContext;
import org.inkmath.latex.grammar.LatexMathParser.DelimitedContext;
import org.inkmath.latex.grammar.LatexMathParser.DelimiterContext;
import org.inkmath.latex.grammar.LatexMathParser.EnvironmentContext;
import org.inkmath.latex.grammar.LatexMathParser.FormulaContext;
import org.inkmath.latex.grammar.LatexMathParser.FractionContext;
import org.inkmath.latex.grammar.LatexMathParser.GroupContext;
import org.inkmath.latex.grammar.LatexMathParser.IndexArgumentContext;
import org.inkmath.latex.grammar.LatexMathParser.IndexCellsContext;
import org.inkmath.latex.grammar.LatexMathParser.IndexDelimitedContext;
import org.inkmath.latex.grammar.LatexMathParser.IndexDelimiterContext;
import org.inkmath.latex.grammar.LatexMathParser.IndexEnvironmentContext;
import org.inkmath.latex.grammar.LatexMathParser.IndexFractionContext;
import org.inkmath.latex.grammar.LatexMathParser.IndexRadicandContext;
import org.inkmath.latex.grammar.LatexMathParser.IndexRowContext;
import org.inkmath.latex.grammar.LatexMathParser.RadicandContext;
import org.inkmath.latex.grammar.LatexMathParser.RootContext;
import org.inkmath.latex.grammar.LatexMathParser.RootIndexContext;
import org.inkmath.latex.grammar.LatexMathParser.RowContext;

/**
 * Turns the point where the parser stopped into the first error, in words. The rule the parser
 * was in says what it needed: an argument (of {@code \frac}, {@code \sqrt}, a script), a
 * delimiter, or the end of a row; the row-ending rules (formula, group, {@code \left},
 * environment, root index) say which construct was left open. The offending token says what
 * came instead.
 */
final class ErrorExplainer {

    private ErrorExplainer() {
    }

    static Finding explain(FirstErrorStrategy.Stop stop) {
        Token offending = stop.offending();
        ParserRuleContext context = stop.context();
        int at = offending.getTokenIndex();
        var unusable = ErrorMessages.unusable(offending);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        if (context instanceof DelimiterContext || context instanceof IndexDelimiterContext) {
            return delimiter(context, offending);
        }
        if (stop.failedPredicate() && isEnvironment(context)) {
            Token end = ((TerminalNode) context.getChild(context.getChildCount() - 1)).getSymbol();
            return new Finding(end.getTokenIndex(), at, ErrorMessages.endCloses(end, context.getStart()));
        }
        if (isArgument(context)) {
            return missingArgument(context.getParent(), context, offending);
        }
        if (context instanceof RootContext) {
            return missingArgument(context, null, offending);
        }
        if (context instanceof FormulaContext || context instanceof GroupContext || isDelimited(context)
                || isEnvironment(context) || context instanceof RootIndexContext) {
            return rowEnd(context, offending);
        }
        return new Finding(at, at, ErrorMessages.unexpected(offending)); // no rule of the grammar stops elsewhere
    }

    /** The owner ({@code \frac}, a script, {@code \sqrt}) lacks the argument {@code argument}. */
    private static Finding missingArgument(ParserRuleContext owner, ParserRuleContext argument, Token offending) {
        int at = offending.getTokenIndex();
        Token ownerToken = argument == null ? owner.getStart() : tokenBefore(owner, argument);
        if (argument instanceof IndexRadicandContext && offending.getType() == LatexMathParser.LBRACKET) {
            Token outerRoot = enclosing(owner, RootIndexContext.class).getParent().getStart();
            return new Finding(ownerToken.getTokenIndex(), at, ErrorMessages.nestedIndex(ownerToken, outerRoot));
        }
        if (startsStructure(offending)) {
            return new Finding(at, at, ErrorMessages.needsBraces(offending, ownerToken));
        }
        if (owner instanceof FractionContext || owner instanceof IndexFractionContext) {
            int given = owner.getChildCount() - 2; // \frac, the arguments before, the one that failed
            return new Finding(ownerToken.getTokenIndex(), at, ErrorMessages.fractionArguments(ownerToken, given));
        }
        return new Finding(ownerToken.getTokenIndex(), at, ErrorMessages.noArgument(ownerToken));
    }

    private static Finding delimiter(ParserRuleContext delimiter, Token offending) {
        ParserRuleContext delimited = delimiter.getParent();
        Token leftOrRight = tokenBefore(delimited, delimiter);
        boolean inIndex = delimiter instanceof IndexDelimiterContext;
        int at = offending.getTokenIndex();
        if (inIndex && offending.getType() == LatexMathParser.RBRACKET) {
            Token root = enclosing(delimited, RootIndexContext.class).getParent().getStart();
            return new Finding(at, at, ErrorMessages.bracketEndsIndex(offending, leftOrRight, root));
        }
        int subject = offending.getType() == Token.EOF ? leftOrRight.getTokenIndex() : at;
        return new Finding(subject, at, ErrorMessages.notADelimiter(offending, leftOrRight, inIndex));
    }

    /** A row ended at {@code offending}, which is not what {@code construct} needs next. */
    private static Finding rowEnd(ParserRuleContext construct, Token offending) {
        int at = offending.getTokenIndex();
        switch (offending.getType()) {
            case LatexMathParser.CARET, LatexMathParser.UNDERSCORE -> {
                ParserRuleContext row = lastRow(construct);
                ParseTree lastItem = row == null || row.getChildCount() == 0 ? null : row.getChild(row.getChildCount() - 1);
                return new Finding(at, at, lastItem instanceof ParserRuleContext item
                        ? ErrorMessages.baseHasScript(offending, item.getStart())
                        : ErrorMessages.noBase(offending));
            }
            case LatexMathParser.AMPERSAND, LatexMathParser.ROW_BREAK -> {
                ParserRuleContext environment = enclosingEnvironment(construct);
                return new Finding(at, at, environment == null
                        ? ErrorMessages.outsideEnvironment(offending)
                        : ErrorMessages.notDirectlyInEnvironment(offending, openerName(construct), environment.getStart()));
            }
            case Token.EOF, LatexMathParser.RBRACE, LatexMathParser.RIGHT, LatexMathParser.END_ENV,
                 LatexMathParser.RBRACKET -> {
                if (closesSomething(construct, offending)) {
                    return neverClosed(construct, offending);
                }
                return new Finding(at, at, ErrorMessages.strayClose(offending));
            }
            default -> {
                return new Finding(at, at, ErrorMessages.unexpected(offending));
            }
        }
    }

    private static Finding neverClosed(ParserRuleContext construct, Token reached) {
        Token opener = construct.getStart();
        int at = reached.getTokenIndex();
        if (construct instanceof GroupContext) {
            return new Finding(opener.getTokenIndex(), at, ErrorMessages.braceNeverClosed(opener, reached));
        }
        if (construct instanceof RootIndexContext) {
            Token root = construct.getParent().getStart();
            return new Finding(opener.getTokenIndex(), at, ErrorMessages.indexNeverClosed(opener, root, reached));
        }
        if (isDelimited(construct)) {
            return new Finding(opener.getTokenIndex(), at, ErrorMessages.leftUnmatched(opener, reached));
        }
        if (isEnvironment(construct)) {
            return new Finding(opener.getTokenIndex(), at, ErrorMessages.beginUnmatched(opener, reached));
        }
        return new Finding(at, at, ErrorMessages.unexpected(reached));
    }

    /** Whether {@code close} would close {@code construct} or a construct around it. */
    private static boolean closesSomething(ParserRuleContext construct, Token close) {
        for (ParserRuleContext c = construct; c != null; c = c.getParent()) {
            boolean closes = switch (close.getType()) {
                case Token.EOF -> c instanceof FormulaContext;
                case LatexMathParser.RBRACE -> c instanceof GroupContext;
                case LatexMathParser.RIGHT -> isDelimited(c);
                case LatexMathParser.END_ENV -> isEnvironment(c);
                case LatexMathParser.RBRACKET -> c instanceof RootIndexContext;
                default -> false;
            };
            if (closes) {
                return true;
            }
        }
        return false;
    }

    /** How a message names the construct that a row-ending rule opened. */
    private static String openerName(ParserRuleContext construct) {
        if (construct instanceof RootIndexContext) {
            return "the index of " + ErrorMessages.name(construct.getParent().getStart());
        }
        return ErrorMessages.name(construct.getStart());
    }

    /** The row that ended last inside a row-ending rule. */
    private static ParserRuleContext lastRow(ParserRuleContext construct) {
        for (int i = construct.getChildCount() - 1; i >= 0; i--) {
            ParseTree child = construct.getChild(i);
            if (child instanceof RowContext || child instanceof IndexRowContext) {
                return (ParserRuleContext) child;
            }
            if (child instanceof CellsContext || child instanceof IndexCellsContext) {
                return lastRow((ParserRuleContext) child);
            }
        }
        return null;
    }

    private static ParserRuleContext enclosingEnvironment(ParserRuleContext context) {
        for (ParserRuleContext c = context; c != null; c = c.getParent()) {
            if (isEnvironment(c)) {
                return c;
            }
        }
        return null;
    }

    private static ParserRuleContext enclosing(ParserRuleContext context, Class<? extends ParserRuleContext> type) {
        for (ParserRuleContext c = context; c != null; c = c.getParent()) {
            if (type.isInstance(c)) {
                return c;
            }
        }
        throw new IllegalStateException("no enclosing " + type.getSimpleName()); // the grammar guarantees one
    }

    /** The token of the terminal child just before {@code child}: the {@code ^} of a script argument. */
    private static Token tokenBefore(ParserRuleContext parent, ParseTree child) {
        Token last = parent.getStart();
        for (int i = 0; i < parent.getChildCount() && parent.getChild(i) != child; i++) {
            if (parent.getChild(i) instanceof TerminalNode terminal) {
                last = terminal.getSymbol();
            }
        }
        return last;
    }

    private static boolean startsStructure(Token token) {
        return switch (token.getType()) {
            case LatexMathParser.FRAC, LatexMathParser.SQRT, LatexMathParser.LEFT, LatexMathParser.BEGIN_ENV,
                 LatexMathParser.BEGIN_ARRAY, LatexMathParser.BIG_OPERATOR -> true;
            default -> false;
        };
    }

    private static boolean isArgument(ParserRuleContext c) {
        return c instanceof ArgumentContext || c instanceof IndexArgumentContext || c instanceof RadicandContext
                || c instanceof IndexRadicandContext;
    }

    private static boolean isDelimited(ParserRuleContext c) {
        return c instanceof DelimitedContext || c instanceof IndexDelimitedContext;
    }

    private static boolean isEnvironment(ParserRuleContext c) {
        return c instanceof EnvironmentContext || c instanceof IndexEnvironmentContext;
    }
}
