/**
 * Conversions of a parsed formula ({@link org.inkmath.latex.tree.MathNode}): presentation MathML
 * ({@link org.inkmath.latex.convert.MathMl}) and CROHME-style symbol layout trees
 * ({@link org.inkmath.latex.convert.SymbolLayoutTree}) for structure-level and symbol-level
 * evaluation.
 *
 * <pre>{@code
 * String mathml = MathMl.of(tree);
 * String layout = SymbolLayoutTree.of(tree).structure();
 * }</pre>
 */
package org.inkmath.latex.convert;
