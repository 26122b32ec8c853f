package org.inkmath.recognizer.model;

/** A model file that cannot be read: the message names the file and the problem (tensor, field). */
public final class ModelFormatException extends Exception {

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
