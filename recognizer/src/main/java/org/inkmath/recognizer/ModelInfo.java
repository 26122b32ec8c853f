package org.inkmath.recognizer;

/**
 * What a recognizer's model is, for people: a name, how far along it is, and what it was trained
 * on. A model whose status is not {@code "released"} is shown with a warning by the command line
 * and the plugins, so that an early or placeholder model is never taken for a finished one.
 *
 * @param name        a short name ("compact-v1")
 * @param status      "released", "preliminary" (in training, usable but weak) or "placeholder"
 * @param description what it is: data, training, measured accuracy, licence
 */
public record ModelInfo(String name, String status, String description) {

    public static final String RELEASED = "released";

    public ModelInfo {
        if (name == null || name.isBlank() || status == null || status.isBlank()) {
            throw new IllegalArgumentException("a model needs a name and a status");
        }
        description = description == null ? "" : description;
    }

    /** Whether the model is a finished release (otherwise results deserve a warning). */
    public boolean isReleased() {
        return RELEASED.equals(status);
    }

    /** One line for people, e.g. "compact-v1 (preliminary: ...)". */
    public String summary() {
        return isReleased() ? name : name + " (" + status + (description.isEmpty() ? "" : ": " + description) + ")";
    }
}
