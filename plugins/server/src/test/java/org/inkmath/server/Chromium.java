package org.inkmath.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A headless Chromium driven over the DevTools protocol (a WebSocket, JSON messages), with no
 * driver or npm package: launch it on a page, evaluate JavaScript, send real input events, take
 * screenshots. Tests only.
 */
final class Chromium implements AutoCloseable {

    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private Chromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** The browser's executable, if this machine has one. */
    static Optional<Path> find() {
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** Starts a headless browser showing {@code url}, with its profile in {@code profile}. */
    static Chromium open(Path executable, URI url, Path profile) throws Exception {
        Process p = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--mute-audio", "--window-size=1200,820",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, url.toString())
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        try {
            // Chromium writes the port it chose into the profile folder
            Path portFile = profile.resolve("DevToolsActivePort");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!(Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2)) {
                if (System.nanoTime() > until || !p.isAlive()) {
                    throw new IOException("Chromium did not open its DevTools port: "
                            + Files.readString(profile.resolve("chromium.log")));
                }
                Thread.sleep(50);
            }
            int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
            HttpClient http = HttpClient.newHttpClient();
            String pageSocket = null;
            while (pageSocket == null) {
                JsonNode targets = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                for (JsonNode t : targets) {
                    if (t.path("type").asText().equals("page")) {
                        pageSocket = t.path("webSocketDebuggerUrl").asText();
                    }
                }
                if (pageSocket == null) {
                    if (System.nanoTime() > until) {
                        throw new IOException("Chromium shows no page");
                    }
                    Thread.sleep(50);
                }
            }
            Chromium[] self = new Chromium[1];
            CompletableFuture<Chromium> ready = new CompletableFuture<>();
            WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new WebSocket.Listener() {
                private final StringBuilder message = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    message.append(data);
                    if (last) {
                        String text = message.toString();
                        message.setLength(0);
                        ready.thenAccept(c -> c.receive(text));
                    }
                    webSocket.request(1);
                    return null;
                }
            }).get(10, TimeUnit.SECONDS);
            self[0] = new Chromium(p, ws);
            ready.complete(self[0]);
            return self[0];
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
    }

    private void receive(String text) {
        try {
            JsonNode msg = Json.MAPPER.readTree(text);
            if (msg.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                if (f != null) {
                    if (msg.has("error")) {
                        f.completeExceptionally(new IOException("DevTools: " + msg.get("error")));
                    } else {
                        f.complete(msg.path("result"));
                    }
                }
            }
        } catch (IOException e) {
            // a message that is not JSON: nothing waits for it
        }
    }

    /** Sends a DevTools command and waits for its result. */
    JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode msg = Json.object().put("id", id).put("method", method);
        msg.set("params", params == null ? Json.object() : params);
        socket.sendText(Json.write(msg), true).get(10, TimeUnit.SECONDS);
        return f.get(30, TimeUnit.SECONDS);
    }

    /** Evaluates a JavaScript expression (awaiting a promise) and returns its value. */
    JsonNode eval(String expression) throws Exception {
        JsonNode r = call("Runtime.evaluate", Json.object().put("expression", expression).put("returnByValue", true)
                .put("awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("JavaScript failed: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** Waits until a JavaScript condition holds. */
    void waitFor(String condition, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        while (!eval("!!(" + condition + ")").asBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting for " + condition);
            }
            Thread.sleep(25);
        }
    }

    void mouse(String type, double x, double y, int buttons) throws Exception {
        ObjectNode p = Json.object().put("type", type).put("x", x).put("y", y).put("button", "left")
                .put("buttons", buttons).put("clickCount", 1).put("pointerType", "mouse");
        call("Input.dispatchMouseEvent", p);
    }

    void touch(String type, double x, double y, double force) throws Exception {
        ObjectNode p = Json.object().put("type", type);
        if (!type.equals("touchEnd")) {
            p.putArray("touchPoints").addObject().put("x", x).put("y", y).put("force", force).put("id", 1);
        } else {
            p.putArray("touchPoints");
        }
        call("Input.dispatchTouchEvent", p);
    }

    void key(String key, String code, int windowsKeyCode, int modifiers) throws Exception {
        for (String type : List.of("rawKeyDown", "keyUp")) {
            call("Input.dispatchKeyEvent", Json.object().put("type", type).put("key", key).put("code", code)
                    .put("windowsVirtualKeyCode", windowsKeyCode).put("modifiers", modifiers));
        }
    }

    /** A PNG of the page as it is now. */
    byte[] screenshot() throws Exception {
        String data = call("Page.captureScreenshot", Json.object().put("format", "png")).path("data").asText();
        return java.util.Base64.getDecoder().decode(data);
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        } catch (RuntimeException ignored) {
            // the browser goes either way
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
