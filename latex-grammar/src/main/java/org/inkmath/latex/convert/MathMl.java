package org.inkmath.latex.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.inkmath.latex.tree.MathNode;
import org.inkmath.latex.tree.MathNode.BigOperator;
import org.inkmath.latex.tree.MathNode.Delimited;
import org.inkmath.latex.tree.MathNode.Environment;
import org.inkmath.latex.tree.MathNode.Fraction;
import org.inkmath.latex.tree.MathNode.Group;
import org.inkmath.latex.tree.MathNode.Root;
import org.inkmath.latex.tree.MathNode.Row;
import org.inkmath.latex.tree.MathNode.Scripts;
import org.inkmath.latex.tree.MathNode.Symbol;

/**
 * Presentation MathML of a formula's syntax tree.
 *
 * <pre>{@code
 * MathMl.of(tree)   // for x ^ { 2 }:
 * // <math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><msup><mi>x</mi><mn>2</mn></msup></math>
 * }</pre>
 *
 * <p>Choices, following what LaTeX draws in display style (the formula is marked
 * {@code display="block"}):
 * <ul>
 * <li>Letters are {@code mi}, runs of digits (with a decimal point between digits) one {@code mn},
 *     operators, relations, punctuation and brackets {@code mo}; Greek letters, operators and
 *     arrows are written as their Unicode characters ({@code \alpha} α, {@code \leq} ≤,
 *     {@code -} the minus sign U+2212); capital Greek letters are upright
 *     ({@code mathvariant="normal"}), as in LaTeX.</li>
 * <li>{@code \sin \cos \tan \log} are {@code mi} followed by the invisible function application
 *     U+2061 when an argument follows.</li>
 * <li>The scripts of {@code \sum} and {@code \lim} become {@code munder/mover/munderover}, as
 *     LaTeX places them in display style; those of {@code \int} stay {@code msub/msup/msubsup}
 *     (beside the sign, as in LaTeX) unless {@code \limits} follows it, which moves them below
 *     and above for any big operator.</li>
 * <li>{@code \left ... \right} becomes an {@code mrow} between {@code mo} elements with
 *     {@code fence="true"} and {@code stretchy="true"} (no {@code mfenced}, which MathML Core
 *     dropped); an invisible {@code .} delimiter gives no element.</li>
 * <li>Environments become {@code mtable}; pmatrix and bmatrix are fenced by ( ) and [ ], cases by
 *     a left {, with left-aligned columns; an array's column spec sets {@code columnalign}, rules
 *     between columns set {@code columnlines}, and rules at the outer edges become | fences.</li>
 * <li>A token the table does not know (possible only in hand-built trees) is kept visibly as
 *     {@code <merror><mtext>TOKEN</mtext></merror>}.</li>
 * </ul>
 */
public final class MathMl {

    /** The MathML namespace. */
    public static final String NAMESPACE = "http://www.w3.org/1998/Math/MathML";

    private static final String FUNCTION_APPLICATION = "\u2061";

    private static final Map<String, String> IDENTIFIERS = Map.ofEntries(
            Map.entry("\\alpha", "\u03b1"), Map.entry("\\beta", "\u03b2"), Map.entry("\\gamma", "\u03b3"),
            Map.entry("\\lambda", "\u03bb"), Map.entry("\\mu", "\u03bc"), Map.entry("\\phi", "\u03d5"),
            Map.entry("\\pi", "\u03c0"), Map.entry("\\sigma", "\u03c3"), Map.entry("\\theta", "\u03b8"),
            Map.entry("\\infty", "\u221e"));

    /** Capital Greek letters: upright in LaTeX, so {@code mathvariant="normal"}. */
    private static final Map<String, String> UPRIGHT_IDENTIFIERS = Map.of("\\Delta", "\u0394", "\\Pi", "\u03a0");

    private static final Map<String, String> OPERATORS = Map.ofEntries(
            Map.entry("+", "+"), Map.entry("-", "\u2212"), Map.entry("=", "="), Map.entry("<", "<"),
            Map.entry(">", ">"), Map.entry(",", ","), Map.entry(".", "."), Map.entry("/", "/"), Map.entry("!", "!"),
            Map.entry("(", "("), Map.entry(")", ")"), Map.entry("[", "["), Map.entry("]", "]"), Map.entry("|", "|"),
            Map.entry("\\{", "{"), Map.entry("\\}", "}"), Map.entry("\\times", "\u00d7"), Map.entry("\\div", "\u00f7"),
            Map.entry("\\pm", "\u00b1"), Map.entry("\\cdot", "\u22c5"), Map.entry("\\cdots", "\u22ef"),
            Map.entry("\\ldots", "\u2026"), Map.entry("\\leq", "\u2264"), Map.entry("\\geq", "\u2265"),
            Map.entry("\\neq", "\u2260"), Map.entry("\\in", "\u2208"), Map.entry("\\rightarrow", "\u2192"),
            Map.entry("\\forall", "\u2200"), Map.entry("\\exists", "\u2203"), Map.entry("\\prime", "\u2032"));

