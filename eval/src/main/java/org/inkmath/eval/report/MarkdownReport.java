package org.inkmath.eval.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.inkmath.eval.metrics.Confusion;
import org.inkmath.eval.metrics.LengthBucket;
import org.inkmath.eval.metrics.MetricSummary;
import org.inkmath.eval.metrics.MetricSummary.MetricValue;

/**
 * Reports as Markdown, for BENCHMARKS.md and pull requests: the summary table beside the
 * published results, the figures by length, the most frequent confusions and the provenance.
 * The run's date and timings are printed only when the report has them, in their own section.
 *
 * <pre>{@code
 * String table = MarkdownReport.summaryTable(report);   // what the CLI prints
 * String page = MarkdownReport.write(report);
 * }</pre>
 */
public final class MarkdownReport {

    /** How many unknown names a report lists before it only counts them. */
    static final int NAMES_LISTED = 10;

    private MarkdownReport() {
    }

    /** The summary table: each rate with its counts, and the published ExpRates beside ours. */
    public static String summaryTable(EvaluationReport report) {
        MetricSummary s = report.summary();
        StringBuilder out = new StringBuilder();
        out.append("| metric | ours |");
        PublishedResult.CROHME_2014.forEach(p -> out.append(' ').append(p.model()).append(" |"));
        out.append("\n| --- | ---: |");
        PublishedResult.CROHME_2014.forEach(p -> out.append(" ---: |"));
        out.append('\n');
        for (MetricValue m : report.metrics()) {
            out.append("| ").append(m.label()).append(" | ").append(Text.percent(m.percent()));
            String counts = counts(m.key(), s);
            if (!counts.isEmpty()) {
                out.append(" (").append(counts).append(')');
            }
            out.append(" |");
            for (PublishedResult p : PublishedResult.CROHME_2014) {
                out.append(' ').append(m.key().equals("exprate") ? Text.percent(p.expressionRate()) : "–").append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The whole report as a Markdown section (a level-2 title first). */
    public static String write(EvaluationReport report) {
        Provenance p = report.provenance();
        MetricSummary s = report.summary();
        StringBuilder out = new StringBuilder();
        out.append("## Evaluation: ").append(Text.cell(p.source())).append(" against ").append(Text.cell(p.truth()))
                .append("\n\n");
        out.append(Text.count(s.expressions())).append(" expressions (").append(Text.cell(p.selection())).append(")");
        if (s.missingPredictions() > 0) {
            out.append(", ").append(Text.count(s.missingPredictions())).append(" without a prediction (counted wrong)");
        }
        if (s.invalidTruths() > 0) {
            out.append(", ").append(Text.count(s.invalidTruths())).append(" truths outside the grammar");
        }
        out.append(".\n\n");
        out.append(summaryTable(report)).append('\n');
        if (!repairNote(report).isEmpty()) {
            out.append(repairNote(report)).append("\n\n");
        }
        out.append(PublishedResult.SOURCE).append("\n\n");

        out.append("### By expression length (truth tokens)\n\n");
        out.append("| tokens | expressions | ExpRate | ≤ 1 edit | structure |\n| --- | ---: | ---: | ---: | ---: |\n");
        for (LengthBucket b : report.byLength()) {
            out.append("| ").append(b.label()).append(" | ").append(Text.count(b.expressions())).append(" | ")
                    .append(Text.percent(b.expressionRate())).append(" | ").append(Text.percent(b.within1Rate()))
                    .append(" | ").append(Text.percent(b.structureRate())).append(" |\n");
        }

        out.append("\n### Most frequent token confusions\n\n");
        if (report.confusions().isEmpty()) {
            out.append("None.\n");
        } else {
            out.append("| edit | truth | predicted | count |\n| --- | --- | --- | ---: |\n");
            for (Confusion c : report.confusions()) {
                out.append("| ").append(c.kind().name().toLowerCase(Locale.ROOT)).append(" | ")
                        .append(Text.code(c.truth())).append(" | ").append(Text.code(c.predicted())).append(" | ")
                        .append(Text.count(c.count())).append(" |\n");
            }
        }

        out.append("\n### Provenance\n\n");
        out.append("- source: ").append(Text.cell(p.source())).append('\n');
        settings(out, "source settings", p.sourceSettings());
        out.append("- truth: ").append(Text.cell(p.truth())).append(", selection: ").append(Text.cell(p.selection()))
                .append('\n');
        settings(out, "evaluation settings", p.evaluationSettings());
        out.append("- code: ").append(Text.cell(p.codeVersion())).append('\n');
        List<String> unknown = report.unknownNames();
        if (!unknown.isEmpty()) {
            out.append("- names in the predictions but not in the truth: ").append(Text.count(unknown.size()))
                    .append(" (").append(Text.cell(String.join(", ", unknown.subList(0, Math.min(NAMES_LISTED, unknown.size())))))
                    .append(unknown.size() > NAMES_LISTED ? ", ..." : "").append(")\n");
        }
        RunFacts run = report.run();
        if (run != null) {
            out.append("\n### Run\n\n");
            runFacts(run).forEach((k, v) -> out.append("- ").append(k).append(": ").append(Text.cell(v)).append('\n'));
        }
        return out.toString();
    }

    /**
     * For a source that repairs its output (a recognizer): how many predictions were repaired and
     * what the validity rate then counts; empty for other sources.
     */
    static String repairNote(EvaluationReport report) {
        boolean repairs = report.expressions().stream().anyMatch(e -> e.repaired() != null);
        if (!repairs) {
            return "";
        }
        int repaired = report.summary().repairedPredictions();
        return "The recognizer prints LaTeX that validates: " + Text.count(repaired) + " of its outputs were outside"
                + " the grammar and repaired (fewest token edits). Valid predictions counts the decoder's own output,"
                + " before repair; every other metric scores the repaired LaTeX.";
    }

    /** The run's facts as label to text, in the order the reports list them. */
    static Map<String, String> runFacts(RunFacts run) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("date", run.date());
        facts.put("machine", run.machine());
        facts.put("evaluation time", String.format(Locale.ROOT, "%.2f s", run.elapsedSeconds()));
        if (run.setupSeconds() != null) {
            facts.put("model load time", String.format(Locale.ROOT, "%.2f s", run.setupSeconds()));
        }
        if (run.timed()) {
            facts.put("latency p50 / p95", String.format(Locale.ROOT, "%.1f / %.1f ms",
                    run.latencyP50Millis(), run.latencyP95Millis()));
        }
        if (run.expressionsPerSecond() != null) {
            facts.put("expressions per second", String.format(Locale.ROOT, "%.2f", run.expressionsPerSecond()));
        }
        if (run.peakResidentBytes() != null) {
            facts.put("peak resident memory", String.format(Locale.ROOT, "%.0f MiB", run.peakResidentBytes() / 1048576.0));
        }
        return facts;
    }

    /** The counts behind a rate: {@code 574/986}. */
    static String counts(String key, MetricSummary s) {
        return switch (key) {
            case "exprate" -> Text.count(s.exact()) + "/" + Text.count(s.expressions());
            case "within1" -> Text.count(s.within1()) + "/" + Text.count(s.expressions());
            case "within2" -> Text.count(s.within2()) + "/" + Text.count(s.expressions());
            case "within3" -> Text.count(s.within3()) + "/" + Text.count(s.expressions());
            case "structure" -> Text.count(s.structureCorrect()) + "/" + Text.count(s.expressions());
            case "validity" -> Text.count(s.validPredictions()) + "/" + Text.count(s.expressions());
            case "symbol_precision" -> Text.count(s.matchedSymbols()) + "/" + Text.count(s.predictedSymbols());
            case "symbol_recall" -> Text.count(s.matchedSymbols()) + "/" + Text.count(s.truthSymbols());
            case "relation_precision" -> Text.count(s.matchedRelations()) + "/" + Text.count(s.predictedRelations());
            case "relation_recall" -> Text.count(s.matchedRelations()) + "/" + Text.count(s.truthRelations());
            default -> "";
        };
    }

    private static void settings(StringBuilder out, String title, Map<String, String> settings) {
        if (settings.isEmpty()) {
            return;
        }
        out.append("- ").append(title).append(": ");
        boolean first = true;
        for (Map.Entry<String, String> e : settings.entrySet()) {
            out.append(first ? "" : ", ").append(Text.cell(e.getKey())).append(" = ").append(Text.cell(e.getValue()));
            first = false;
        }
        out.append('\n');
    }
}
