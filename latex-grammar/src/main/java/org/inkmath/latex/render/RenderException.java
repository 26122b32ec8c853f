package org.inkmath.latex.render;

/**
 * A formula could not be rendered: malformed LaTeX, a command that is refused, or input beyond
 * the renderer's bounds. The message is meant for people and names the problem, for example
 * {@code "unknown command \foo"} or {@code "the brace opened at character 5 is never closed"}.
 */
public final class RenderException extends Exception {

    private static final long serialVersionUID = 1L;

    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
