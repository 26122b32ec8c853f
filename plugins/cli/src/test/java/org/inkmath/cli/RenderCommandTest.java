package org.inkmath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


class RenderCommandTest {

    @TempDir
    Path dir;

    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void theReadmeQuickStartWritesAPng() throws Exception {
        Path png = dir.resolve("formula.png");
        assertEquals(0, run("render", "\\frac{\\partial f}{\\partial x}", "-o", png.toString()), err.toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image);
        assertTrue(image.getHeight() > image.getWidth(), "a fraction of short terms is taller than wide");
        assertTrue(out.toString().contains("wrote"));
        assertEquals("", err.toString());
    }

    @Test
    void svgAndOptions() throws Exception {
        Path svg = dir.resolve("x.svg");
        assertEquals(0, run("render", "x _ { a } ^ { b }", "-o", svg.toString(), "--size", "40", "--padding", "0",
                "--background", "white"), err.toString());
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg") && text.contains("<path"));
        assertTrue(text.contains("fill:rgb(255,255,255)"), "white background");

        Path small = dir.resolve("small.png");
        Path large = dir.resolve("large.png");
        assertEquals(0, run("render", "x+1", "-o", small.toString(), "--size", "10"));
        assertEquals(0, run("render", "x+1", "-o", large.toString(), "--size", "40"));
        assertTrue(ImageIO.read(large.toFile()).getWidth() > 3 * ImageIO.read(small.toFile()).getWidth() - 20);
    }

    @Test
    void malformedLatexExitsOneWithTheMessage() {
        Path png = dir.resolve("bad.png");
        assertEquals(InkMath.EXIT_INVALID, run("render", "\\frac{", "-o", png.toString()));
        assertTrue(err.toString().startsWith("inkmath: "), err.toString());
        assertTrue(err.toString().contains("never closed"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(png));
    }

    @Test
    void unknownCommandExitsOne() {
        assertEquals(InkMath.EXIT_INVALID, run("render", "\\foo", "-o", dir.resolve("f.png").toString()));
        assertTrue(err.toString().contains("unknown command \\foo"), err.toString());
    }

    @Test
    void anUnwritableOutputExitsThree() throws Exception {
        Path nowhere = dir.resolve("no-such-folder").resolve("f.png");
        assertEquals(InkMath.EXIT_ERROR, run("render", "x", "-o", nowhere.toString()));
        assertTrue(err.toString().startsWith("inkmath: cannot write"), err.toString());
        assertTrue(err.toString().contains("folder does not exist"), err.toString());
        // a folder where the file should be
        Path folder = Files.createDirectory(dir.resolve("folder.png"));
        assertEquals(InkMath.EXIT_ERROR, run("render", "x", "-o", folder.toString()), err.toString());
        assertTrue(err.toString().contains("cannot write " + folder), err.toString());
    }

    @Test
    void anOtherExtensionIsAUsageErrorNamingTheAcceptedOnes() {
        assertEquals(2, run("render", "x", "-o", dir.resolve("f.gif").toString()));
        assertTrue(err.toString().contains(".png, .svg"), err.toString());
        assertFalse(Files.exists(dir.resolve("f.gif")));
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, run("render", "x", "-o", dir.resolve("f.png").toString(), "--size", "0"));
        assertTrue(err.toString().contains("size"), err.toString());
        assertEquals(2, run("render", "x", "-o", dir.resolve("f.png").toString(), "--background", "mauve"));
        assertEquals(2, run("render", "x"));
        assertTrue(err.toString().contains("--output"), err.toString());
    }

    @Test
    void helpExplainsTheCommand() {
        assertEquals(0, run("render", "--help"));
        String help = out.toString();
        assertTrue(help.contains("LATEX") && help.contains(".png") && help.contains("--size") && help.contains("Exit codes"), help);
        assertEquals(0, run("help"));
        assertTrue(out.toString().contains("render"));
    }
}