    private static final Map<String, String> FUNCTIONS = Map.of("\\sin", "sin", "\\cos", "cos", "\\tan", "tan", "\\log", "log");

    private static final Map<String, String> BIG_OPERATORS = Map.of("\\sum", "\u2211", "\\int", "\u222b", "\\lim", "lim");

    /** Delimiters after {@code \left} / {@code \right}; {@code .} is invisible. */
    private static final Map<String, String> FENCES = Map.of("(", "(", ")", ")", "[", "[", "]", "]",
            "\\{", "{", "\\}", "}", "|", "|");

    private MathMl() {
    }

    /** The formula as a {@code <math>} element in display mode. */
    public static String of(MathNode formula) {
        return "<math xmlns=\"" + NAMESPACE + "\" display=\"block\">" + String.join("", flat(formula)) + "</math>";
    }

    /** The elements of a node, a row giving one per item (and none when empty). */
    private static List<String> flat(MathNode node) {
        if (node instanceof Row row) {
            return row(row.items());
        }
        if (node instanceof Group group) {
            return List.of(one(row(group.body().items())));
        }
        return List.of(element(node));
    }

    /** Exactly one element for a node: a row of other than one item is wrapped in an mrow. */
    private static String one(MathNode node) {
        if (node instanceof Group group) {
            return one(row(group.body().items()));
        }
        if (node instanceof Row row) {
            return one(row(row.items()));
        }
        return element(node);
    }

    private static String one(List<String> elements) {
        return elements.size() == 1 ? elements.get(0) : "<mrow>" + String.join("", elements) + "</mrow>";
    }

