package org.inkmath.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.inkmath.recognizer.ink.Ink;
import org.inkmath.recognizer.ink.InkBounds;
import org.inkmath.recognizer.ink.InkMlReader;
import org.inkmath.recognizer.ink.InkPoint;
import org.inkmath.recognizer.ink.Stroke;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web ink pad in a real browser: CROHME formulas are replayed as mouse and touch input on
 * the pad; the LaTeX the pad shows must be exactly what the server answers for the same ink, and
 * its rendering must load. Undo (of a stroke and of a clear), alternatives and the InkML the pad
 * saves are checked too, and a screenshot is kept in target/pad-screenshot.png. Skips when
 * Chromium or the data are missing.
 */
class PadBrowserTest {

    @TempDir
    static Path temp;
    static TestServer server;
    static Chromium browser;
    static Path crohme;

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> chromium = Chromium.find();
        assumeTrue(chromium.isPresent(), "no Chromium at /usr/bin/chromium: install Debian's package "
                + "(apt-get install chromium) to run the browser test");
        crohme = Path.of(System.getProperty("crohme.dir", "../../../shared/crohme"), "2014", "inkml");
        assumeTrue(Files.isDirectory(crohme), "the CROHME data is not at " + crohme + " (set -Dcrohme.dir)");
        server = TestServer.start(temp, TestServer.settings());
        Path profile = Files.createDirectory(temp.resolve("chromium-profile"));
        browser = Chromium.open(chromium.get(), server.uri("/"), profile);
        browser.waitFor("document.readyState === 'complete' && window.inkPad", Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** The canvas's box in the page: left, top, width, height. */
    private static double[] canvasBox() throws Exception {
        JsonNode r = browser.eval("(() => { const b = document.getElementById('pad').getBoundingClientRect();"
                + " return [b.left, b.top, b.width, b.height]; })()");
        return new double[] {r.get(0).asDouble(), r.get(1).asDouble(), r.get(2).asDouble(), r.get(3).asDouble()};
    }

    /** The ink scaled into the canvas with a margin, in page coordinates. */
    private static Ink fitted(Ink ink, double[] box) {
        InkBounds b = ink.bounds();
        double margin = 30;
        double w = Math.max(b.width(), 1), h = Math.max(b.height(), 1);
        double scale = Math.min((box[2] - 2 * margin) / w, (box[3] - 2 * margin) / h);
        double left = box[0] + margin, top = box[1] + margin;
        return ink.map(p -> new InkPoint(left + (p.x() - b.minX()) * scale, top + (p.y() - b.minY()) * scale));
    }

    private static void draw(Ink ink, boolean touch) throws Exception {
        for (Stroke s : ink.strokes()) {
            List<InkPoint> pts = distinct(s.points());
            InkPoint first = pts.get(0);
            if (touch) {
                browser.touch("touchStart", first.x(), first.y(), 0.6);
            } else {
                browser.mouse("mousePressed", first.x(), first.y(), 1);
            }
            for (InkPoint p : pts.subList(1, pts.size())) {
                if (touch) {
                    browser.touch("touchMove", p.x(), p.y(), 0.6);
                } else {
                    browser.mouse("mouseMoved", p.x(), p.y(), 1);
                }
            }
            InkPoint last = pts.get(pts.size() - 1);
            if (touch) {
                browser.touch("touchEnd", last.x(), last.y(), 0);
            } else {
                browser.mouse("mouseReleased", last.x(), last.y(), 0);
            }
        }
    }

    /** Pen samples that repeat a position (pens report them while still) send no event. */
    private static List<InkPoint> distinct(List<InkPoint> points) {
        List<InkPoint> out = new java.util.ArrayList<>();
        for (InkPoint p : points) {
            InkPoint last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last == null || Math.abs(last.x() - p.x()) >= 0.5 || Math.abs(last.y() - p.y()) >= 0.5) {
                out.add(p);
            }
        }
        return out;
    }

    private static void clearPad() throws Exception {
        browser.eval("document.getElementById('clear').click()");
        browser.waitFor("window.inkPad.strokeCount() === 0 && document.body.dataset.state === 'idle'",
                Duration.ofSeconds(5));
    }

