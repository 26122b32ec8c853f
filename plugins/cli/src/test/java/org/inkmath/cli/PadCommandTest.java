package org.inkmath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.inkmath.recognizer.Recognizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code inkmath pad} says when it cannot open (the window itself: PadWindowXvfbTest). */
class PadCommandTest {

    @Test
    void withoutAModelItSaysHowToGiveOne() {
        assumeFalse(Recognizer.hasDefaultModel(), "this build has a default model");
        CliRun.Result r = CliRun.once("pad");
        assertEquals(InkMath.EXIT_ERROR, r.exitCode());
        assertEquals("inkmath: no model: this build has no default model yet; give a model file with --model FILE\n",
                r.err());
    }

    @Test
    void aMissingModelFileIsNamed(@TempDir Path temp) {
        Path missing = temp.resolve("missing.safetensors");
        CliRun.Result r = CliRun.once("pad", "--model", missing.toString());
        assertEquals(InkMath.EXIT_ERROR, r.exitCode());
        assertEquals("inkmath: cannot load the model: " + missing + ": no such file\n", r.err());
    }

    @Test
    void withoutADisplayItSaysSoInsteadOfFailing(@TempDir Path temp) throws Exception {
        assumeTrue(GraphicsEnvironment.isHeadless(), "this JVM has a display");
        Path model = Files.writeString(temp.resolve("m.safetensors"), "not read before the display is checked");
        CliRun.Result r = CliRun.once("pad", "--model", model.toString(), "--greedy");
        assertEquals(InkMath.EXIT_ERROR, r.exitCode());
        assertTrue(r.err().startsWith("inkmath: no display: the pad opens a window"), r.err());
    }

    @Test
    void helpNamesTheOptions() {
        CliRun.Result r = CliRun.once("pad", "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("--model=FILE") && r.out().contains("--greedy"), r.out());
        assertTrue(r.out().contains("Ctrl+Z"), r.out());
    }
}
