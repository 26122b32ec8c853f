package org.inkmath.eval.metrics;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.convert.SymbolLayoutTree;
import org.inkmath.latex.grammar.Validator;

/**
 * Everything measured on one expression: the token edits, the layout and the symbol- and
 * relation-level counts. Sums of these give the summary of a run ({@link MetricSummary}).
 *
 * <pre>{@code
 * ExpressionScore s = ExpressionScore.of("18_em_0", TokenSequence.parse("\\frac { a } { b }"),
 *         Optional.of(TokenSequence.parse("\\frac { a } { 6 }")));
 * s.editDistance();      // 1
 * s.structureCorrect();  // true: same layout, one symbol misread
 * s.matchedSymbols();    // 2 of 3 (the bar and a)
 * }</pre>
 *
 * <p>Symbols and relations come from {@link SymbolLayoutTree}s, so a formula the
 * {@link Validator} rejects has none: an invalid prediction counts as predicting no symbols
 * (it lowers recall, not precision) and its structure as wrong.
 *
 * @param name               the expression's name (the image or InkML file name, no extension)
 * @param truth              the truth tokens
 * @param predicted          the predicted tokens; empty when the prediction is missing
 * @param missing            whether the source gave no prediction for this name
 * @param edits              the token edits from the prediction to the truth (none when exact)
 * @param truthValid         whether the truth is in the grammar (it has a layout tree)
 * @param predictedValid     whether the prediction is in the grammar
 * @param outputValid        whether the source's own output was in the grammar: the decoder's,
 *                           before repair, when the source repairs (see
 *                           {@link org.inkmath.eval.Prediction#decoderValid()}); else
 *                           {@code predictedValid}. The validity rate counts this.
 * @param repaired           whether the source repaired its output into the prediction scored
 * @param structureCorrect   whether both trees exist and have the same layout, symbols ignored
 * @param truthSymbols       symbols in the truth's tree
 * @param predictedSymbols   symbols in the prediction's tree
 * @param matchedSymbols     size of the multiset intersection of the two
 * @param truthRelations     labeled edges (parent, child, relation) of the truth's tree
 * @param predictedRelations labeled edges of the prediction's tree
 * @param matchedRelations   size of the multiset intersection of the two
 */
public record ExpressionScore(String name, TokenSequence truth, TokenSequence predicted, boolean missing,
                              List<TokenAlignment.Edit> edits, boolean truthValid, boolean predictedValid,
                              boolean outputValid, boolean repaired, boolean structureCorrect,
                              int truthSymbols, int predictedSymbols, int matchedSymbols,
                              int truthRelations, int predictedRelations, int matchedRelations) {

    public ExpressionScore {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predicted, "predicted");
        edits = List.copyOf(edits);
    }

    /** Scores a prediction ({@code Optional.empty()} when the source had none) against the truth. */
    public static ExpressionScore of(String name, TokenSequence truth, Optional<TokenSequence> prediction) {
        return of(name, truth, prediction, Optional.empty());
    }

    /**
     * Scores a prediction of a source that may have repaired it: {@code decoderValid} says whether
     * the output before repair was in the grammar (empty when the source does not repair).
     */
    public static ExpressionScore of(String name, TokenSequence truth, Optional<TokenSequence> prediction,
                                     Optional<Boolean> decoderValid) {
        TokenSequence predicted = prediction.orElse(new TokenSequence(List.of()));
        TokenAlignment alignment = TokenAlignment.of(truth, predicted);
        Optional<SymbolLayoutTree> truthTree = tree(truth);
        // a missing prediction is wrong even where the truth is empty; it has no tree either
        Optional<SymbolLayoutTree> predictedTree = prediction.isPresent() ? tree(predicted) : Optional.empty();
        List<String> truthSymbols = symbols(truthTree);
        List<String> predictedSymbols = symbols(predictedTree);
        List<SymbolLayoutTree.LabeledEdge> truthEdges = truthTree.map(SymbolLayoutTree::labeledEdges).orElse(List.of());
        List<SymbolLayoutTree.LabeledEdge> predictedEdges = predictedTree.map(SymbolLayoutTree::labeledEdges).orElse(List.of());
        boolean structure = truthTree.isPresent() && predictedTree.isPresent()
                && truthTree.get().structure().equals(predictedTree.get().structure());
        boolean sourceSaysValid = prediction.isPresent() && decoderValid.isPresent();
        boolean outputValid = sourceSaysValid ? decoderValid.get() : predictedTree.isPresent();
        boolean repaired = sourceSaysValid && !decoderValid.get();
        return new ExpressionScore(name, truth, predicted, prediction.isEmpty(), alignment.edits(),
                truthTree.isPresent(), predictedTree.isPresent(), outputValid, repaired, structure,
                truthSymbols.size(), predictedSymbols.size(), MultisetOverlap.count(truthSymbols, predictedSymbols),
                truthEdges.size(), predictedEdges.size(), MultisetOverlap.count(truthEdges, predictedEdges));
    }

    /** The number of token edits (Levenshtein distance) from the prediction to the truth. */
    public int editDistance() {
        return edits.size();
    }

    /** Whether the prediction equals the truth token for token (a missing one never does). */
    public boolean exact() {
        return !missing && edits.isEmpty();
    }

    /** Whether a prediction was given and is at most {@code maxEdits} token edits from the truth. */
    public boolean within(int maxEdits) {
        return !missing && edits.size() <= maxEdits;
    }

    private static Optional<SymbolLayoutTree> tree(TokenSequence tokens) {
        return Validator.validate(tokens).tree().map(SymbolLayoutTree::of);
    }

    private static List<String> symbols(Optional<SymbolLayoutTree> tree) {
        return tree.map(t -> t.symbols().stream().map(SymbolLayoutTree.LayoutSymbol::token).toList()).orElse(List.of());
    }
}
