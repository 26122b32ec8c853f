package org.inkmath.eval.report;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.inkmath.eval.metrics.Confusion;
import org.inkmath.eval.metrics.LengthBucket;
import org.inkmath.eval.metrics.MetricSummary;

/**
 * The result of an evaluation run: its provenance, the summary counts and rates, the figures by
 * expression length, the most frequent token confusions, every expression's outcome, and the
 * facts of the run (date, timings) kept apart in {@link #run()}. Written by {@link ReportJson},
 * {@link MarkdownReport} and {@link HtmlReport}.
 *
 * <pre>{@code
 * EvaluationReport report = Evaluation.run(truths, source, settings, progress);
 * report.summary().expressionRate();    // 58.2
 * ReportJson.write(report.withoutRunFacts());  // the same bytes for the same inputs
 * }</pre>
 *
 * @param format       the report format's name and version, {@value #FORMAT}
 * @param provenance   what was evaluated, with what, by which code
 * @param summary      the counts summed over the expressions
 * @param metrics      the rates of {@code summary}, in table order (written out for readers
 *                     of the JSON; recomputed from the counts when read back)
 * @param byLength     the figures by truth length
 * @param confusions   the most frequent token errors, most frequent first
 * @param unknownNames names in the predictions that are not in the truth, sorted
 * @param expressions  every expression's outcome, in evaluation order
 * @param run          date and timings; null in a report stripped for comparison
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationReport(String format, Provenance provenance, MetricSummary summary,
                               List<MetricSummary.MetricValue> metrics, List<LengthBucket> byLength,
                               List<Confusion> confusions, List<String> unknownNames,
                               List<ExpressionOutcome> expressions, RunFacts run) {

    /** The format written; {@link ReportJson} refuses others. */
    public static final String FORMAT = "inkmath-eval-report/1";

    public EvaluationReport {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(summary, "summary");
        // the rates always follow the counts, whatever a JSON file said
        metrics = summary.metrics();
        byLength = List.copyOf(byLength);
        confusions = List.copyOf(confusions);
        unknownNames = List.copyOf(unknownNames);
        expressions = List.copyOf(expressions);
    }

    /** The same report without date and timings: what two runs of the same inputs share. */
    public EvaluationReport withoutRunFacts() {
        return new EvaluationReport(format, provenance, summary, metrics, byLength, confusions, unknownNames,
                expressions, null);
    }

    /** The outcomes that are not exact, in evaluation order. */
    public List<ExpressionOutcome> errors() {
        return expressions.stream().filter(e -> !e.exact()).toList();
    }
}
