package org.inkmath.latex.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.inkmath.latex.CaptionFile;
import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.normalize.CaptionComparison.DifferenceClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptionComparisonTest {

    private static final LatexNormalizer NORMALIZER = LatexNormalizer.crohme();

    @Test
    void readsCaptionsAndSpellsThePrimeAsTheVocabularyDoes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("caption.txt");
        Files.writeString(file, "a\tf ^ { ' } ( x )\n\nb\tx ^ { 2 }\n");
        Map<String, TokenSequence> captions = CaptionFile.read(file);
        assertEquals(List.of("a", "b"), List.copyOf(captions.keySet()));
        assertEquals("f ^ { \\prime } ( x )", captions.get("a").toString());
    }

    @Test
    void refusesACaptionLineWithoutATab(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("caption.txt");
        Files.writeString(file, "a x ^ { 2 }\n");
        IOException e = assertThrows(IOException.class, () -> CaptionFile.read(file));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void countsEqualTruthsAndClassifiesTheOthers() {
        Map<String, TokenSequence> captions = Map.of(
                "same", TokenSequence.parse("x ^ { 2 }"),
                "order", TokenSequence.parse("x ^ { 2 } _ { i }"),
                "letters", TokenSequence.parse("\\log x"),
                "symbols", TokenSequence.parse("6"),
                "unknown", TokenSequence.parse("a < b"),
                "malformed", TokenSequence.parse("x _ { a b }"),
                "lonely", TokenSequence.parse("y"));
        CaptionComparison.Builder builder = CaptionComparison.builder(captions);
        add(builder, "same", "$x^2$");
        add(builder, "order", "x^2_i");
        add(builder, "letters", "l o g x");
        add(builder, "symbols", "6.0");
        add(builder, "unknown", "a \\ltb");
        add(builder, "malformed", "x_{a}} b");
        add(builder, "extra", "z");
        CaptionComparison result = builder.build();

        assertEquals(6, result.compared());
        assertEquals(1, result.equal());
        assertEquals(100.0 / 6, result.percentEqual(), 1e-9);
        assertEquals(List.of("extra"), result.withoutCaption());
        assertEquals(List.of("lonely"), result.withoutTruth());
        Map<String, DifferenceClass> classes = new java.util.TreeMap<>();
        result.differences().forEach(d -> classes.put(d.name(), d.kind()));
        assertEquals(Map.of("order", DifferenceClass.STRUCTURE, "letters", DifferenceClass.FUNCTION_AS_LETTERS,
                "symbols", DifferenceClass.SYMBOLS, "unknown", DifferenceClass.UNKNOWN_TOKENS,
                "malformed", DifferenceClass.MALFORMED_TRUTH), classes);
        assertEquals(1, result.countsByClass().get(DifferenceClass.SYMBOLS));
    }

    @Test
    void reportsInMarkdownAndPlainText() {
        CaptionComparison.Builder builder = CaptionComparison.builder(Map.of("a", TokenSequence.parse("6")));
        add(builder, "a", "6.0");
        CaptionComparison result = builder.build();
        String markdown = result.markdownReport("Check");
        assertTrue(markdown.startsWith("# Check\n"), markdown);
        assertTrue(markdown.contains("| `SYMBOLS` | 1 |"), markdown);
        assertTrue(markdown.contains("- `a`: truth `6.0`"), markdown);
        assertTrue(markdown.contains("normalised: `6 . 0`"), markdown);
        assertTrue(result.summary().contains("compared 1, equal 0 (0.00%), different 1"), result.summary());
    }

    private static void add(CaptionComparison.Builder builder, String name, String truth) {
        builder.add(name, truth, NORMALIZER.normalize(truth));
    }
}
