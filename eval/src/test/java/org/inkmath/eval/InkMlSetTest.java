package org.inkmath.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.inkmath.latex.TokenSequence;
import org.inkmath.recognizer.ModelInput;
import org.inkmath.recognizer.ink.InkDocument;
import org.inkmath.recognizer.ink.InkMlWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of InkML as evaluation inputs: normalised truths, files left out with the reason. */
class InkMlSetTest {

    @TempDir
    Path dir;

    @Test
    void truthsAreNormalisedAndFilesWithoutOneAreLeftOutWithTheReason() throws IOException {
        Path folder = TinyEvalInputs.inkml(dir, List.of("$x^2$", "$\\frac12$", "$a\\ast b$"));
        InkMlWriter.write(InkDocument.of(TinyEvalInputs.scribble(3)), folder.resolve("notruth.inkml"));
        Files.writeString(folder.resolve("broken.inkml"), "<ink><trace>1 2, 3</ink>");
        Path sub = Files.createDirectories(folder.resolve("sub"));
        InkMlWriter.write(InkDocument.of(TinyEvalInputs.scribble(1), "$y$"), sub.resolve("i0.inkml"));

        InkMlSet set = InkMlSet.read(folder);
        assertEquals(List.of("i0", "i1", "i2"), set.truth().selected(), "sorted by name");
        assertEquals(TokenSequence.parse("x ^ { 2 }"), set.truth().all().get("i0"));
        assertEquals(TokenSequence.parse("\\frac { 1 } { 2 }"), set.truth().all().get("i1"));
        assertEquals(List.of("i2"), set.unknownTruths(), "\\ast is not in the vocabulary");
        assertEquals(List.of("broken", "notruth", "sub/i0.inkml"), List.copyOf(set.skipped().keySet()));
        assertEquals("no truth annotation", set.skipped().get("notruth"));
        assertTrue(set.skipped().get("sub/i0.inkml").startsWith("a second file named i0.inkml"), set.skipped().toString());
        assertTrue(set.truth().description().contains("3 InkML files, 3 left out"), set.truth().description());

        // the input is the ink as the recognizer draws it
        assertEquals(ModelInput.of(TinyEvalInputs.scribble(0)), set.read("i0"));
        IOException none = assertThrows(IOException.class, () -> set.read("nope"));
        assertTrue(none.getMessage().startsWith("no nope.inkml in "), none.getMessage());
    }

    @Test
    void withCaptionsEveryFileIsAnInputAndNoneNeedsATruth() throws IOException {
        Path folder = dir.resolve("plain");
        Files.createDirectories(folder);
        InkMlWriter.write(InkDocument.of(TinyEvalInputs.scribble(2)), folder.resolve("a.inkml"));
        InkMlSet set = InkMlSet.inputsOnly(folder);
        assertEquals(java.util.Set.of("a"), set.names());
        assertTrue(set.truth().all().isEmpty());
        assertTrue(set.skipped().isEmpty());
    }

    @Test
    void aMissingFolderIsNamed() {
        IOException e = assertThrows(IOException.class, () -> InkMlSet.read(dir.resolve("none")));
        assertTrue(e.getMessage().startsWith("not a folder: "), e.getMessage());
    }
}
