package org.inkmath.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.inkmath.latex.Vocabulary;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.ModelConfig;
import org.inkmath.recognizer.model.WeightPrecision;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pad in a real window: starts an X server (Xvfb) of its own, runs {@link PadWindowScenario}
 * in a child JVM on it, and checks what the scenario saw: every CROHME file replayed as mouse
 * drags was captured stroke for stroke, and the pad shows exactly what the recognizer gives for
 * the captured ink (a tiny random model: the LaTeX is meaningless, only the agreement counts).
 * Leaves a screenshot in {@code target/pad-screenshot.png}. Needs Debian's {@code xvfb}
 * package, hence tagged integration: {@code mvn -Pintegration test -pl plugins/desktop -am}.
 */
@Tag("integration")
class PadWindowXvfbTest {

    private static final List<String> SAMPLES = List.of("18_em_9.inkml", "31_em_188.inkml");

    @TempDir
    Path temp;

    @Test
    void replayedInkIsCapturedRecognizedAndShownInARealWindow() throws Exception {
        Optional<Path> xvfb = onPath("Xvfb");
        assumeTrue(xvfb.isPresent(), "Xvfb is not installed (apt-get install -y xvfb): the real-window test needs it");
        Path inkml = Path.of(System.getProperty("crohme.dir", "../shared/crohme")).resolve("2014/inkml");
        assumeTrue(Files.isDirectory(inkml), "the CROHME 2014 ink is absent: " + inkml.toAbsolutePath());

        Path model = temp.resolve("tiny-random-test-model.safetensors");
        try (ComerModel m = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 7)) {
            m.save(model, WeightPrecision.FLOAT32);
        }

        int display = freeDisplay();
        Path serverLog = temp.resolve("xvfb.log");
        Process server = new ProcessBuilder(xvfb.get().toString(), ":" + display, "-screen", "0", "1280x800x24",
                "-nolisten", "tcp").redirectErrorStream(true).redirectOutput(serverLog.toFile()).start();
        Process child = null;
        try {
            waitForServer(display, server, serverLog);
            Path out = Files.createDirectories(temp.resolve("out"));
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.awt.headless=false",
                    "-cp", testClassPath(),
                    PadWindowScenario.class.getName(), model.toString(), out.toString()));
            SAMPLES.forEach(name -> command.add(inkml.resolve(name).toString()));
            Path childLog = temp.resolve("scenario.log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(childLog.toFile());
            builder.environment().put("DISPLAY", ":" + display);
            builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
            child = builder.start();
            boolean ended = child.waitFor(240, TimeUnit.SECONDS);
            String log = Files.readString(childLog);
            assertTrue(ended, "the scenario did not end within 240 s:\n" + log);
            assertEquals(0, child.exitValue(), "the scenario failed:\n" + log);

            Properties report = new Properties();
            try (Reader r = Files.newBufferedReader(out.resolve("report.properties"))) {
                report.load(r);
            }
            assertTrue(report.getProperty("warning").contains("Model not released: tiny-random-test-model"),
                    "a model that is not released is named in a banner: " + report.getProperty("warning"));
            for (int i = 0; i < SAMPLES.size(); i++) {
                String key = "file." + i + ".";
                assertNull(report.getProperty(key + "error"), SAMPLES.get(i) + ": " + report.getProperty(key + "error"));
                assertEquals(report.getProperty(key + "strokesInFile"), report.getProperty(key + "strokesCaptured"),
                        SAMPLES.get(i) + ": every replayed stroke is one stroke of the pad");
                String direct = report.getProperty(key + "directLatex");
                assertFalse(direct.isBlank());
                assertEquals(direct, report.getProperty(key + "padLatex"), SAMPLES.get(i) + ": the LaTeX shown");
                assertEquals(direct, report.getProperty(key + "padChosenLatex"), SAMPLES.get(i));
                assertEquals(report.getProperty(key + "directAlternatives"), report.getProperty(key + "padAlternatives"),
                        SAMPLES.get(i) + ": the alternatives shown");
                assertEquals("true", report.getProperty(key + "previewShown"), SAMPLES.get(i) + ": the preview");
                System.out.printf("pad window: %s, %s strokes, %s points captured, replay %s ms, pen up to result %s ms"
                                + ", latex: %s%n", SAMPLES.get(i), report.getProperty(key + "strokesCaptured"),
                        report.getProperty(key + "pointsCaptured"), report.getProperty(key + "replayMs"),
                        report.getProperty(key + "penUpToResultMs"), direct);
            }
            Path shot = Path.of(report.getProperty("screenshot"));
            BufferedImage image = ImageIO.read(shot.toFile());
            assertTrue(image.getWidth() > 400 && image.getHeight() > 300, image.getWidth() + " x " + image.getHeight());
            assertTrue(inkPixels(image) > 500, "the screenshot shows the ink: " + inkPixels(image) + " ink pixels");
            Path kept = Path.of("target", "pad-screenshot.png");
            Files.createDirectories(kept.getParent());
            Files.copy(shot, kept, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            if (child != null && child.isAlive()) {
                child.destroyForcibly();
            }
            server.destroy();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** Pixels of the pad's ink colour (dark blue), antialiased edges included. */
    private static int inkPixels(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                if (b > r + 40 && b > g + 40 && r < 120) {
                    n++;
                }
            }
        }
        return n;
    }

    private static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** A display number no X server uses (no lock file, no socket). */
    private static int freeDisplay() {
        for (int n = 90; n < 190; n++) {
            if (!Files.exists(Path.of("/tmp/.X" + n + "-lock")) && !Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                return n;
            }
        }
        throw new IllegalStateException("no free X display number between :90 and :189");
    }

    private static void waitForServer(int display, Process server, Path log) throws Exception {
        Path socket = Path.of("/tmp/.X11-unix/X" + display);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!Files.exists(socket)) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Xvfb :" + display + " did not start: " + readQuietly(log));
            }
            Thread.sleep(50);
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The test class path (surefire hides it behind a manifest-only jar in java.class.path). */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
