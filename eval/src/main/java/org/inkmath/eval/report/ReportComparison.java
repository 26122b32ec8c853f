package org.inkmath.eval.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.inkmath.eval.metrics.MetricSummary.MetricValue;

/**
 * Two reports side by side (two models, or two settings of one): the change of every rate, and
 * the expressions that one gets right and the other wrong. Expressions are matched by name;
 * those in one report only are counted, not compared.
 *
 * <pre>{@code
 * ReportComparison c = ReportComparison.of(ReportJson.read(a), ReportJson.read(b));
 * c.onlyARight();   // right in A, wrong in B
 * ReportComparison.markdown(c);
 * }</pre>
 *
 * @param a           the first report ("A")
 * @param b           the second report ("B")
 * @param deltas      every metric of both, with B minus A, in table order
 * @param onlyARight  expressions exact in A and not in B, in A's order
 * @param onlyBRight  expressions exact in B and not in A, in A's order
 * @param bothRight   how many expressions both get right
 * @param onlyInA     how many expressions only A has
 * @param onlyInB     how many expressions only B has
 */
public record ReportComparison(EvaluationReport a, EvaluationReport b, List<MetricDelta> deltas,
                               List<Difference> onlyARight, List<Difference> onlyBRight,
                               int bothRight, int onlyInA, int onlyInB) {

    /** One metric in both reports. */
    public record MetricDelta(String key, String label, double a, double b) {
        public double delta() {
            return b - a;
        }
    }

    /** An expression on which the two disagree, with both predictions. */
    public record Difference(String name, String truth, String predictedA, String predictedB) {
    }

    public ReportComparison {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        deltas = List.copyOf(deltas);
        onlyARight = List.copyOf(onlyARight);
        onlyBRight = List.copyOf(onlyBRight);
    }

    public static ReportComparison of(EvaluationReport a, EvaluationReport b) {
        List<MetricDelta> deltas = new ArrayList<>();
        List<MetricValue> bMetrics = b.metrics();
        for (int i = 0; i < a.metrics().size(); i++) {
            MetricValue m = a.metrics().get(i);
            deltas.add(new MetricDelta(m.key(), m.label(), m.percent(), bMetrics.get(i).percent()));
        }
        Map<String, ExpressionOutcome> inB = new LinkedHashMap<>();
        b.expressions().forEach(e -> inB.put(e.name(), e));
        List<Difference> onlyA = new ArrayList<>();
        List<Difference> onlyB = new ArrayList<>();
        int both = 0;
        int onlyInA = 0;
        for (ExpressionOutcome x : a.expressions()) {
            ExpressionOutcome y = inB.remove(x.name());
            if (y == null) {
                onlyInA++;
                continue;
            }
            Difference d = new Difference(x.name(), x.truth(), x.predicted(), y.predicted());
            if (x.exact() && y.exact()) {
                both++;
            } else if (x.exact()) {
                onlyA.add(d);
            } else if (y.exact()) {
                onlyB.add(d);
            }
        }
        return new ReportComparison(a, b, deltas, onlyA, onlyB, both, onlyInA, inB.size());
    }

    /** How many expressions both reports hold, so were compared. */
    public int compared() {
        return a.expressions().size() - onlyInA;
    }

    /** How many compared expressions exactly one of the two gets right. */
    public int disagreements() {
        return onlyARight.size() + onlyBRight.size();
    }

    /** The paired difference of the exact rates, B − A, in points of the compared expressions. */
    public double exactRateDifference() {
        return 100.0 * (onlyBRight.size() - onlyARight.size()) / Math.max(1, compared());
    }

    /**
     * The exact McNemar test of "A and B read equally well": under it, each expression that only
     * one of them gets right is A's or B's with even odds, so the split of those disagreements is
     * binomial(n, 1/2). Returns the two-sided p-value (1 when they never disagree): how often a
     * split at least this uneven arises by chance.
     */
    public double mcNemarP() {
        int n = disagreements();
        int k = Math.min(onlyARight.size(), onlyBRight.size());
        if (n == 0) {
            return 1;
        }
        double logP = n * Math.log(0.5); // P(X = 0), then P(X = i + 1) = P(X = i) (n - i) / (i + 1)
        double tail = 0;
        for (int i = 0; i <= k; i++) {
            tail += Math.exp(logP);
            logP += Math.log(n - i) - Math.log(i + 1);
        }
        return Math.min(1, 2 * tail);
    }

    /**
     * The 95% interval of the exact-rate difference B − A in points, from the paired
     * disagreements (normal approximation): {@code {low, high}}.
     */
    public double[] exactRateInterval() {
        double n = Math.max(1, compared());
        double d = exactRateDifference() / 100;
        double half = 1.96 * Math.sqrt(Math.max(0, (disagreements() / n - d * d) / n));
        return new double[] {100 * (d - half), 100 * (d + half)};
    }

    /** The significance sentence shared by both formats. */
    static String significance(ReportComparison c) {
        double[] ci = c.exactRateInterval();
        double p = c.mcNemarP();
        return String.format(Locale.ROOT, "Exact-match difference B − A on the %s expressions compared: %s points,"
                        + " 95%% interval %s to %s; exact McNemar test on the %s they disagree on: p = %s (%s).",
                Text.count(c.compared()), Text.delta(c.exactRateDifference()), Text.delta(ci[0]), Text.delta(ci[1]),
                Text.count(c.disagreements()), p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p),
                p < 0.05 ? "unlikely to be chance" : "could well be chance: the two read about equally well");
    }

    /** The comparison as Markdown: the deltas table, then both lists of disagreements. */
    public static String markdown(ReportComparison c, int maxListed) {
        StringBuilder out = new StringBuilder();
        out.append("## Comparison\n\n- A: ").append(Text.cell(describe(c.a()))).append("\n- B: ")
                .append(Text.cell(describe(c.b()))).append("\n\n");
        out.append("| metric | A | B | B − A |\n| --- | ---: | ---: | ---: |\n");
        for (MetricDelta d : c.deltas()) {
            out.append("| ").append(d.label()).append(" | ").append(Text.percent(d.a())).append(" | ")
                    .append(Text.percent(d.b())).append(" | ").append(Text.delta(d.delta())).append(" |\n");
        }
        out.append("\nBoth right: ").append(Text.count(c.bothRight())).append("; only A right: ")
                .append(Text.count(c.onlyARight().size())).append("; only B right: ")
                .append(Text.count(c.onlyBRight().size())).append('.');
        if (c.onlyInA() > 0 || c.onlyInB() > 0) {
            out.append(" Not compared: ").append(Text.count(c.onlyInA())).append(" expressions only in A, ")
                    .append(Text.count(c.onlyInB())).append(" only in B.");
        }
        out.append("\n\n").append(significance(c)).append('\n');
        differences(out, "Right in A, wrong in B", c.onlyARight(), maxListed);
        differences(out, "Right in B, wrong in A", c.onlyBRight(), maxListed);
        return out.toString();
    }

    /** The comparison as one self-contained HTML page (text only, no images). */
    public static String html(ReportComparison c, int maxListed) {
        StringBuilder out = new StringBuilder();
        HtmlReport.head(out, "inkmath comparison");
        out.append("<h1>Comparison</h1>\n<ul>\n<li>A: ").append(Text.html(describe(c.a()))).append("</li>\n<li>B: ")
                .append(Text.html(describe(c.b()))).append("</li>\n</ul>\n");
        out.append("<table><tr><th>metric</th><th>A</th><th>B</th><th>B − A</th></tr>\n");
        for (MetricDelta d : c.deltas()) {
            out.append("<tr><td>").append(Text.html(d.label())).append("</td><td>").append(Text.percent(d.a()))
                    .append("</td><td>").append(Text.percent(d.b())).append("</td><td>").append(Text.delta(d.delta()))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n<p>Both right: ").append(Text.count(c.bothRight())).append("; only A right: ")
                .append(Text.count(c.onlyARight().size())).append("; only B right: ")
                .append(Text.count(c.onlyBRight().size())).append(".</p>\n<p>")
                .append(Text.html(significance(c))).append("</p>\n");
        htmlDifferences(out, "Right in A, wrong in B", c.onlyARight(), maxListed);
        htmlDifferences(out, "Right in B, wrong in A", c.onlyBRight(), maxListed);
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static String describe(EvaluationReport r) {
        Provenance p = r.provenance();
        return p.source() + " against " + p.truth() + ", " + p.selection() + " (" + p.codeVersion() + ")";
    }

    private static void differences(StringBuilder out, String title, List<Difference> list, int maxListed) {
        out.append("\n### ").append(title).append(" (").append(Text.count(list.size())).append(")\n\n");
        if (list.isEmpty()) {
            out.append("None.\n");
            return;
        }
        out.append("| name | truth | A | B |\n| --- | --- | --- | --- |\n");
        for (Difference d : list.subList(0, Math.min(maxListed, list.size()))) {
            out.append("| ").append(Text.cell(d.name())).append(" | ").append(Text.code(d.truth())).append(" | ")
                    .append(Text.code(d.predictedA())).append(" | ").append(Text.code(d.predictedB())).append(" |\n");
        }
        if (list.size() > maxListed) {
            out.append("\n(").append(Text.count(list.size() - maxListed)).append(" more not listed)\n");
        }
    }

    private static void htmlDifferences(StringBuilder out, String title, List<Difference> list, int maxListed) {
        out.append("<h2>").append(Text.html(title)).append(" (").append(Text.count(list.size())).append(")</h2>\n");
        if (list.isEmpty()) {
            out.append("<p>None.</p>\n");
            return;
        }
        out.append("<table><tr><th>name</th><th>truth</th><th>A</th><th>B</th></tr>\n");
        for (Difference d : list.subList(0, Math.min(maxListed, list.size()))) {
            out.append("<tr><td>").append(Text.html(d.name())).append("</td><td class=\"src\">").append(Text.html(d.truth()))
                    .append("</td><td class=\"src\">").append(Text.html(d.predictedA()))
                    .append("</td><td class=\"src\">").append(Text.html(d.predictedB())).append("</td></tr>\n");
        }
        out.append("</table>\n");
        if (list.size() > maxListed) {
            out.append("<p>").append(Text.count(list.size() - maxListed)).append(" more not listed.</p>\n");
        }
    }
}
