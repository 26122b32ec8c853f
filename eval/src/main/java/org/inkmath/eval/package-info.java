/**
 * CROHME-style evaluation: predictions and truths in, metrics and reports out.
 *
 * <pre>{@code
 * EvaluationTruth truth = EvaluationTruth.read(Path.of("2014/caption.txt"));
 * try (PredictionSource source = PredictionFile.read(Path.of("predictions.txt"))) {
 *     EvaluationReport report = Evaluation.run(truth, source, EvaluationSettings.defaults(), "inkmath 0.1", d -> { });
 *     Files.writeString(Path.of("report.md"), MarkdownReport.write(report));
 * }
 * }</pre>
 *
 * A {@link org.inkmath.eval.PredictionSource} gives one {@link org.inkmath.eval.Prediction}
 * per expression name; {@link org.inkmath.eval.PredictionFile} reads them from a caption-format
 * file, {@link org.inkmath.eval.RecognizerSource} runs a model over
 * {@link org.inkmath.eval.ModelInputs} (CROHME's images, {@link org.inkmath.eval.ImageFolderInputs},
 * or InkML drawn by the rasteriser, {@link org.inkmath.eval.InkMlSet}). The metrics live in
 * {@link org.inkmath.eval.metrics}, the report and its writers in {@link org.inkmath.eval.report}.
 */
package org.inkmath.eval;
