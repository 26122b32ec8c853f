package org.inkmath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.inkmath.recognizer.image.InkRasterizer;
import org.inkmath.recognizer.ink.InkMlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RasterizeCommandTest {

    @TempDir
    Path tmp;

    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    private static final String INKML = """
            <ink xmlns="http://www.w3.org/2003/InkML">
              <annotation type="truth">$x$</annotation>
              <trace>0 0, 10 10</trace><trace>10 0, 0 10</trace>
            </ink>""";

    @Test
    void rendersInkmlAndJsonToPng() throws Exception {
        Path inkml = tmp.resolve("x.inkml");
        Files.writeString(inkml, INKML);
        assertEquals(0, run("rasterize", inkml.toString()));
        Path png = tmp.resolve("x.png");
        assertTrue(Files.exists(png), err.toString());
        var img = ImageIO.read(png.toFile());
        assertEquals(InkRasterizer.render(InkMlReader.read(inkml).ink()).height(), img.getHeight());

        Path json = tmp.resolve("s.json");
        Files.writeString(json, "[[[0,0],[10,10]],[[10,0],[0,10]]]");
        Path out2 = tmp.resolve("out/s.png");
        Files.createDirectories(out2.getParent());
        assertEquals(0, run("rasterize", json.toString(), "-o", out2.toString(), "--stroke-width", "5"));
        assertTrue(Files.exists(out2));
    }

    @Test
    void badInputExitCodesAndMessages() throws Exception {
        Path broken = tmp.resolve("broken.inkml");
        Files.writeString(broken, "<ink><trace>1 2, 3</trace></ink>");
        assertEquals(1, run("rasterize", broken.toString()));
        assertTrue(err.toString().startsWith("inkmath: " + broken + ": trace 0, point 2 has 1 values"), err.toString());
        assertFalse(err.toString().contains("Exception"));

        Path json = tmp.resolve("bad.json");
        Files.writeString(json, "[[[1,\"a\"]]]");
        assertEquals(1, run("rasterize", json.toString()));
        assertTrue(err.toString().contains(json + ": stroke 1, point 1: expected a number, found a string"), err.toString());

        assertEquals(3, run("rasterize", tmp.resolve("missing.inkml").toString()));
        assertTrue(err.toString().contains("missing.inkml: no such file"));
        assertEquals(2, run("rasterize"));
        assertEquals(2, run("rasterize", broken.toString(), "--stroke-width", "-1"));
    }

    @Test
    void calibrationAgainstOurOwnRendersIsPerfect() throws Exception {
        Path dir = tmp.resolve("set");
        Files.createDirectories(dir.resolve("inkml"));
        Files.createDirectories(dir.resolve("img"));
        for (int i = 0; i < 3; i++) {
            String doc = INKML.replace("10 10", (10 + i * 5) + " 10");
            Path f = dir.resolve("inkml/e" + i + ".inkml");
            Files.writeString(f, doc);
            InkRasterizer.render(InkMlReader.read(f).ink()).writePng(dir.resolve("img/e" + i + ".png"));
        }
        Path picture = tmp.resolve("docs/side.png");
        assertEquals(0, run("rasterize", "--calibrate", dir.toString(), "--picture", picture.toString(), "--examples", "2"));
        String o = out.toString();
        assertTrue(o.contains("files compared:            3"), o);
        assertTrue(o.contains("median height ratio:       1.000"), o);
        assertTrue(o.contains("median IoU (1 px):         1.000"), o);
        assertTrue(Files.exists(picture));
        assertTrue(err.toString().contains("3/3 files"), err.toString());
        assertEquals(3, run("rasterize", "--calibrate", tmp.resolve("nothing").toString()));
    }

    @Test
    void helpExplainsBothModes() {
        assertEquals(0, run("rasterize", "--help"));
        assertTrue(out.toString().contains("--calibrate=DIR"));
        assertTrue(out.toString().contains("IoU"));
    }
}
