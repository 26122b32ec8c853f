package org.inkmath.server;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.inkmath.recognizer.RecognizerOptions;

/**
 * How an {@link InkServer} listens and what it accepts. The defaults bind to the loopback
 * interface only, since the server is meant for editors on the same machine. Example:
 * <pre>{@code
 * ServerSettings s = ServerSettings.defaults().withPort(0).withWorkers(2).withQueueCapacity(8);
 * }</pre>
 *
 * @param host             the interface to bind ("127.0.0.1" by default)
 * @param port             the TCP port; 0 picks a free one
 * @param maxBodyBytes     the largest request body accepted (413 beyond)
 * @param maxStrokes       the most strokes in one drawing
 * @param maxPoints        the most points in one drawing, all strokes together
 * @param maxImagePixels   the most pixels of an image (checked from its header, before decoding)
 * @param workers          recognitions that run at once (the bounded pool)
 * @param queueCapacity    recognitions that may wait for a worker; more are answered 503
 * @param requestTimeout   the longest a request may take from its arrival: 503 if it never
 *                         started, 504 if it started but did not finish
 * @param recognition      decoding options when a request names none
 * @param maxBeam          the largest beam a request may ask for
 * @param extraOrigins     origins allowed by CORS beyond localhost pages and VS Code webviews
 * @param uploadBudgetBytes request bodies held in memory at once, all requests together: a
 *                         request whose body would exceed it is answered 503 before it is read,
 *                         so many large uploads at once cannot exhaust the heap
 */
public record ServerSettings(String host, int port, int maxBodyBytes, int maxStrokes, int maxPoints,
                             long maxImagePixels, int workers, int queueCapacity, Duration requestTimeout,
                             RecognizerOptions recognition, int maxBeam, List<String> extraOrigins,
                             long uploadBudgetBytes) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 8765;

    public ServerSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a host to bind is needed");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535: " + port);
        }
        positive("max body bytes", maxBodyBytes);
        positive("max strokes", maxStrokes);
        positive("max points", maxPoints);
        positive("max image pixels", maxImagePixels);
        positive("workers", workers);
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("queue capacity must be 0 or more: " + queueCapacity);
        }
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("the request timeout must be positive");
        }
        if (recognition == null) {
            throw new IllegalArgumentException("default recognition options are needed");
        }
        positive("max beam", maxBeam);
        extraOrigins = List.copyOf(extraOrigins);
        if (uploadBudgetBytes < maxBodyBytes) {
            throw new IllegalArgumentException("the upload budget (" + uploadBudgetBytes
                    + " bytes) must hold at least one body of the largest size (" + maxBodyBytes + ")");
        }
    }

    private static void positive(String what, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive: " + value);
        }
    }

    /** Loopback, port 8765, 8 MiB bodies (64 MiB in all), one worker per core, 16 waiting, 30 s per request. */
    public static ServerSettings defaults() {
        return new ServerSettings(LOOPBACK, DEFAULT_PORT, 8 << 20, 1_000, 100_000, 16_000_000L,
                Runtime.getRuntime().availableProcessors(), 16, Duration.ofSeconds(30),
                RecognizerOptions.defaults(), 20, List.of(), 64L << 20);
    }

    /** Whether the server listens on the loopback interface only. */
    public boolean loopbackOnly() {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.equals("[::1]");
    }

    public ServerSettings withHost(String h) {
        return with(f -> f.host = h);
    }

    public ServerSettings withPort(int p) {
        return with(f -> f.port = p);
    }

    /** The largest body; the upload budget grows to hold four such bodies if it is smaller. */
    public ServerSettings withMaxBodyBytes(int n) {
        return with(f -> {
            f.maxBodyBytes = n;
            f.uploadBudgetBytes = Math.max(uploadBudgetBytes, 4L * n);
        });
    }

    public ServerSettings withUploadBudgetBytes(long n) {
        return with(f -> f.uploadBudgetBytes = n);
    }

    public ServerSettings withInkLimits(int strokes, int points) {
        return with(f -> {
            f.maxStrokes = strokes;
            f.maxPoints = points;
        });
    }

    public ServerSettings withMaxImagePixels(long n) {
        return with(f -> f.maxImagePixels = n);
    }

    public ServerSettings withWorkers(int n) {
        return with(f -> f.workers = n);
    }

    public ServerSettings withQueueCapacity(int n) {
        return with(f -> f.queueCapacity = n);
    }

    public ServerSettings withRequestTimeout(Duration d) {
        return with(f -> f.requestTimeout = d);
    }

    public ServerSettings withRecognition(RecognizerOptions o) {
        return with(f -> f.recognition = o);
    }

    public ServerSettings withExtraOrigins(List<String> origins) {
        return with(f -> f.extraOrigins = origins);
    }

    /**
     * A copy with some fields changed: the one place that lists every field for the withers, and
     * the copy goes through the canonical constructor, so its checks apply to every wither.
     */
    private ServerSettings with(Consumer<Fields> change) {
        Fields f = new Fields(this);
        change.accept(f);
        return new ServerSettings(f.host, f.port, f.maxBodyBytes, f.maxStrokes, f.maxPoints, f.maxImagePixels,
                f.workers, f.queueCapacity, f.requestTimeout, f.recognition, f.maxBeam, f.extraOrigins,
                f.uploadBudgetBytes);
    }

    /** The fields as variables, for {@link #with}. */
    private static final class Fields {
        String host;
        int port;
        int maxBodyBytes;
        int maxStrokes;
        int maxPoints;
        long maxImagePixels;
        int workers;
        int queueCapacity;
        Duration requestTimeout;
        RecognizerOptions recognition;
        int maxBeam;
        List<String> extraOrigins;
        long uploadBudgetBytes;

        Fields(ServerSettings s) {
            host = s.host;
            port = s.port;
            maxBodyBytes = s.maxBodyBytes;
            maxStrokes = s.maxStrokes;
            maxPoints = s.maxPoints;
            maxImagePixels = s.maxImagePixels;
            workers = s.workers;
            queueCapacity = s.queueCapacity;
            requestTimeout = s.requestTimeout;
            recognition = s.recognition;
            maxBeam = s.maxBeam;
            extraOrigins = s.extraOrigins;
            uploadBudgetBytes = s.uploadBudgetBytes;
        }
    }
}
