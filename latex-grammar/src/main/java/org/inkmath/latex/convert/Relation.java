package org.inkmath.latex.convert;

/**
 * The spatial relations of a symbol layout tree, as in CROHME's label graphs; {@link #label()}
 * is the CROHME/LgEval spelling ({@code Right}, {@code Sup}, ...).
 *
 * <pre>{@code Relation.SUPERSCRIPT.label()  // "Sup"}</pre>
 */
public enum Relation {
    /** Above: a numerator over the fraction bar, an upper limit, a root's index. */
    ABOVE("Above"),
    /** Below: a denominator under the fraction bar, a lower limit, the next row of a table. */
    BELOW("Below"),
    SUPERSCRIPT("Sup"),
    SUBSCRIPT("Sub"),
    /** Inside: a radicand under {@code \sqrt}, a table's cells, a cell's content. */
    INSIDE("Inside"),
    /** Right: the next symbol on the same baseline. */
    RIGHT("Right");

    private final String label;

    Relation(String label) {
        this.label = label;
    }

    /** The relation's name in CROHME label graphs. */
    public String label() {
        return label;
    }
}
