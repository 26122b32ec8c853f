package org.inkmath.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The web ink pad's files, read once from the jar: a fixed list, so no request path ever reaches
 * the file system or the classpath at large. Nothing is fetched from elsewhere (works offline).
 */
final class PadAssets {

    /** A file of the pad with its media type. */
    record Asset(byte[] bytes, String contentType) {
    }

    private static final String BASE = "/org/inkmath/server/pad/";
    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/ink-canvas.js", "ink-canvas.js",
            "/pad.js", "pad.js",
            "/pad.css", "pad.css",
            "/favicon.svg", "favicon.svg");

    private final Map<String, Asset> assets;

    PadAssets() {
        Map<String, Asset> loaded = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : FILES.entrySet()) {
            loaded.put(e.getKey(), new Asset(read(e.getValue()), type(e.getValue())));
        }
        this.assets = Map.copyOf(loaded);
    }

    Optional<Asset> get(String path) {
        return Optional.ofNullable(assets.get(path));
    }

    private static byte[] read(String name) {
        try (InputStream in = PadAssets.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("the pad's " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pad's " + name, e);
        }
    }

    private static String type(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        return "image/svg+xml";
    }
}
