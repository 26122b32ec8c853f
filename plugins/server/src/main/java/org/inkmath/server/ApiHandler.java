package org.inkmath.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.inkmath.latex.render.LatexRenderer;
import org.inkmath.latex.render.RenderException;
import org.inkmath.latex.render.RenderOptions;
import org.inkmath.recognizer.ModelInfo;
import org.inkmath.recognizer.Recognition;
import org.inkmath.recognizer.Recognizer;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.image.ImageFormatException;
import org.inkmath.recognizer.image.ImageInput;

/**
 * Routes requests: the API, the health check and the pad's files. Every answer of the API is
 * JSON (or the rendered image); every error is {@code {"error", "detail"}} with a fitting status
 * and no stack trace. Heavy work runs on two bounded {@link WorkQueue}s, one for recognition and a
 * small one for rendering, so that a burst of either cannot starve the other or exhaust memory.
 */
final class ApiHandler extends Handler.Abstract implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());

    /** Longest LaTeX {@code /api/render} draws. */
    static final int MAX_RENDER_CHARS = 2_000;
    static final int MAX_RENDER_SIZE = 200;
    private static final String CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'self' vscode-webview:; base-uri 'none'; form-action 'none'";

    private final Recognizer recognizer;
    private final ServerSettings settings;
    private final CorsPolicy cors;
    private final PadAssets pad = new PadAssets();
    private final WorkQueue recognitions;
    private final WorkQueue renders;
    /** Kibibytes of request bodies that may be held at once (see ServerSettings.uploadBudgetBytes). */
    private final Semaphore uploadBudget;

    ApiHandler(Recognizer recognizer, ServerSettings settings) {
        this.recognizer = recognizer;
        this.settings = settings;
        this.cors = new CorsPolicy(settings.extraOrigins());
        this.recognitions = new WorkQueue("recognition", settings.workers(), settings.queueCapacity());
        this.renders = new WorkQueue("rendering", Math.min(2, settings.workers()), 32);
        this.uploadBudget = new Semaphore(kibibytes(settings.uploadBudgetBytes()));
        // jlatexmath loads its fonts on first use (seconds): do it now, not in the first request
        Thread warmUp = new Thread(() -> {
            try {
                LatexRenderer.withDefaults().png("\\frac { x ^ { 2 } } { 2 }");
            } catch (RenderException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot warm up the renderer: " + e.getMessage());
            }
        }, "inkmath-render-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long deadline = request.getHeadersNanoTime() + settings.requestTimeout().toNanos();
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        try {
            checkHost(request);
            applyCors(request, response);
            if (method.equals("OPTIONS") && path.startsWith("/api/")) {
                preflight(request, response, callback);
                return true;
            }
            switch (path) {
                case "/api/recognize" -> {
                    requireMethod(method, "POST");
                    recognize(request, response, callback, deadline);
                }
                case "/api/render" -> {
                    requireMethod(method, "GET");
                    render(request, response, callback, deadline);
                }
                case "/health" -> {
                    requireMethod(method, "GET");
                    sendJson(response, callback, 200, health());
                }
                default -> {
                    Optional<PadAssets.Asset> asset = pad.get(path);
                    if (asset.isEmpty()) {
                        throw new ApiError(404, "not found", "no such path: " + RecognizeRequest.abbreviate(path)
                                + " (the API is POST /api/recognize, GET /api/render, GET /health; the pad is at /)");
                    }
                    requireMethod(method, "GET");
                    sendAsset(response, callback, asset.get());
                }
            }
        } catch (ApiError e) {
            sendError(response, callback, e);
        } catch (RuntimeException | Error e) {
            // the log gets the details; the client gets a sentence
            LOG.log(System.Logger.Level.ERROR, "request " + method + " " + path + " failed", e);
            sendError(response, callback, new ApiError(500, "internal error",
                    "the server could not complete the request (its log has the details)"));
        }
        return true;
    }

    /**
     * A server bound to loopback answers only requests addressed to a loopback name: a web page
     * whose DNS name is re-pointed at 127.0.0.1 (DNS rebinding) is refused.
     */
    private void checkHost(Request request) throws ApiError {
        if (!settings.loopbackOnly()) {
            return;
        }
        String host = request.getHttpURI().getHost();
        if (host == null) {
            return;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (!(h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1"))) {
            throw new ApiError(403, "forbidden", "this server answers only requests addressed to localhost");
        }
    }

    private void applyCors(Request request, Response response) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null && cors.allows(origin)) {
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.getHeaders().put(HttpHeader.VARY, "Origin");
        }
    }

    private void preflight(Request request, Response response, Callback callback) throws ApiError {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null || !cors.allows(origin)) {
            throw new ApiError(403, "forbidden", "cross-origin requests are allowed only from pages on this machine "
                    + "and editor webviews");
        }
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, CorsPolicy.ALLOWED_METHODS);
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, CorsPolicy.ALLOWED_HEADERS);
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_MAX_AGE, "600");
        response.setStatus(204);
        callback.succeeded();
    }

    private static void requireMethod(String method, String allowed) throws ApiError {
        if (!method.equals(allowed) && !(allowed.equals("GET") && method.equals("HEAD"))) {
            throw new ApiError(405, "method not allowed", "use " + allowed + " here, not " + method);
        }
    }

    private void recognize(Request request, Response response, Callback callback, long deadline) throws ApiError {
        long arrived = request.getHeadersNanoTime();
        RecognizeRequest parsed;
        // the body and what is parsed from it are held only while this permit is
        int permits = kibibytes(request.getLength() >= 0 ? request.getLength() : settings.maxBodyBytes());
        if (request.getLength() <= settings.maxBodyBytes() && !uploadBudget.tryAcquire(permits)) {
            // Read the body and drop it (holding no memory, and no thread) before answering: a
            // connection closed with unread data is reset, and the reset can destroy the 503 on
            // its way to the client, which then sees only a broken connection.
            ApiError busy = new ApiError(503, "busy", "too many uploads are under way; try again in a moment", 1);
            Content.Source.consumeAll(request, Callback.from(() -> sendError(response, callback, busy),
                    callback::failed));
            return;
        }
        try {
            byte[] body = body(request);
            parsed = RecognizeRequest.read(request.getHeaders().get(HttpHeader.CONTENT_TYPE), body, query(request),
                    settings);
        } finally {
            if (request.getLength() <= settings.maxBodyBytes()) {
                uploadBudget.release(permits);
            }
        }
        long parsedAt = System.nanoTime();
        long[] startedAt = new long[1];
        Recognition result = recognitions.run(() -> {
            startedAt[0] = System.nanoTime();
            if (parsed.ink() != null) {
                try {
                    return recognizer.recognize(parsed.ink(), parsed.options());
                } catch (IllegalArgumentException e) {
                    throw ApiError.badRequest(e.getMessage());
                }
            }
            GrayImage image;
            try {
                image = ImageInput.read(parsed.image(), "image");
            } catch (ImageFormatException e) {
                throw ApiError.badRequest(e.getMessage());
            }
            return recognizer.recognize(image, parsed.options());
        }, deadline);
        long done = System.nanoTime();
        sendJson(response, callback, 200, recognitionJson(result, (parsedAt - arrived) / 1e6,
                (startedAt[0] - parsedAt) / 1e6, (done - arrived) / 1e6));
    }

    private static int kibibytes(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, (bytes >> 10) + 1);
    }

    /** Reads the body within the size limit; a declared length over it is refused unread. */
    private byte[] body(Request request) throws ApiError {
        long declared = request.getLength();
        if (declared > settings.maxBodyBytes()) {
            throw ApiError.tooLarge("the body is " + declared + " bytes, more than the " + settings.maxBodyBytes()
                    + " accepted");
        }
        try (InputStream in = Request.asInputStream(request)) {
            byte[] data = in.readNBytes(settings.maxBodyBytes() + 1);
            if (data.length > settings.maxBodyBytes()) {
                throw ApiError.tooLarge("the body is more than the " + settings.maxBodyBytes() + " bytes accepted");
            }
            return data;
        } catch (IOException e) {
            throw ApiError.badRequest("the request body could not be read (the client stopped sending?)");
        }
    }

    private static Map<String, String> query(Request request) {
        Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        Map<String, String> map = new HashMap<>();
        for (Fields.Field f : fields) {
            map.put(f.getName(), f.getValue());
        }
        return map;
    }

    private void render(Request request, Response response, Callback callback, long deadline) throws ApiError {
        Map<String, String> q = query(request);
        String latex = q.get("latex");
        if (latex == null || latex.isBlank()) {
            throw ApiError.badRequest("give the formula as ?latex=...");
        }
        if (latex.length() > MAX_RENDER_CHARS) {
            throw ApiError.tooLarge("the formula has " + latex.length() + " characters, more than the "
                    + MAX_RENDER_CHARS + " accepted");
        }
        String format = q.getOrDefault("format", "png").toLowerCase(Locale.ROOT);
        if (!format.equals("png") && !format.equals("svg")) {
            throw ApiError.badRequest("format must be png or svg, not '" + RecognizeRequest.abbreviate(format) + "'");
        }
        int size = q.containsKey("size") ? RecognizeRequest.intIn("size", q.get("size"), 1, MAX_RENDER_SIZE) : 24;
        LatexRenderer renderer = new LatexRenderer(RenderOptions.defaults().withSize(size));
        byte[] image = renders.run(() -> {
            try {
                return format.equals("png") ? renderer.png(latex) : renderer.svg(latex).getBytes(StandardCharsets.UTF_8);
            } catch (RenderException e) {
                throw new ApiError(400, "invalid latex", e.getMessage());
            }
        }, deadline);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, format.equals("png") ? "image/png" : "image/svg+xml");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "private, max-age=3600");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        if (format.equals("svg")) {
            // an SVG opened on its own must not run anything
            response.getHeaders().put("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        }
        response.write(true, ByteBuffer.wrap(image), callback);
    }

    private ObjectNode health() {
        ObjectNode json = Json.object().put("status", "ok");
        json.set("model", modelJson(recognizer.model()));
        json.set("queue", queueJson(recognitions.stats()));
        json.set("renderQueue", queueJson(renders.stats()));
        // request bodies being received now, rounded up to whole kibibytes per request
        long held = (long) kibibytes(settings.uploadBudgetBytes()) - uploadBudget.availablePermits();
        json.putObject("uploads").put("receivingKiB", held).put("budgetKiB", kibibytes(settings.uploadBudgetBytes()));
        ObjectNode limits = json.putObject("limits");
        limits.put("maxBodyBytes", settings.maxBodyBytes());
        limits.put("uploadBudgetBytes", settings.uploadBudgetBytes());
        limits.put("maxStrokes", settings.maxStrokes());
        limits.put("maxPoints", settings.maxPoints());
        limits.put("maxImagePixels", settings.maxImagePixels());
        limits.put("requestTimeoutMs", settings.requestTimeout().toMillis());
        return json;
    }

    private static ObjectNode queueJson(WorkQueue.Stats s) {
        return Json.object().put("workers", s.workers()).put("capacity", s.capacity()).put("running", s.running())
                .put("waiting", s.waiting()).put("completed", s.completed()).put("rejected", s.rejected())
                .put("timedOut", s.timedOut());
    }

    static ObjectNode modelJson(ModelInfo info) {
        ObjectNode m = Json.object().put("name", info.name()).put("status", info.status())
                .put("released", info.isReleased()).put("description", info.description());
        if (!info.isReleased()) {
            m.put("warning", "not a released model (status: " + info.status() + "): expect wrong results");
        }
        return m;
    }

    private ObjectNode recognitionJson(Recognition r, double parseMs, double queueMs, double serverMs) {
        ObjectNode json = Json.object().put("latex", r.latex());
        ArrayNode tokens = json.putArray("tokens");
        r.tokens().forEach(tokens::add);
        json.put("score", r.score()).put("confidence", r.confidence()).put("valid", r.valid())
                .put("repaired", r.repaired());
        ArrayNode alternatives = json.putArray("alternatives");
        for (Recognition.Alternative a : r.alternatives()) {
            alternatives.addObject().put("latex", a.latex()).put("score", a.score()).put("repaired", a.repaired());
        }
        Recognition.Timings t = r.timings();
        json.putObject("timings").put("parseMs", parseMs).put("queueMs", queueMs).put("prepareMs", t.prepareMs())
                .put("encodeMs", t.encodeMs()).put("decodeMs", t.decodeMs()).put("checkMs", t.checkMs())
                .put("recognizeMs", t.totalMs()).put("serverMs", serverMs);
        json.set("model", modelJson(recognizer.model()));
        return json;
    }

    private static void sendAsset(Response response, Callback callback, PadAssets.Asset asset) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, asset.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Content-Security-Policy", CSP);
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        response.write(true, ByteBuffer.wrap(asset.bytes()), callback);
    }

    private static void sendJson(Response response, Callback callback, int status, ObjectNode json) {
        send(response, callback, status, Json.write(json));
    }

    private static void sendError(Response response, Callback callback, ApiError e) {
        if (e.retryAfterSeconds() > 0) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()));
        }
        if (e.status() == 405) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, POST, OPTIONS");
        }
        send(response, callback, e.status(), Json.error(e.error(), e.detail()));
    }

    private static void send(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    @Override
    public void close() {
        recognitions.close();
        renders.close();
    }
}