    private static List<String> row(List<MathNode> items) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            MathNode item = items.get(i);
            if (item instanceof Symbol s && isDigit(s.token())) {
                // a run of digits, with a decimal point between digits, is one number
                StringBuilder number = new StringBuilder(s.token());
                int j = i + 1;
                while (j < items.size() && items.get(j) instanceof Symbol next
                        && (isDigit(next.token()) || (next.token().equals(".") && j + 1 < items.size()
                        && items.get(j + 1) instanceof Symbol after && isDigit(after.token())))) {
                    number.append(next.token());
                    j++;
                }
                out.add(leaf("mn", number.toString(), ""));
                i = j - 1;
                continue;
            }
            out.add(element(item));
            if (item instanceof Symbol s && FUNCTIONS.containsKey(s.token()) && i + 1 < items.size()) {
                out.add(leaf("mo", FUNCTION_APPLICATION, ""));
            }
        }
        return out;
    }

    private static String element(MathNode node) {
        // Java 17: no pattern matching in switch yet, so a chain of instanceof over the sealed type
        if (node instanceof Symbol s) {
            return symbol(s.token());
        } else if (node instanceof BigOperator op) {
            return bigOperator(op);
        } else if (node instanceof Group g) {
            return one(row(g.body().items()));
        } else if (node instanceof Row r) {
            return one(row(r.items()));
        } else if (node instanceof Fraction f) {
            return "<mfrac>" + one(f.numerator()) + one(f.denominator()) + "</mfrac>";
        } else if (node instanceof Root r) {
            return r.index().isPresent()
                    ? "<mroot>" + one(r.radicand()) + one(r.index().get()) + "</mroot>"
                    : "<msqrt>" + one(r.radicand()) + "</msqrt>";
        } else if (node instanceof Scripts s) {
            return scripts(s);
        } else if (node instanceof Delimited d) {
            return "<mrow>" + fence(d.open(), "prefix") + String.join("", row(d.body().items()))
                    + fence(d.close(), "postfix") + "</mrow>";
        } else if (node instanceof Environment e) {
            return environment(e);
        }
        throw new IllegalArgumentException("unknown node type " + node.getClass().getName());
    }

    private static String scripts(Scripts s) {
        boolean limits = s.base() instanceof BigOperator op
                && (op.limits() || op.token().equals("\\sum") || op.token().equals("\\lim"));
        String base = one(s.base());
        Optional<String> sub = s.subscript().map(MathMl::one);
        Optional<String> sup = s.superscript().map(MathMl::one);
        if (sub.isPresent() && sup.isPresent()) {
            String tag = limits ? "munderover" : "msubsup";
            return "<" + tag + ">" + base + sub.get() + sup.get() + "</" + tag + ">";
        }
        String tag = sub.isPresent() ? (limits ? "munder" : "msub") : (limits ? "mover" : "msup");
        return "<" + tag + ">" + base + sub.orElseGet(sup::orElseThrow) + "</" + tag + ">";
    }

    private static String symbol(String token) {
        if (token.length() == 1 && Character.isLetter(token.charAt(0))) {
            return leaf("mi", token, "");
        }
        if (isDigit(token)) {
            return leaf("mn", token, "");
        }
        if (IDENTIFIERS.containsKey(token)) {
            return leaf("mi", IDENTIFIERS.get(token), "");
        }
        if (UPRIGHT_IDENTIFIERS.containsKey(token)) {
            return leaf("mi", UPRIGHT_IDENTIFIERS.get(token), " mathvariant=\"normal\"");
        }
        if (OPERATORS.containsKey(token)) {
            return leaf("mo", OPERATORS.get(token), "");
        }
        if (FUNCTIONS.containsKey(token)) {
            return leaf("mi", FUNCTIONS.get(token), "");
        }
        if (BIG_OPERATORS.containsKey(token)) {
            return leaf("mo", BIG_OPERATORS.get(token), "");
        }
        return "<merror>" + leaf("mtext", token, "") + "</merror>";
    }

    private static String bigOperator(BigOperator op) {
        String text = BIG_OPERATORS.get(op.token());
        if (text == null) {
            return symbol(op.token());
        }
        return leaf("mo", text, op.token().equals("\\lim") ? " movablelimits=\"true\"" : "");
    }

    private static String fence(String delimiter, String form) {
        if (delimiter.equals(".")) {
            return "";
        }
        String text = FENCES.getOrDefault(delimiter, delimiter);
        return leaf("mo", text, " fence=\"true\" form=\"" + form + "\" stretchy=\"true\"");
    }

    private static String environment(Environment e) {
        String name = e.name();
        if (name.equals("array")) {
            return array(e);
        }
        String columnAlign = name.equals("cases") ? " columnalign=\"left left\"" : "";
        String table = table(e.rows(), columnAlign);
        return switch (name) {
            case "pmatrix" -> "<mrow>" + fence("(", "prefix") + table + fence(")", "postfix") + "</mrow>";
            case "bmatrix" -> "<mrow>" + fence("[", "prefix") + table + fence("]", "postfix") + "</mrow>";
            case "cases" -> "<mrow>" + fence("\\{", "prefix") + table + "</mrow>";
            default -> table;
        };
    }

    /** An array: l c r set the alignment of each column, | between columns draws a rule. */
    private static String array(Environment e) {
        String spec = e.columns().replaceAll("\\s+", "");
        List<String> aligns = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        boolean ruleBefore = false;
        boolean leftEdge = false;
        for (char c : spec.toCharArray()) {
            if (c == '|') {
                if (aligns.isEmpty()) {
                    leftEdge = true;
                } else {
                    ruleBefore = true;
                }
            } else {
                if (!aligns.isEmpty()) {
                    lines.add(ruleBefore ? "solid" : "none");
                }
                ruleBefore = false;
                aligns.add(switch (c) {
                    case 'l' -> "left";
                    case 'r' -> "right";
                    default -> "center";
                });
            }
        }
        boolean rightEdge = ruleBefore; // a | after the last column
        StringBuilder attributes = new StringBuilder();
        if (!aligns.isEmpty()) {
            attributes.append(" columnalign=\"").append(String.join(" ", aligns)).append('"');
        }
        if (lines.contains("solid")) {
            attributes.append(" columnlines=\"").append(String.join(" ", lines)).append('"');
        }
        String table = table(e.rows(), attributes.toString());
        if (!leftEdge && !rightEdge) {
            return table;
        }
        return "<mrow>" + (leftEdge ? fence("|", "prefix") : "") + table + (rightEdge ? fence("|", "postfix") : "") + "</mrow>";
    }

    private static String table(List<List<Row>> rows, String attributes) {
        StringBuilder out = new StringBuilder("<mtable").append(attributes).append('>');
        for (List<Row> cells : rows) {
            out.append("<mtr>");
            for (Row cell : cells) {
                out.append("<mtd>").append(String.join("", row(cell.items()))).append("</mtd>");
            }
            out.append("</mtr>");
        }
        return out.append("</mtable>").toString();
    }

    private static String leaf(String tag, String text, String attributes) {
        return "<" + tag + attributes + ">" + escape(text) + "</" + tag + ">";
    }

    private static boolean isDigit(String token) {
        return token.length() == 1 && token.charAt(0) >= '0' && token.charAt(0) <= '9';
    }

    /** XML text: the five predefined entities where they are needed. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
