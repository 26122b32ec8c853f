package org.inkmath.recognizer.ink;

import java.util.Objects;

/**
 * An InkML {@code <annotation type="...">text</annotation>}: {@code type} is empty when the
 * element has no type attribute. Example: {@code new InkAnnotation("truth", "$x^2$")}.
 */
public record InkAnnotation(String type, String text) {

    public InkAnnotation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
    }
}
