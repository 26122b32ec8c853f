package org.inkmath.latex.automaton;

import java.util.Objects;

/**
 * One edit of a repair, addressed by positions in the input: a {@link Kind#DELETE} removes the
 * input token at {@code position}; an {@link Kind#INSERT} puts {@code token} before the input
 * token at {@code position} ({@code position == input size}: at the end). Edits are listed by
 * position; at one position the inserts come first, in the order listed, then the deletion of the
 * token there, if any. Example: in canonical mode, repairing <code>x ^ &#123; 2</code>
 * gives <code>RepairEdit(INSERT, 4, "&#125;")</code>.
 *
 * @param kind     insert or delete
 * @param position index in the input sequence
 * @param token    the token inserted, or the input token deleted
 */
public record RepairEdit(Kind kind, int position, String token) {

    public enum Kind { INSERT, DELETE }

    public RepairEdit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(token, "token");
        if (position < 0) {
            throw new IllegalArgumentException("negative edit position " + position);
        }
    }

    @Override
    public String toString() {
        return (kind == Kind.INSERT ? "insert '" : "delete '") + token + "' at " + position;
    }
}
