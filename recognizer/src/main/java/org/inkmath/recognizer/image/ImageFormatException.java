package org.inkmath.recognizer.image;

/**
 * An image that cannot be used as input: unreadable, of an unknown format, too large, or empty.
 * The message names the source and the problem, e.g.
 * {@code "scan.png: 40000x30000 pixels is more than the limit of 40000000"}.
 */
public class ImageFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public ImageFormatException(String source, String problem) {
        super(source + ": " + problem);
    }

    public ImageFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
