package org.inkmath.recognizer.ink;

/**
 * Ink input (InkML, JSON strokes) that cannot be read: the message names the source (a file name
 * or "JSON strokes") and the problem, e.g. {@code "bad.inkml: trace 3, point 7: 'x1' is not a number"}.
 */
public class InkFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String problem;

    public InkFormatException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
        this.problem = problem;
    }

    public InkFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /** The file or stream that failed. */
    public String source() {
        return source;
    }

    /** What is wrong with it, without the source. */
    public String problem() {
        return problem;
    }
}
