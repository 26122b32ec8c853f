package org.inkmath.latex.grammar;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.tree.MathNode;

/**
 * The outcome of validating a formula: its tokens and either its syntax tree or its errors,
 * never both and never neither.
 *
 * <pre>{@code
 * Validation v = Validator.validate("x_{a}^{b}");
 * v.isValid();              // true
 * v.tree().get().items();   // [Scripts[base=Symbol[x], ...]]
 * }</pre>
 *
 * @param tokens the tokens that were checked
 * @param tree   the syntax tree, present exactly when there are no errors
 * @param errors the errors, first the one where parsing stopped, then later ones that are sure
 */
public record Validation(TokenSequence tokens, Optional<MathNode.Row> tree, List<SyntaxError> errors) {

    public Validation {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(tree, "tree");
        errors = List.copyOf(errors);
        if (tree.isPresent() == !errors.isEmpty()) {
            throw new IllegalArgumentException("a validation has a tree or errors, not both nor neither");
        }
    }

    /** Whether the formula is in the language of GRAMMAR.md. */
    public boolean isValid() {
        return errors.isEmpty();
    }

    /** The first error, where parsing stopped; empty for a valid formula. */
    public Optional<SyntaxError> firstError() {
        return errors.stream().findFirst();
    }
}
