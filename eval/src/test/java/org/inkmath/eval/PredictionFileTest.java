package org.inkmath.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.inkmath.eval.metrics.TokenAlignment;
import org.inkmath.latex.TokenSequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionFileTest {

    @Test
    void readsPredictionsAndListsNamesNotAskedAbout(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("p.txt"), "a\tf '\nb\t\nc\tx\n");
        PredictionFile p = PredictionFile.read(file);
        assertEquals(TokenSequence.of("f", "\\prime"), p.predict("a").orElseThrow().tokens(), "' is \\prime");
        assertEquals(TokenSequence.of(), p.predict("b").orElseThrow().tokens(), "a name without tokens: empty");
        assertEquals(Optional.empty(), p.predict("zz"));
        assertEquals(Set.of("c"), p.namesOtherThan(Set.of("a", "b")));
        assertTrue(p.predict("c").orElseThrow().latencyNanos().isEmpty());
        assertEquals("predictions file p.txt", p.description());
    }

    @Test
    void refusesHugePredictionsWithAClearMessage(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("huge.txt"), "a\t" + "x ".repeat(PredictionFile.MAX_TOKENS + 1) + "\n");
        IOException e = assertThrows(IOException.class, () -> PredictionFile.read(file));
        assertTrue(e.getMessage().contains("the prediction of a has 10001 tokens"), e.getMessage());
    }

    @Test
    void namesAFileThatIsNotUtf8(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("latin1.txt"), new byte[] {'a', '\t', (byte) 0xE9, '\n'});
        IOException e = assertThrows(IOException.class, () -> PredictionFile.read(file));
        assertTrue(e.getMessage().endsWith("latin1.txt is not UTF-8 text"), e.getMessage());
    }

    @Test
    void theAlignmentRefusesTablesBeyondItsBound() {
        TokenSequence longOne = new TokenSequence(java.util.Collections.nCopies(5_000, "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TokenAlignment.of(longOne, longOne));
        assertTrue(e.getMessage().startsWith("too long to align: 5000 truth tokens"), e.getMessage());
        assertEquals(0, TokenAlignment.of(TokenSequence.of("x"), new TokenSequence(List.of("x"))).distance());
    }
}
