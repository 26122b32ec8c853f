package org.inkmath.desktop;

import java.util.Objects;
import org.inkmath.recognizer.Recognition;
import org.inkmath.recognizer.ink.Ink;

/**
 * What an {@link InkPad} reads from its ink, as given to each {@link RecognitionListener}: the
 * formula, an error, or nothing because the pad is empty. {@code generation} numbers the ink's
 * changes: a listener only ever sees the newest one (results for ink that changed meanwhile are
 * dropped). Example:
 * <pre>{@code
 * pad.addRecognitionListener(result -> {
 *     if (result instanceof PadResult.Recognized r) {
 *         note.setFormula(r.latex());
 *     }
 * });
 * }</pre>
 */
public sealed interface PadResult {

    /** The ink change this result belongs to. */
    long generation();

    /**
     * The ink was read.
     *
     * @param recognition the recognizer's result, alternatives included
     * @param latex       the formula chosen: the best one, or the alternative the user picked
     */
    record Recognized(long generation, Ink ink, Recognition recognition, String latex) implements PadResult {
        public Recognized {
            Objects.requireNonNull(ink, "ink");
            Objects.requireNonNull(recognition, "recognition");
            Objects.requireNonNull(latex, "latex");
        }
    }

    /** Recognition failed; {@code message} says why, for people. */
    record Failed(long generation, Ink ink, String message) implements PadResult {
        public Failed {
            Objects.requireNonNull(ink, "ink");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The pad is empty (cleared, or everything undone). */
    record Cleared(long generation) implements PadResult {
    }
}
