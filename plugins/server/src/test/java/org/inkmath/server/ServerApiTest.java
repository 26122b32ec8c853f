package org.inkmath.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API over a real server on localhost: answers, options, and every kind of bad request. */
class ServerApiTest {

    @TempDir
    static Path temp;
    static TestServer server;

    /** Something like "x = 1" as JSON strokes. */
    static final String STROKES = "[[[0,0,0],[5,6,10],[10,12,20]],[[10,0,30],[5,6,40],[0,12,50]],"
            + "[[16,4,60],[26,4,70]],[[16,8,80],[26,8,90]],[[32,0,100],[32,6,110],[32,12,120]]]";

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(temp, TestServer.settings().withMaxBodyBytes(256 * 1024).withInkLimits(50, 5_000)
                .withMaxImagePixels(4_000_000));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return Json.MAPPER.readTree(r.body());
    }

    /** An error answer: the status, JSON with error and detail, and nothing of the server's insides. */
    static JsonNode assertError(HttpResponse<String> r, int status, String detailPart) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        JsonNode e = json(r);
        assertTrue(e.path("error").isTextual() && !e.path("error").asText().isEmpty(), r.body());
        assertTrue(e.path("detail").asText().contains(detailPart), r.body());
        assertNoInternals(r.body());
        return e;
    }

    static void assertNoInternals(String body) {
        for (String leak : List.of("\tat ", "at org.", "at java.", "Exception", "jetty", "Caused by")) {
            assertFalse(body.contains(leak), "the answer leaks '" + leak + "': " + body);
        }
    }

    @Test
    void healthNamesTheModelWithAWarningAndTheQueue() throws Exception {
        HttpResponse<String> r = server.get("/health");
        assertEquals(200, r.statusCode());
        JsonNode h = json(r);
        assertEquals("ok", h.path("status").asText());
        assertEquals("tiny.safetensors", h.path("model").path("name").asText());
        assertEquals("user", h.path("model").path("status").asText());
        assertFalse(h.path("model").path("released").asBoolean(true));
        assertTrue(h.path("model").path("warning").asText().contains("not a released model"));
        assertEquals(2, h.path("queue").path("workers").asInt());
        assertEquals(8, h.path("queue").path("capacity").asInt());
        assertEquals(256 * 1024, h.path("limits").path("maxBodyBytes").asInt());
    }

    @Test
    void recognisesJsonStrokesAsTheLibraryDoes() throws Exception {
        HttpResponse<String> r = server.postJson("/api/recognize", STROKES);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode j = json(r);
        var direct = server.recognizer.recognize(org.inkmath.recognizer.ink.JsonStrokes.read(STROKES));
        assertEquals(direct.latex(), j.path("latex").asText());
        assertEquals(direct.tokens().size(), j.path("tokens").size());
        assertEquals(direct.score(), j.path("score").asDouble(), 1e-6);
        assertTrue(j.path("confidence").asDouble() > 0 && j.path("confidence").asDouble() <= 1);
        assertTrue(j.has("valid") && j.has("repaired"));
        assertEquals(direct.alternatives().size(), j.path("alternatives").size());
        assertTrue(j.path("alternatives").get(0).has("score"));
        assertTrue(j.path("timings").path("serverMs").asDouble() >= j.path("timings").path("recognizeMs").asDouble());
        assertEquals("user", j.path("model").path("status").asText());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void optionsComeFromTheQueryOrTheJsonObject() throws Exception {
        JsonNode one = json(server.postJson("/api/recognize?strategy=greedy&nbest=1", STROKES));
        assertEquals(1, one.path("alternatives").size());
        JsonNode viaObject = json(server.postJson("/api/recognize",
                "{\"strokes\": " + STROKES + ", \"strategy\": \"beam\", \"beam\": 2, \"nbest\": 2, \"constrained\": true}"));
        assertTrue(viaObject.path("alternatives").size() <= 2 && viaObject.path("alternatives").size() >= 1);
        assertTrue(viaObject.path("valid").asBoolean(), "constrained decoding validates without repair");
        assertError(server.postJson("/api/recognize?beam=500", STROKES), 400, "beam must be 1 to 20");
        assertError(server.postJson("/api/recognize?strategy=psychic", STROKES), 400, "strategy must be");
        assertError(server.postJson("/api/recognize?constrained=maybe", STROKES), 400, "constrained must be");
        assertError(server.postJson("/api/recognize?nbest=x", STROKES), 400, "nbest must be a whole number");
    }

    @Test
    void recognisesInkMlAndImages() throws Exception {
        String inkml = "<ink xmlns=\"http://www.w3.org/2003/InkML\"><trace>0 0, 5 6, 10 12</trace>"
                + "<trace>10 0, 5 6, 0 12</trace></ink>";
        HttpResponse<String> r = server.post("/api/recognize", "application/xml", inkml.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(json(r).path("latex").asText().isEmpty());

        BufferedImage img = new BufferedImage(200, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 80);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(4));
        g.drawLine(20, 20, 60, 60);
        g.drawLine(60, 20, 20, 60);
        g.drawLine(90, 35, 130, 35);
        g.drawLine(90, 45, 130, 45);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        HttpResponse<String> ri = server.post("/api/recognize", "image/png", png.toByteArray());
        assertEquals(200, ri.statusCode(), ri.body());
        assertTrue(json(ri).has("latex"));
    }

    @Test
    void malformedInputIs400WithTheReason() throws Exception {
        assertError(server.postJson("/api/recognize", "[[[1,2],[3"), 400, "malformed JSON");
        assertError(server.postJson("/api/recognize", "[[[1,\"a\"]]]"), 400, "expected a number");
        assertError(server.postJson("/api/recognize", "[]"), 400, "no strokes");
        assertError(server.postJson("/api/recognize", "{\"ink\": []}"), 400, "\"strokes\" array");
        assertError(server.postJson("/api/recognize", "{\"strokes\": [[[1,2]]], \"beam\": {}}"), 400, "beam must be");
        assertError(server.post("/api/recognize", "application/json", new byte[0]), 400, "no body");
        assertError(server.post("/api/recognize", "application/xml",
                "<ink><trace>1 2, oops</trace></ink>".getBytes(StandardCharsets.UTF_8)), 400, "");
        assertError(server.post("/api/recognize", "image/png", "not a png".getBytes(StandardCharsets.UTF_8)), 400,
                "not an image");
        // deep nesting is refused by the parser's limits, not by a stack overflow
        assertError(server.postJson("/api/recognize", "[".repeat(5000) + "]".repeat(5000)), 400, "");
    }

    @Test
    void xmlExternalEntitiesAreNeverResolved() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE ink [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<ink xmlns=\"http://www.w3.org/2003/InkML\"><trace>&x;</trace></ink>";
        HttpResponse<String> r = server.post("/api/recognize", "application/xml", xxe.getBytes(StandardCharsets.UTF_8));
        assertError(r, 400, "");
        assertFalse(r.body().contains("root:"));
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        assertError(server.post("/api/recognize", "text/plain", STROKES.getBytes(StandardCharsets.UTF_8)), 415,
                "application/json");
        assertError(server.post("/api/recognize", null, STROKES.getBytes(StandardCharsets.UTF_8)), 415, "");
    }

    @Test
    void oversizedBodiesAndDrawingsAre413() throws Exception {
        byte[] big = new byte[300 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '[';
        // and without one (chunked), reading stops at the limit
        HttpResponse<String> chunked = server.client.send(HttpRequest.newBuilder(server.uri("/api/recognize"))
                .header("Content-Type", "application/json").timeout(java.time.Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertError(chunked, 413, "more than the 262144");
        // a declared length over the limit is answered from the headers, before any of the body
        String early = raw("POST /api/recognize HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 999999999\r\n\r\n");
        assertTrue(early.startsWith("HTTP/1.1 413"), early);
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 60; i++) {
            many.append(i == 0 ? "" : ",").append("[[").append(i).append(",0],[").append(i).append(",5]]");
        }
        assertError(server.postJson("/api/recognize", many.append("]").toString()), 413, "60 strokes");
        StringBuilder longStroke = new StringBuilder("[[");
        for (int i = 0; i < 6_000; i++) {
            longStroke.append(i == 0 ? "" : ",").append('[').append(i).append(",1]");
        }
        assertError(server.postJson("/api/recognize", longStroke.append("]]").toString()), 413, "6000 points");
    }

    @Test
    void aHugeImageIsRefusedFromItsHeaderAlone() throws Exception {
        assertError(server.post("/api/recognize", "image/png", pngHeader(100_000, 100_000)), 413, "100000 x 100000");
    }

    /** A PNG signature and IHDR chunk claiming the given size, with no pixel data at all. */
    static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        return png.array();
    }

    @Test
    void rendersPngAndSvgAndRefusesMalformedLatex() throws Exception {
        String q = URLEncoder.encode("\\frac { a } { b }", StandardCharsets.UTF_8);
        HttpResponse<byte[]> png = server.client.send(HttpRequest.newBuilder(server.uri("/api/render?latex=" + q)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(png.body()));
        assertNotNull(image);
        assertTrue(image.getHeight() > 20, "a fraction is taller than a line");
        HttpResponse<String> svg = server.get("/api/render?format=svg&size=40&latex=" + q);
        assertEquals(200, svg.statusCode());
        assertTrue(svg.body().contains("<svg"));
        assertError(server.get("/api/render?latex=" + URLEncoder.encode("\\frac { a", StandardCharsets.UTF_8)), 400, "");
        assertError(server.get("/api/render"), 400, "?latex=");
        assertError(server.get("/api/render?latex=x&format=gif"), 400, "png or svg");
        assertError(server.get("/api/render?latex=x&size=5000"), 400, "size must be 1 to 200");
        assertError(server.get("/api/render?latex=" + "x".repeat(3000)), 413, "2000");
    }

    @Test
    void aRequestOverItsTimeLimitIsAnsweredNotLeftHanging() throws Exception {
        try (InkServer strict = InkServer.start(server.recognizer,
                TestServer.settings().withRequestTimeout(java.time.Duration.ofMillis(1)))) {
            HttpResponse<String> r = server.client.send(HttpRequest.newBuilder(strict.uri().resolve("/api/recognize"))
                    .timeout(java.time.Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(STROKES)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(r.statusCode() == 503 || r.statusCode() == 504, r.statusCode() + " " + r.body());
            assertError(r, r.statusCode(), "time limit");
            if (r.statusCode() == 503) {
                assertTrue(r.headers().firstValue("Retry-After").isPresent());
            }
        }
    }

    private long receivingKiB(InkServer s) throws Exception {
        HttpResponse<String> health = server.client.send(HttpRequest.newBuilder(s.uri().resolve("/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(health.body()).path("uploads").path("receivingKiB").asLong();
    }

    @Test
    void uploadsBeyondTheMemoryBudgetWaitTheirTurn() throws Exception {
        ServerSettings tight = TestServer.settings().withMaxBodyBytes(64 * 1024).withUploadBudgetBytes(100 * 1024);
        try (InkServer small = InkServer.start(server.recognizer, tight)) {
            byte[] padded = (STROKES + " ".repeat(60_000 - STROKES.length())).getBytes(StandardCharsets.UTF_8);
            try (Socket slow = new Socket("127.0.0.1", small.port())) {
                // a slow upload holds 60 KB of the 100 KB budget while it trickles in
                slow.getOutputStream().write(("POST /api/recognize HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 60000\r\n\r\n[[[0,0],")
                        .getBytes(StandardCharsets.US_ASCII));
                slow.getOutputStream().flush();
                // wait until the server holds the slow upload's share: on a loaded machine it may be
                // slow to begin reading it
                long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
                while (receivingKiB(small) < 58 && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                assertTrue(receivingKiB(small) >= 58, "the slow upload holds its share of the budget");
                HttpResponse<String> refused = server.client.send(
                        HttpRequest.newBuilder(small.uri().resolve("/api/recognize"))
                                .timeout(java.time.Duration.ofSeconds(30)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(padded)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertError(refused, 503, "uploads");
                assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            }
            // the slow client hung up: its share of the budget comes back
            HttpResponse<String> ok = null;
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while ((ok == null || ok.statusCode() != 200) && System.nanoTime() < until) {
                Thread.sleep(20);
                ok = server.client.send(HttpRequest.newBuilder(small.uri().resolve("/api/recognize"))
                        .timeout(java.time.Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(padded)).build(), HttpResponse.BodyHandlers.ofString());
            }
            assertEquals(200, ok.statusCode(), ok.body());
        }
    }

    @Test
    void unknownPathsAndWrongMethodsAreJsonErrors() throws Exception {
        assertError(server.get("/etc/passwd"), 404, "no such path");
        HttpResponse<String> traversal = server.get("/pad.js/../../etc/passwd");
        assertTrue(traversal.statusCode() == 400 || traversal.statusCode() == 404, traversal.body());
        assertNoInternals(traversal.body());
        assertError(server.get("/api/recognize"), 405, "POST");
        HttpResponse<String> r = server.postJson("/health", "{}");
        assertError(r, 405, "GET");
    }

    @Test
    void servesThePadWithoutAnythingFromElsewhere() throws Exception {
        HttpResponse<String> page = server.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertTrue(page.body().contains("<canvas id=\"pad\""));
        assertFalse(page.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), "every asset is the server's own");
        for (String asset : List.of("/ink-canvas.js", "/pad.js", "/pad.css", "/favicon.svg")) {
            HttpResponse<String> a = server.get(asset);
            assertEquals(200, a.statusCode(), asset);
            String code = a.body().replace("http://www.w3.org/", ""); // XML namespaces name, they do not load
            assertFalse(code.contains("http://") || code.contains("https://"), asset + " loads nothing remote");
        }
    }

    @Test
    void corsAnswersLocalPagesAndEditorWebviewsOnly() throws Exception {
        for (String origin : List.of("http://localhost:3000", "vscode-webview://1a2b3c", "http://127.0.0.1:8080")) {
            HttpResponse<String> pre = server.client.send(HttpRequest.newBuilder(server.uri("/api/recognize"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(204, pre.statusCode(), origin);
            assertEquals(origin, pre.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            assertTrue(pre.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        }
        HttpResponse<String> evil = server.client.send(HttpRequest.newBuilder(server.uri("/api/recognize"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertError(evil, 403, "cross-origin");
        assertTrue(evil.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        HttpResponse<String> get = server.client.send(HttpRequest.newBuilder(server.uri("/health"))
                .header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(get.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "no CORS for other sites");
    }

    @Test
    void aRequestForAnotherHostNameIsRefused() throws Exception {
        // DNS rebinding: a site whose name now points at 127.0.0.1 sends its own Host header
        String answer = raw("GET /health HTTP/1.1\r\nHost: evil.example:" + server.server.port()
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
        assertNoInternals(answer);
    }

    @Test
    void brokenHttpIsAnsweredWithoutStackTraces() throws Exception {
        String answer = raw("GARBAGE\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertNoInternals(answer);
        String hugeHeader = raw("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(40_000)
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(hugeHeader.startsWith("HTTP/1.1 431"), hugeHeader);
        assertNoInternals(hugeHeader);
    }

    @Test
    void aClientThatDisconnectsMidRequestLeavesTheServerAnswering() throws Exception {
        for (int i = 0; i < 5; i++) {
            try (Socket s = new Socket("127.0.0.1", server.server.port())) {
                OutputStream out = s.getOutputStream();
                out.write(("POST /api/recognize HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100000\r\n\r\n[[[0,0],[1,").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } // closed with most of the body unsent
        }
        // and one that sends a whole request but leaves before the answer
        try (Socket s = new Socket("127.0.0.1", server.server.port())) {
            byte[] body = STROKES.getBytes(StandardCharsets.UTF_8);
            s.getOutputStream().write(("POST /api/recognize HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(body);
            s.getOutputStream().flush();
        }
        HttpResponse<String> health = server.get("/health");
        assertEquals(200, health.statusCode());
        HttpResponse<String> again = server.postJson("/api/recognize", STROKES);
        assertEquals(200, again.statusCode());
        assertNull(json(again).get("error"));
    }

    /** Sends raw bytes and returns what came back (until the server closes or 5 s pass). */
    private static String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.server.port())) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    got.write(buf, 0, n);
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // what arrived so far is the answer
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
