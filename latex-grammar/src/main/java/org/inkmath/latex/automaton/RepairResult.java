package org.inkmath.latex.automaton;

import java.util.List;
import java.util.Objects;

import org.inkmath.latex.TokenSequence;

/**
 * What {@link Repair} made of a token sequence: the repaired sequence, which the prefix automaton
 * of the repair's mode accepts, and the edits that lead there from the input.
 * Example: {@code x ^} gives {@code x} with one edit, {@code delete '^' at 1}.
 *
 * @param repaired  the nearest accepted sequence found
 * @param editCount how many tokens were inserted or deleted
 * @param edits     the edits, by input position
 */
public record RepairResult(TokenSequence repaired, int editCount, List<RepairEdit> edits) {

    public RepairResult {
        Objects.requireNonNull(repaired, "repaired");
        edits = List.copyOf(Objects.requireNonNull(edits, "edits"));
        if (editCount != edits.size()) {
            throw new IllegalArgumentException("edit count " + editCount + " but " + edits.size() + " edits listed");
        }
    }

    /** Whether anything had to change. */
    public boolean wasRepaired() {
        return editCount > 0;
    }
}
