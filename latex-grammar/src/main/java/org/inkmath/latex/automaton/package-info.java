/**
 * Constrained decoding and repair for the LaTeX math of {@code GRAMMAR.md}.
 *
 * <p>{@link org.inkmath.latex.automaton.PrefixAutomaton} tells a decoder, after any prefix, which
 * vocabulary tokens keep a complete formula reachable ({@code LATEX} or {@code CANONICAL} mode);
 * its states are persistent so that a beam search forks them for free.
 * {@link org.inkmath.latex.automaton.Repair} turns any token sequence into the nearest accepted
 * one by fewest insertions and deletions. {@link org.inkmath.latex.automaton.RightToLeftAutomaton}
 * serves a decoder that emits formulas from right to left.
 *
 * <pre>{@code
 * PrefixAutomaton automaton = PrefixAutomaton.crohme(PrefixAutomaton.Mode.CANONICAL);
 * automaton.accepts(TokenSequence.parse("x ^ { 2 }"));                 // true
 * Repair.crohme(PrefixAutomaton.Mode.CANONICAL)
 *       .repair(TokenSequence.parse("x ^ { } +")).repaired();          // x ^ { \ldots } +
 * }</pre>
 */
package org.inkmath.latex.automaton;
