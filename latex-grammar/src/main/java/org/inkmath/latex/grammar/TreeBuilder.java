package org.inkmath.latex.grammar;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.inkmath.latex.grammar.LatexMathParser.*;
import org.inkmath.latex.tree.MathNode;

/**
 * Builds the {@link MathNode} tree of a parse that had no error. The index twins of the
 * grammar build the same nodes as the ordinary rules, so each pair shares one method that
 * reads the children by position (the grammar fixes the positions).
 */
final class TreeBuilder extends LatexMathParserBaseVisitor<MathNode> {

    /** The tree of a formula that parsed without error. */
    static MathNode.Row build(FormulaContext formula) {
        return (MathNode.Row) new TreeBuilder().visit(formula.row());
    }

    @Override
    public MathNode visitRow(RowContext ctx) {
        return row(ctx);
    }

    @Override
    public MathNode visitIndexRow(IndexRowContext ctx) {
        return row(ctx);
    }

    @Override
    public MathNode visitItem(ItemContext ctx) {
        return item(ctx);
    }

    @Override
    public MathNode visitIndexItem(IndexItemContext ctx) {
        return item(ctx);
    }

    @Override
    public MathNode visitAtom(AtomContext ctx) {
        return visit(ctx.getChild(0));
    }

    @Override
    public MathNode visitIndexAtom(IndexAtomContext ctx) {
        return visit(ctx.getChild(0));
    }

    @Override
    public MathNode visitSymbol(SymbolContext ctx) {
        return visit(ctx.getChild(0));
    }

    @Override
    public MathNode visitIndexSymbol(IndexSymbolContext ctx) {
        return visit(ctx.getChild(0));
    }

    @Override
    public MathNode visitFunction(FunctionContext ctx) {
        return visit(ctx.getChild(0));
    }

    /** Symbols, function names and bare radicands are single terminals. */
    @Override
    public MathNode visitTerminal(TerminalNode node) {
        Token token = node.getSymbol();
        return new MathNode.Symbol(token.getText(), token.getTokenIndex());
    }

    @Override
    public MathNode visitBigop(BigopContext ctx) {
        return new MathNode.BigOperator(ctx.BIG_OPERATOR().getText(), ctx.LIMITS() != null, position(ctx));
    }

    @Override
    public MathNode visitGroup(GroupContext ctx) {
        return new MathNode.Group(row(ctx.row()), position(ctx));
    }

    @Override
    public MathNode visitArgument(ArgumentContext ctx) {
        return visit(ctx.getChild(0));
    }

    @Override
    public MathNode visitIndexArgument(IndexArgumentContext ctx) {
        return visit(ctx.getChild(0));
    }

    @Override
    public MathNode visitRadicand(RadicandContext ctx) {
        return visit(ctx.getChild(0));
    }

    @Override
    public MathNode visitIndexRadicand(IndexRadicandContext ctx) {
        return visit(ctx.getChild(0));
    }

    @Override
    public MathNode visitFraction(FractionContext ctx) {
        return fraction(ctx);
    }

    @Override
    public MathNode visitIndexFraction(IndexFractionContext ctx) {
        return fraction(ctx);
    }

    @Override
    public MathNode visitRoot(RootContext ctx) {
        if (ctx.rootIndex() == null) {
            return new MathNode.Root(Optional.empty(), visit(ctx.radicand()), position(ctx));
        }
        MathNode.Row index = row(ctx.rootIndex().indexRow());
        return new MathNode.Root(Optional.of(index), visit(ctx.argument()), position(ctx));
    }

    @Override
    public MathNode visitIndexRoot(IndexRootContext ctx) {
        return new MathNode.Root(Optional.empty(), visit(ctx.indexRadicand()), position(ctx));
    }

    @Override
    public MathNode visitDelimited(DelimitedContext ctx) {
        return delimited(ctx);
    }

    @Override
    public MathNode visitIndexDelimited(IndexDelimitedContext ctx) {
        return delimited(ctx);
    }

    @Override
    public MathNode visitEnvironment(EnvironmentContext ctx) {
        return environment(ctx);
    }

    @Override
    public MathNode visitIndexEnvironment(IndexEnvironmentContext ctx) {
        return environment(ctx);
    }

    /** A row's children are its items. */
    private MathNode.Row row(ParserRuleContext row) {
        List<MathNode> items = new ArrayList<>(row.getChildCount());
        for (ParseTree item : childRules(row)) {
            items.add(visit(item));
        }
        return new MathNode.Row(items, position(row));
    }

    /** atom, then optionally scripts: ( ^ or _ ) argument, at most twice. */
    private MathNode item(ParserRuleContext item) {
        MathNode base = visit(item.getChild(0));
        if (item.getChildCount() == 1) {
            return base;
        }
        ParseTree scripts = item.getChild(1);
        Optional<MathNode> subscript = Optional.empty();
        Optional<MathNode> superscript = Optional.empty();
        for (int i = 0; i + 1 < scripts.getChildCount(); i += 2) {
            MathNode argument = visit(scripts.getChild(i + 1));
            if (((TerminalNode) scripts.getChild(i)).getSymbol().getType() == LatexMathParser.CARET) {
                superscript = Optional.of(argument);
            } else {
                subscript = Optional.of(argument);
            }
        }
        return new MathNode.Scripts(base, subscript, superscript, base.position());
    }

    /** \frac argument argument */
    private MathNode fraction(ParserRuleContext fraction) {
        return new MathNode.Fraction(visit(fraction.getChild(1)), visit(fraction.getChild(2)), position(fraction));
    }

    /** \left delimiter row \right delimiter */
    private MathNode delimited(ParserRuleContext delimited) {
        String open = delimited.getChild(1).getText();
        MathNode.Row body = row((ParserRuleContext) delimited.getChild(2));
        String close = delimited.getChild(4).getText();
        return new MathNode.Delimited(open, body, close, position(delimited));
    }

    /** \begin{NAME} cells ( \\ cells )* \end{NAME}, cells being rows separated by &. */
    private MathNode environment(ParserRuleContext environment) {
        String begin = environment.getStart().getText().replaceAll("\\s+", "");
        String name = LatexMathParserBase.environmentName(begin);
        String columns = "";
        int spec = begin.indexOf("}{");
        if (spec >= 0) {
            columns = begin.substring(spec + 2, begin.length() - 1);
        }
        List<List<MathNode.Row>> rows = new ArrayList<>();
        for (ParseTree cells : childRules(environment)) {
            List<MathNode.Row> cellRows = new ArrayList<>();
            for (ParseTree cell : childRules((ParserRuleContext) cells)) {
                cellRows.add(row((ParserRuleContext) cell));
            }
            rows.add(cellRows);
        }
        return new MathNode.Environment(name, columns, rows, position(environment));
    }

    private static List<ParseTree> childRules(ParserRuleContext parent) {
        List<ParseTree> rules = new ArrayList<>(parent.getChildCount());
        for (int i = 0; i < parent.getChildCount(); i++) {
            if (parent.getChild(i) instanceof ParserRuleContext) {
                rules.add(parent.getChild(i));
            }
        }
        return rules;
    }

    /** Index of the first token; for an empty row, of the token that follows it. */
    private static int position(ParserRuleContext ctx) {
        return ctx.getStart().getTokenIndex();
    }
}
