package org.inkmath.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.InputEvent;
import java.awt.event.MouseEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javax.swing.SwingUtilities;
import org.inkmath.recognizer.ModelInfo;
import org.inkmath.recognizer.Recognition;
import org.inkmath.recognizer.ink.Ink;
import org.inkmath.recognizer.ink.InkMlReader;
import org.inkmath.recognizer.ink.InkPoint;
import org.inkmath.recognizer.ink.Stroke;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pad's behaviour without a screen: synthetic mouse events, a made-up recognizer. */
class InkPadTest {

    private final BlockingQueue<PadResult> results = new LinkedBlockingQueue<>();
    private InkPad pad;

    private InkPad pad(Function<Ink, Recognition> recognize, ModelInfo model) throws Exception {
        pad = onEdt(() -> {
            InkPad p = new InkPad(recognize, model, Duration.ofMillis(30), SwingUtilities::invokeLater);
            p.setSize(800, 500);
            p.doLayout();
            p.canvas().setSize(700, 300);
            p.addRecognitionListener(results::add);
            return p;
        });
        return pad;
    }

    @AfterEach
    void close() {
        if (pad != null) {
            pad.close();
        }
    }

    private static <T> T onEdt(Callable<T> work) throws Exception {
        AtomicReference<T> value = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                value.set(work.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return value.get();
    }

    private static void mouse(InkCanvas canvas, int id, long when, int x, int y) {
        int modifiers = id == MouseEvent.MOUSE_RELEASED ? 0 : InputEvent.BUTTON1_DOWN_MASK;
        int button = id == MouseEvent.MOUSE_DRAGGED ? MouseEvent.NOBUTTON : MouseEvent.BUTTON1;
        canvas.dispatchEvent(new MouseEvent(canvas, id, when, modifiers, x, y, 1, false, button));
    }

    /** A stroke drawn with the left button: press, drags, release. */
    private void draw(int... xy) throws Exception {
        onEdt(() -> {
            InkCanvas c = pad.canvas();
            long t = 5_000;
            mouse(c, MouseEvent.MOUSE_PRESSED, t, xy[0], xy[1]);
            for (int i = 2; i < xy.length - 2; i += 2) {
                mouse(c, MouseEvent.MOUSE_DRAGGED, t += 10, xy[i], xy[i + 1]);
            }
            mouse(c, MouseEvent.MOUSE_RELEASED, t + 10, xy[xy.length - 2], xy[xy.length - 1]);
            return null;
        });
    }

    private PadResult next() throws InterruptedException {
        PadResult r = results.poll(10, TimeUnit.SECONDS);
        assertNotNull(r, "no result within 10 s");
        return r;
    }

    @Test
    void mouseStrokesBecomeInkThatIsRecognizedAndShown() throws Exception {
        pad(ink -> FakeRecognitions.of("x ^ { " + ink.strokeCount() + " }", "x " + ink.strokeCount()), null);
        draw(10, 10, 20, 15, 30, 25, 40, 30);
        draw(100, 10, 100, 60);
        Ink ink = onEdt(() -> pad.getInk().orElseThrow());
        assertEquals(2, ink.strokeCount());
        assertEquals(List.of(new InkPoint(10, 10, 0), new InkPoint(20, 15, 10), new InkPoint(30, 25, 20),
                new InkPoint(40, 30, 30)), ink.strokes().get(0).points());
        PadResult.Recognized r = assertInstanceOf(PadResult.Recognized.class, next());
        assertEquals(ink, r.ink(), "the listener hears about the ink as captured");
        assertEquals("x ^ { 2 }", r.latex());
        assertEquals("x ^ { 2 }", onEdt(pad::latexText));
        assertEquals(List.of("x ^ { 2 }", "x 2"), onEdt(pad::alternativesShown));
        assertTrue(onEdt(pad::previewShown));
        assertTrue(onEdt(pad::statusText).startsWith("Read in"), onEdt(pad::statusText));
        assertEquals("", onEdt(pad::warningText), "no model given: no warning");
    }

    @Test
    void pickingAnAlternativeChangesTheLatexAndTellsTheListeners() throws Exception {
        pad(ink -> FakeRecognitions.of("a", "\\alpha", "a ^ { 2 }"), null);
        draw(10, 10, 30, 30);
        assertEquals("a", assertInstanceOf(PadResult.Recognized.class, next()).latex());
        onEdt(() -> {
            pad.pickAlternativeForTest(2);
            return null;
        });
        PadResult.Recognized picked = assertInstanceOf(PadResult.Recognized.class, next());
        assertEquals("a ^ { 2 }", picked.latex());
        assertEquals("a", picked.recognition().latex(), "the recognition itself is unchanged");
        assertEquals("a ^ { 2 }", onEdt(pad::getLatex));
        assertEquals("a ^ { 2 }", onEdt(pad::latexText));
    }

    @Test
    void undoAndClearChangeTheInkAndAnEmptyPadSaysSo() throws Exception {
        pad(ink -> FakeRecognitions.of("n = " + ink.strokeCount()), null);
        draw(10, 10, 30, 30);
        draw(50, 10, 50, 40);
        assertEquals("n = 2", assertInstanceOf(PadResult.Recognized.class, next()).latex());
        // Ctrl+Z is bound to the same action
        onEdt(() -> {
            pad.getActionMap().get("inkmath-undo").actionPerformed(null);
            return null;
        });
        assertEquals("n = 1", assertInstanceOf(PadResult.Recognized.class, next()).latex());
        onEdt(() -> {
            pad.clear();
            return null;
        });
        assertInstanceOf(PadResult.Cleared.class, next());
        assertTrue(onEdt(pad::getInk).isEmpty());
        assertEquals("", onEdt(pad::latexText));
        assertTrue(onEdt(pad::undo), "the clear is undone");
        assertEquals("n = 1", assertInstanceOf(PadResult.Recognized.class, next()).latex());
    }

    @Test
    void errorsAreShownInThePadAndAPreliminaryModelIsNamed() throws Exception {
        pad(ink -> {
            throw new IllegalArgumentException("the ink is too large");
        }, new ModelInfo("compact-v0", "preliminary", "trained for 2 epochs"));
        assertTrue(onEdt(pad::warningText).contains("compact-v0 (preliminary: trained for 2 epochs)"),
                onEdt(pad::warningText));
        draw(10, 10, 30, 30);
        PadResult.Failed f = assertInstanceOf(PadResult.Failed.class, next());
        assertEquals("recognition failed: the ink is too large", f.message());
        assertEquals(f.message(), onEdt(pad::statusText));
        assertEquals("", onEdt(pad::getLatex));
    }

    @Test
    void aLongModelDescriptionIsCutInTheBanner() {
        String banner = InkPad.bannerText(new ModelInfo("m.safetensors", "user", "loaded from /" + "x/".repeat(200)));
        assertTrue(banner.startsWith("⚠ Model not released: m.safetensors (user: loaded from /x/x/"), banner);
        assertTrue(banner.length() < 140, banner);
        assertTrue(banner.endsWith("… Results may be wrong."), banner);
    }

    @Test
    void setInkFitsTheInkToTheCanvasAndSavesAsInkMl(@TempDir Path temp) throws Exception {
        pad(ink -> FakeRecognitions.of("1"), new ModelInfo("final", ModelInfo.RELEASED, ""));
        assertEquals("", onEdt(pad::warningText), "a released model needs no warning");
        Ink tablet = new Ink(List.of(new Stroke(List.of(new InkPoint(5000, 9000, 0), new InkPoint(15000, 11000, 20)))));
        onEdt(() -> {
            pad.setInk(tablet);
            return null;
        });
        next();
        Ink shown = onEdt(() -> pad.getInk().orElseThrow());
        assertTrue(shown.bounds().minX() >= 0 && shown.bounds().maxX() <= 700, shown.bounds().toString());
        assertTrue(shown.bounds().minY() >= 0 && shown.bounds().maxY() <= 300, shown.bounds().toString());
        assertEquals(5.0, shown.bounds().width() / shown.bounds().height(), 1e-9, "the shape is kept");
        Path file = temp.resolve("pad.inkml");
        onEdt(() -> {
            pad.saveInkMl(file);
            return null;
        });
        assertEquals(shown, InkMlReader.read(file).ink());
        assertFalse(onEdt(() -> {
            pad.clear();
            return pad.getInk().isPresent();
        }));
    }
}
