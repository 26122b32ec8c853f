package org.inkmath.eval.report;

import java.util.List;

/**
 * A published expression rate on the CROHME 2014 test set (986 offline images against
 * {@code 2014/caption.txt}), shown beside ours in the reports. Source: Zhao and Gao, "CoMER:
 * Modeling Coverage for Transformer-based Handwritten Mathematical Expression Recognition",
 * ECCV 2022, as recorded in the project's design notes ({@code comer.md}).
 *
 * <pre>{@code
 * PublishedResult.CROHME_2014.get(0)  // BTTR 53.96
 * }</pre>
 *
 * @param model          the model as the paper names it
 * @param expressionRate its expression rate on CROHME 2014, in percent
 */
public record PublishedResult(String model, double expressionRate) {

    /** The published results the reports show, oldest first. */
    public static final List<PublishedResult> CROHME_2014 = List.of(
            new PublishedResult("BTTR", 53.96),
            new PublishedResult("CoMER", 58.38),
            new PublishedResult("CoMER (scale aug.)", 59.33));

    /** Where the figures come from, for a report's footnote. */
    public static final String SOURCE = "Published ExpRate on the CROHME 2014 test set (986 expressions;"
            + " Zhao & Gao, CoMER, ECCV 2022). Comparable only when the truth is 2014/caption.txt, all of it.";
}
