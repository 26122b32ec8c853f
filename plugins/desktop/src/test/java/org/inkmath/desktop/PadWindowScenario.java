package org.inkmath.desktop;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.image.BufferedImage;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.inkmath.recognizer.Recognition;
import org.inkmath.recognizer.Recognizer;
import org.inkmath.recognizer.RecognizerOptions;
import org.inkmath.recognizer.decode.Decoder.Strategy;
import org.inkmath.recognizer.ink.Ink;
import org.inkmath.recognizer.ink.InkBounds;
import org.inkmath.recognizer.ink.InkMlReader;
import org.inkmath.recognizer.ink.InkPoint;
import org.inkmath.recognizer.ink.Stroke;

/**
 * The real-window scenario, run by {@link PadWindowXvfbTest} in a JVM of its own on an Xvfb
 * display (a JVM's display and headless mode are fixed when AWT starts, and the test JVM is
 * headless). Opens the pad window as {@code inkmath pad} does, replays each InkML file as mouse
 * drags with {@link Robot}, waits for the pad's result, recognizes the ink the pad captured
 * directly, and writes what it saw to {@code report.properties}; after the last file it saves a
 * screenshot of the window. The test asserts on the report.
 * Arguments: MODEL OUT_DIR INKML...
 */
public final class PadWindowScenario {

    /** A small beam rather than greedy decoding, so that the pad has alternatives to list. */
    static final RecognizerOptions OPTIONS = RecognizerOptions.defaults().withStrategy(Strategy.BEAM)
            .withBeamSize(3).withAlternatives(3).withMaxLength(12);

    private PadWindowScenario() {
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<Path> files = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        Properties report = new Properties();
        try (Recognizer recognizer = Recognizer.load(model, OPTIONS)) {
            PadWindow window = PadWindow.open(recognizer, OPTIONS, "inkmath pad");
            Robot robot = new Robot();
            robot.setAutoDelay(0);
            robot.waitForIdle();
            robot.delay(300); // the window maps and paints
            report.setProperty("warning", onEdt(() -> window.pad().warningText()));
            for (int i = 0; i < files.size(); i++) {
                replayOne(files.get(i), "file." + i + ".", window, recognizer, robot, report);
            }
            Rectangle bounds = onEdt(() -> window.frame().getBounds());
            BufferedImage shot = robot.createScreenCapture(bounds);
            Path png = out.resolve("pad-screenshot.png");
            ImageIO.write(shot, "png", png.toFile());
            report.setProperty("screenshot", png.toString());
            window.close();
            window.awaitClosed();
        }
        try (Writer w = Files.newBufferedWriter(out.resolve("report.properties"))) {
            report.store(w, "pad window scenario");
        }
        System.exit(0); // the Swing thread would keep the JVM alive
    }

    private static void replayOne(Path file, String key, PadWindow window, Recognizer recognizer, Robot robot,
                                  Properties report) throws Exception {
        InkPad pad = window.pad();
        onEdt(() -> {
            pad.clear();
            return null;
        });
        Ink ink = InkMlReader.read(file).ink();
        Rectangle canvas = onEdt(() -> {
            Point p = pad.canvas().getLocationOnScreen();
            return new Rectangle(p.x, p.y, pad.canvas().getWidth(), pad.canvas().getHeight());
        });
        Ink onScreen = fit(ink, canvas, 30);
        long start = System.nanoTime();
        for (Stroke s : onScreen.strokes()) {
            drag(robot, s);
        }
        long penUp = System.nanoTime();
        int expectedStrokes = ink.strokeCount();
        // the result is up to date when it is about exactly the ink the pad holds
        PadResult shown = null;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            PadResult r = onEdt(() -> {
                PadResult current = pad.getResult().orElse(null);
                if (current instanceof PadResult.Recognized rec && pad.getInk().isPresent()
                        && rec.ink().equals(pad.getInk().get())
                        && rec.ink().strokeCount() == expectedStrokes) {
                    return current;
                }
                return current instanceof PadResult.Failed ? current : null;
            });
            if (r != null) {
                shown = r;
                break;
            }
            Thread.sleep(20);
        }
        long resultShown = System.nanoTime();
        report.setProperty(key + "name", file.getFileName().toString());
        report.setProperty(key + "strokesInFile", String.valueOf(expectedStrokes));
        report.setProperty(key + "replayMs", String.valueOf((penUp - start) / 1_000_000));
        if (shown == null) {
            report.setProperty(key + "error", "no up-to-date result within 60 s; status: "
                    + onEdt(pad::statusText));
            return;
        }
        if (shown instanceof PadResult.Failed f) {
            report.setProperty(key + "error", f.message());
            return;
        }
        report.setProperty(key + "penUpToResultMs", String.valueOf((resultShown - penUp) / 1_000_000));
        Ink captured = onEdt(() -> pad.getInk().orElseThrow());
        report.setProperty(key + "strokesCaptured", String.valueOf(captured.strokeCount()));
        report.setProperty(key + "pointsCaptured", String.valueOf(captured.pointCount()));
        report.setProperty(key + "padLatex", onEdt(pad::latexText));
        report.setProperty(key + "padChosenLatex", onEdt(pad::getLatex));
        report.setProperty(key + "padAlternatives", String.join("\n", onEdt(pad::alternativesShown)));
        report.setProperty(key + "previewShown", String.valueOf(onEdt(pad::previewShown)));
        report.setProperty(key + "status", onEdt(pad::statusText));
        Recognition direct = recognizer.recognize(captured, OPTIONS);
        report.setProperty(key + "directLatex", direct.latex());
        report.setProperty(key + "directAlternatives",
                String.join("\n", direct.alternatives().stream().map(Recognition.Alternative::latex).toList()));
    }

    /** Presses, moves through the stroke's points (repeated screen positions skipped), releases. */
    private static void drag(Robot robot, Stroke stroke) {
        InkPoint first = stroke.get(0);
        int lastX = (int) Math.round(first.x());
        int lastY = (int) Math.round(first.y());
        robot.mouseMove(lastX, lastY);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        for (InkPoint p : stroke.points()) {
            int x = (int) Math.round(p.x());
            int y = (int) Math.round(p.y());
            if (x != lastX || y != lastY) {
                robot.mouseMove(x, y);
                robot.delay(1);
                lastX = x;
                lastY = y;
            }
        }
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        robot.waitForIdle();
    }

    /** The ink scaled uniformly and centred in {@code box} with a margin, in screen coordinates. */
    static Ink fit(Ink ink, Rectangle box, double margin) {
        InkBounds b = ink.bounds();
        double scale = Math.min((box.width - 2 * margin) / Math.max(b.width(), 1e-9),
                (box.height - 2 * margin) / Math.max(b.height(), 1e-9));
        double dx = box.x + (box.width - b.width() * scale) / 2;
        double dy = box.y + (box.height - b.height() * scale) / 2;
        return ink.map(p -> new InkPoint((p.x() - b.minX()) * scale + dx, (p.y() - b.minY()) * scale + dy, p.time()));
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
}
