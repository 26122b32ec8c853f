package org.inkmath.server;

/**
 * A request the server answers with an error status and a JSON body
 * {@code {"error": "...", "detail": "..."}}: a short machine-readable kind and a sentence for
 * people. Never carries a stack trace to the client.
 */
final class ApiError extends Exception {

    private final int status;
    private final String error;
    private final int retryAfterSeconds;

    ApiError(int status, String error, String detail) {
        this(status, error, detail, 0);
    }

    ApiError(int status, String error, String detail, int retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static ApiError badRequest(String detail) {
        return new ApiError(400, "bad request", detail);
    }

    static ApiError tooLarge(String detail) {
        return new ApiError(413, "too large", detail);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    String detail() {
        return getMessage();
    }

    /** Seconds for a {@code Retry-After} header; 0 for none. */
    int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
