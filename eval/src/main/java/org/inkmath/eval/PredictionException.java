package org.inkmath.eval;

/** A prediction source failed on one expression; the message says which and why. */
public final class PredictionException extends Exception {

    private static final long serialVersionUID = 1L;

    public PredictionException(String message) {
        super(message);
    }

    public PredictionException(String message, Throwable cause) {
        super(message, cause);
    }
}
