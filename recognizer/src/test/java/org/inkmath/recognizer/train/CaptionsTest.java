package org.inkmath.recognizer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.Vocabulary;
import org.inkmath.recognizer.ink.CrohmeData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptionsTest {

    @TempDir
    Path tmp;

    @Test
    void primeBecomesBackslashPrime() {
        assertEquals(TokenSequence.of("f", "^", "{", "\\prime", "}"), Captions.tokens("f ^ { ' }"));
    }

    @Test
    void malformedLinesAreNamed() throws IOException {
        Path f = tmp.resolve("caption.txt");
        Files.writeString(f, "a\tx\nno-tab-here\n");
        assertTrue(assertThrows(IOException.class, () -> Captions.read(f)).getMessage().endsWith("line 2: expected NAME<TAB>tokens"));
        Files.writeString(f, "a\tx\na\ty\n");
        assertTrue(assertThrows(IOException.class, () -> Captions.read(f)).getMessage().contains("a is listed twice"));
    }

    @Test
    void everyCrohmeCaptionEncodesWithTheVocabulary() throws IOException {
        Path dir = CrohmeData.dir();
        Map<String, TokenSequence> train = Captions.read(dir.resolve("train/caption.txt"));
        Map<String, TokenSequence> test = Captions.read(dir.resolve("2014/caption.txt"));
        assertEquals(8835, train.size());
        assertEquals(986, test.size());
        long rawPrimes = Files.readAllLines(dir.resolve("train/caption.txt")).stream()
                .flatMap(l -> java.util.Arrays.stream(l.split("\\s+"))).filter("'"::equals).count();
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