    /** Replays a file, waits for the pad's answer and checks it against the server's own. */
    private static JsonNode replayAndCheck(String name, boolean touch) throws Exception {
        clearPad();
        Ink ink = InkMlReader.read(crohme.resolve(name)).ink();
        draw(fitted(ink, canvasBox()), touch);
        browser.waitFor("document.body.dataset.state === 'done'", Duration.ofSeconds(30));
        assertEquals(ink.strokeCount(), browser.eval("window.inkPad.strokeCount()").asInt(),
                "every stroke of " + name + " arrived as one stroke on the pad");
        String shown = browser.eval("document.getElementById('latex').textContent").asText();
        String padStrokes = browser.eval("window.inkPad.strokesJson()").asText();
        HttpResponse<String> direct = server.postJson("/api/recognize?nbest=5", padStrokes);
        assertEquals(200, direct.statusCode(), direct.body());
        JsonNode answer = Json.MAPPER.readTree(direct.body());
        assertFalse(shown.isEmpty());
        assertEquals(answer.path("latex").asText(), shown, "the pad shows the server's LaTeX for " + name);
        assertEquals(answer.path("alternatives").size(),
                browser.eval("document.querySelectorAll('#alternatives button').length").asInt());
        assertTrue(browser.eval("(() => { const i = document.getElementById('rendered');"
                + " return !i.hidden && i.complete && i.naturalWidth > 0; })()").asBoolean(),
                "the formula's rendering loaded");
        return answer;
    }

    @Test
    void replaysCrohmeInkWithMouseAndTouchAndShowsTheServersLatex() throws Exception {
        replayAndCheck("18_em_1.inkml", true);
        assertTrue(browser.eval("(() => { const p = JSON.parse(window.inkPad.strokesJson());"
                + " return p.length > 0 && p[0].length > 1; })()").asBoolean());
        JsonNode answer = replayAndCheck("18_em_0.inkml", false);

        // the model is not a released one: the pad says so
        assertTrue(browser.eval("!document.getElementById('model-warning').hidden").asBoolean());
        assertTrue(browser.eval("document.getElementById('model-warning').textContent").asText()
                .contains("not a released model"));

        Files.write(Path.of("target", "pad-screenshot.png"), browser.screenshot());

        // choosing an alternative shows it
        if (answer.path("alternatives").size() > 1) {
            String second = answer.path("alternatives").get(1).path("latex").asText();
            browser.eval("document.querySelectorAll('#alternatives button')[1].click()");
            browser.waitFor("document.getElementById('latex').textContent === " + Json.write(Json.MAPPER
                    .getNodeFactory().textNode(second)), Duration.ofSeconds(5));
        }

        // the InkML the pad saves is read by the server as the same drawing
        String inkml = browser.eval("window.inkPad.inkml()").asText();
        HttpResponse<String> fromInkml = server.post("/api/recognize?nbest=5", "application/xml",
                inkml.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, fromInkml.statusCode(), fromInkml.body());
        assertEquals(answer.path("latex").asText(), Json.MAPPER.readTree(fromInkml.body()).path("latex").asText());

        // Ctrl+Z takes the last stroke away and recognises again
        int strokes = browser.eval("window.inkPad.strokeCount()").asInt();
        browser.call("Runtime.evaluate", Json.object().put("expression", "document.getElementById('pad').focus()"));
        browser.key("z", "KeyZ", 90, 2);
        browser.waitFor("window.inkPad.strokeCount() === " + (strokes - 1), Duration.ofSeconds(5));
        browser.waitFor("document.body.dataset.state === 'done'", Duration.ofSeconds(30));
        String afterUndo = browser.eval("document.getElementById('latex').textContent").asText();
        JsonNode direct = Json.MAPPER.readTree(server.postJson("/api/recognize?nbest=5",
                browser.eval("window.inkPad.strokesJson()").asText()).body());
        assertEquals(direct.path("latex").asText(), afterUndo);

        // Esc clears the pad, and Ctrl+Z brings that ink back and recognises it again
        String beforeClear = browser.eval("window.inkPad.strokesJson()").asText();
        browser.key("Escape", "Escape", 27, 0);
        browser.waitFor("window.inkPad.strokeCount() === 0 && document.body.dataset.state === 'idle'",
                Duration.ofSeconds(5));
        browser.key("z", "KeyZ", 90, 2);
        browser.waitFor("window.inkPad.strokeCount() === " + (strokes - 1), Duration.ofSeconds(5));
        browser.waitFor("document.body.dataset.state === 'done'", Duration.ofSeconds(30));
        assertEquals(beforeClear, browser.eval("window.inkPad.strokesJson()").asText());
        assertEquals(afterUndo, browser.eval("document.getElementById('latex').textContent").asText());
    }
}
