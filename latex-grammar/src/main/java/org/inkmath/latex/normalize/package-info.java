/**
 * The normaliser: LaTeX as people write it, and as the CROHME truth annotations hold it, to the
 * canonical token form of the captions ({@link org.inkmath.latex.normalize.LatexNormalizer}),
 * and the measurement of normalised truths against reference captions
 * ({@link org.inkmath.latex.normalize.CaptionComparison}).
 *
 * <pre>{@code
 * LatexNormalizer.crohme().normalize("$x^2 \\lt 1$").tokens()   // x ^ { 2 } < 1
 * }</pre>
 */
package org.inkmath.latex.normalize;
