/**
 * The metrics of an evaluation, each computed per expression ({@link
 * org.inkmath.eval.metrics.ExpressionScore}) and summed over a run ({@link
 * org.inkmath.eval.metrics.MetricSummary}, {@link org.inkmath.eval.metrics.LengthBucket},
 * {@link org.inkmath.eval.metrics.Confusion}).
 *
 * <pre>{@code
 * ExpressionScore s = ExpressionScore.of("e", truth, Optional.of(predicted));
 * MetricSummary.of(List.of(s)).expressionRate();
 * }</pre>
 *
 * <p>How they differ from the official CROHME tools: CROHME (LgEval) compares label graphs
 * whose nodes are strokes, so symbols are aligned through their ink. Here truth and prediction
 * are LaTeX token sequences: the expression rate and the edit figures are over tokens (as the
 * published work on the CROHME captions counts them), the structure rate compares
 * {@link org.inkmath.latex.convert.SymbolLayoutTree#structure()}, and symbol- and relation-level
 * figures are overlaps of multisets (symbols; parent, child, relation triples), since nothing
 * aligns the symbols of two trees. A prediction outside the grammar has no tree, hence no symbols,
 * no relations and a wrong structure. See {@code SymbolLayoutTree} for the tree conventions.
 */
package org.inkmath.eval.metrics;
