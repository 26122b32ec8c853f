/**
 * The report of an evaluation run ({@link org.inkmath.eval.report.EvaluationReport}) and its
 * writers: JSON for machines ({@link org.inkmath.eval.report.ReportJson}), Markdown for
 * BENCHMARKS.md and pull requests ({@link org.inkmath.eval.report.MarkdownReport}), one
 * self-contained HTML page for people ({@link org.inkmath.eval.report.HtmlReport}), and two
 * reports side by side ({@link org.inkmath.eval.report.ReportComparison}).
 *
 * <pre>{@code
 * String json = ReportJson.write(report.withoutRunFacts());  // byte-identical for equal inputs
 * }</pre>
 */
package org.inkmath.eval.report;
