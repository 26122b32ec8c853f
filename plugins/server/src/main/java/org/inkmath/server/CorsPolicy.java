package org.inkmath.server;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which web pages may call the API from another origin: pages served from this machine
 * ({@code http://localhost:PORT}, {@code http://127.0.0.1:PORT}, {@code http://[::1]:PORT}), VS
 * Code webviews ({@code vscode-webview://ID}), and origins the user names. Everything else gets
 * no CORS headers, so a web site a person happens to visit cannot read the server's answers.
 * Example:
 * <pre>{@code
 * new CorsPolicy(List.of()).allows("vscode-webview://1abc")   // true
 * new CorsPolicy(List.of()).allows("https://example.com")     // false
 * }</pre>
 */
record CorsPolicy(List<String> extraOrigins) {

    private static final Pattern LOCAL_PAGE =
            Pattern.compile("https?://(localhost|127\\.0\\.0\\.1|\\[::1\\])(:[0-9]{1,5})?");
    private static final Pattern VSCODE_WEBVIEW = Pattern.compile("vscode-webview://[A-Za-z0-9.-]{1,128}");

    /** The methods and request headers a plugin needs: GET, POST and a JSON/XML/image body. */
    static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
    static final String ALLOWED_HEADERS = "Content-Type";

    CorsPolicy {
        extraOrigins = List.copyOf(extraOrigins);
    }

    boolean allows(String origin) {
        if (origin == null || origin.length() > 200) {
            return false;
        }
        return LOCAL_PAGE.matcher(origin).matches() || VSCODE_WEBVIEW.matcher(origin).matches()
                || extraOrigins.contains(origin);
    }
}
