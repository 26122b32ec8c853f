package org.inkmath.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptionFileTest {

    @TempDir
    Path tmp;

    @Test
    void primeBecomesBackslashPrime() {
        assertEquals(TokenSequence.of("f", "^", "{", "\\prime", "}"), CaptionFile.tokens("f ^ { ' }"));
    }

    @Test
    void malformedLinesAreNamed() throws IOException {
        Path f = tmp.resolve("caption.txt");
        Files.writeString(f, "a\tx\nno-tab-here\n");
        assertTrue(assertThrows(IOException.class, () -> CaptionFile.read(f)).getMessage().endsWith("line 2: expected NAME<TAB>tokens"));
        Files.writeString(f, "a\tx\na\ty\n");
        assertTrue(assertThrows(IOException.class, () -> CaptionFile.read(f)).getMessage().contains("a is listed twice"));
    }

    @Test
    void everyCrohmeCaptionEncodesWithTheVocabulary() throws IOException {
        Path dir = CrohmeCaptions.dir();
        Map<String, TokenSequence> train = CaptionFile.read(dir.resolve("train/caption.txt"));
        Map<String, TokenSequence> test = CaptionFile.read(dir.resolve("2014/caption.txt"));
        assertEquals(8835, train.size());
        assertEquals(986, test.size());
        long rawPrimes = Files.readAllLines(dir.resolve("train/caption.txt")).stream()
                .flatMap(l -> Arrays.stream(l.split("\\s+"))).filter("'"::equals).count();
        assertEquals(18, rawPrimes);
        assertTrue(train.values().stream().noneMatch(t -> t.tokens().contains("'")));
        for (TokenSequence t : train.values()) {
            Vocabulary.crohme().encode(t); // throws on a token outside the vocabulary
        }
        for (TokenSequence t : test.values()) {
            Vocabulary.crohme().encode(t);
        }
    }
}
