/**
 * The grammar of inkmath's LaTeX math and its validator.
 *
 * <p>{@link org.inkmath.latex.grammar.Validator} is the entry point: it parses a string or a
 * token sequence with the ANTLR parser generated from {@code LatexMathParser.g4} (the reference
 * of {@code GRAMMAR.md}) and gives a {@link org.inkmath.latex.grammar.Validation}, the syntax
 * tree or the {@link org.inkmath.latex.grammar.SyntaxError}s.
 *
 * <pre>{@code
 * Validator.validate("x_{a}^{b}").isValid();                       // true
 * Validator.validate("\\left( x").errors().get(0).message();        // "`\left` at 0 has no matching `\right`"
 * }</pre>
 *
 * <p>Inside the package: the generated lexer and parser, their base class
 * {@code LatexMathParserBase} (the grammar's two predicates), {@code FirstErrorStrategy} (stops
 * at the first error), {@code ErrorExplainer} and {@code ErrorMessages} (the wording),
 * {@code TokenChecks} (later errors that hold whatever the parse) and {@code TreeBuilder}
 * (parse tree to {@link org.inkmath.latex.tree.MathNode}).
 */
package org.inkmath.latex.grammar;
