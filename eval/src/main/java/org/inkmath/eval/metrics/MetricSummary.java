package org.inkmath.eval.metrics;

import java.util.List;

/**
 * The counts of a run, summed over its expressions, and the rates derived from them
 * ({@link #metrics()}). Precision and recall are micro-averages: matched symbols (or relations)
 * of all expressions over predicted (or truth) symbols of all expressions.
 *
 * <pre>{@code
 * MetricSummary s = MetricSummary.of(scores);
 * s.expressionRate();   // 58.2, a percentage
 * s.metrics();          // [exprate 58.2, within1 ..., ...] for tables
 * }</pre>
 *
 * @param expressions        expressions evaluated (truths)
 * @param exact              predictions equal to the truth token for token
 * @param within1            predictions at most 1 token edit away (exact ones included)
 * @param within2            at most 2 edits
 * @param within3            at most 3 edits
 * @param structureCorrect   predictions whose layout tree equals the truth's, symbols ignored
 * @param validPredictions   predictions in the grammar (a missing one is not); for a source that
 *                           repairs its output, those whose output was valid before repair
 * @param missingPredictions truths the source gave no prediction for
 * @param invalidTruths      truths not in the grammar (they have no layout, so no structure
 *                           match, symbols or relations: worth a look when not zero)
 * @param truthSymbols       symbols of all truths
 * @param predictedSymbols   symbols of all predictions
 * @param matchedSymbols     symbols matched, expression by expression (multiset intersection)
 * @param truthRelations     labeled edges of all truths
 * @param predictedRelations labeled edges of all predictions
 * @param matchedRelations   labeled edges matched, expression by expression
 * @param repairedPredictions predictions the source repaired into the grammar (0 for a source that
 *                           does not repair, such as a predictions file)
 */
public record MetricSummary(int expressions, int exact, int within1, int within2, int within3,
                            int structureCorrect, int validPredictions, int missingPredictions, int invalidTruths,
                            long truthSymbols, long predictedSymbols, long matchedSymbols,
                            long truthRelations, long predictedRelations, long matchedRelations,
                            int repairedPredictions) {

    /** A named rate, in percent, as the tables show it. */
    public record MetricValue(String key, String label, double percent) {
    }

    /** The stable keys of {@link #metrics()}, in table order. */
    public static final List<String> KEYS = List.of("exprate", "within1", "within2", "within3", "structure",
            "validity", "symbol_precision", "symbol_recall", "symbol_f1",
            "relation_precision", "relation_recall", "relation_f1");

    /** Sums the scores of a run. */
    public static MetricSummary of(List<ExpressionScore> scores) {
        int exact = 0;
        int w1 = 0;
        int w2 = 0;
        int w3 = 0;
        int structure = 0;
        int valid = 0;
        int missing = 0;
        int invalidTruths = 0;
        int repaired = 0;
        long ts = 0;
        long ps = 0;
        long ms = 0;
        long tr = 0;
        long pr = 0;
        long mr = 0;
        for (ExpressionScore s : scores) {
            exact += s.exact() ? 1 : 0;
            w1 += s.within(1) ? 1 : 0;
            w2 += s.within(2) ? 1 : 0;
            w3 += s.within(3) ? 1 : 0;
            structure += s.structureCorrect() ? 1 : 0;
            valid += s.outputValid() ? 1 : 0;
            repaired += s.repaired() ? 1 : 0;
            missing += s.missing() ? 1 : 0;
            invalidTruths += s.truthValid() ? 0 : 1;
            ts += s.truthSymbols();
            ps += s.predictedSymbols();
            ms += s.matchedSymbols();
            tr += s.truthRelations();
            pr += s.predictedRelations();
            mr += s.matchedRelations();
        }
        return new MetricSummary(scores.size(), exact, w1, w2, w3, structure, valid, missing, invalidTruths,
                ts, ps, ms, tr, pr, mr, repaired);
    }

    public double expressionRate() {
        return percent(exact, expressions);
    }

    public double symbolPrecision() {
        return percent(matchedSymbols, predictedSymbols);
    }

    public double symbolRecall() {
        return percent(matchedSymbols, truthSymbols);
    }

    public double relationPrecision() {
        return percent(matchedRelations, predictedRelations);
    }

    public double relationRecall() {
        return percent(matchedRelations, truthRelations);
    }

    /** The rates in table order (keys {@link #KEYS}); a rate over nothing is 0. */
    public List<MetricValue> metrics() {
        return List.of(
                new MetricValue("exprate", "ExpRate (exact)", expressionRate()),
                new MetricValue("within1", "≤ 1 token edit", percent(within1, expressions)),
                new MetricValue("within2", "≤ 2 token edits", percent(within2, expressions)),
                new MetricValue("within3", "≤ 3 token edits", percent(within3, expressions)),
                new MetricValue("structure", "Structure rate", percent(structureCorrect, expressions)),
                new MetricValue("validity", "Valid predictions", percent(validPredictions, expressions)),
                new MetricValue("symbol_precision", "Symbol precision", symbolPrecision()),
                new MetricValue("symbol_recall", "Symbol recall", symbolRecall()),
                new MetricValue("symbol_f1", "Symbol F1", f1(symbolPrecision(), symbolRecall())),
                new MetricValue("relation_precision", "Relation precision", relationPrecision()),
                new MetricValue("relation_recall", "Relation recall", relationRecall()),
                new MetricValue("relation_f1", "Relation F1", f1(relationPrecision(), relationRecall())));
    }

    /** {@code 100 * part / whole}, or 0 when {@code whole} is 0. */
    public static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
