/**
 * Rendering LaTeX math to images with jlatexmath: {@link org.inkmath.latex.render.LatexRenderer}
 * turns a string into a {@code BufferedImage}, PNG bytes or SVG, under
 * {@link org.inkmath.latex.render.RenderOptions}; every failure is a
 * {@link org.inkmath.latex.render.RenderException} with a plain message.
 *
 * <pre>{@code
 * byte[] png = LatexRenderer.withDefaults().png("\\frac{a}{b}");
 * }</pre>
 */
package org.inkmath.latex.render;
