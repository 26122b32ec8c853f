package org.inkmath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


class NormalizeCommandTest {

    static CliRun.Result run(String... args) {
        return CliRun.once(args);
    }

    static Path inkml(Path dir, String name, String truth) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name + ".inkml"), """
                <ink xmlns="http://www.w3.org/2003/InkML">
                <annotation type="UI">%s</annotation>
                <annotation type="truth">%s</annotation>
                <trace id="0">1 2, 3 4</trace>
                <traceGroup><annotation type="truth">Segmentation</annotation>
                <traceGroup><annotation type="truth">x</annotation><traceView traceDataRef="0"/></traceGroup>
                </traceGroup>
                </ink>
                """.formatted(name, truth));
    }

    @Test
    void normalisesLatexArgumentsOneLineEach() {
        CliRun.Result r = run("normalize", "$\\frac12 + x^2 \\lt y$", "f'(x)");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("\\frac { 1 } { 2 } + x ^ { 2 } < y\nf ^ { \\prime } ( x )\n", r.out().replace("\r\n", "\n"));
        assertEquals("", r.err());
    }

    @Test
    void namesTokensOutsideTheVocabularyAndExitsWithOne() {
        CliRun.Result r = run("normalize", "a \\ast b");
        assertEquals(InkMath.EXIT_INVALID, r.exitCode());
        assertTrue(r.out().startsWith("a \\ast b"), r.out());
        assertTrue(r.err().contains("inkmath: a \\ast b: tokens outside the vocabulary: \\ast"), r.err());
    }

    @Test
    void readsTheTruthOfAnInkmlFile(@TempDir Path dir) throws IOException {
        Path file = inkml(dir, "f1", "$x \\lt \\mbox{ab}$");
        CliRun.Result r = run("normalize", file.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("x < a b", r.out().strip());
    }

    @Test
    void batchPrintsSortedNamesAndGoesOnPastBadFiles(@TempDir Path dir) throws IOException {
        inkml(dir.resolve("b"), "z1", "y^2");
        inkml(dir.resolve("a"), "z2", "\\sqrt x");
        inkml(dir, "a0", "1");
        Files.writeString(dir.resolve("broken.inkml"), "<ink><annotation type=\"truth\">x");
        Files.writeString(dir.resolve("empty.inkml"), "");
        Files.writeString(dir.resolve("notruth.inkml"), "<ink><trace>1 2</trace></ink>");
        CliRun.Result r = run("normalize", "--batch", dir.toString());
        assertEquals(InkMath.EXIT_ERROR, r.exitCode());
        assertEquals("a0\t1\nz1\ty ^ { 2 }\nz2\t\\sqrt { x }\n", r.out().replace("\r\n", "\n"));
        assertTrue(r.err().contains("broken.inkml: malformed XML"), r.err());
        assertTrue(r.err().contains("empty.inkml: file is empty"), r.err());
        assertTrue(r.err().contains("notruth.inkml: no <annotation type=\"truth\">"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void neverResolvesExternalEntities(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET");
        Path file = Files.writeString(dir.resolve("xxe.inkml"), """
                <?xml version="1.0"?>
                <!DOCTYPE ink [<!ENTITY x SYSTEM "%s">]>
                <ink><annotation type="truth">&x;</annotation></ink>
                """.formatted(secret.toUri()));
        CliRun.Result r = run("normalize", file.toString());
        assertEquals(InkMath.EXIT_ERROR, r.exitCode());
        assertFalse(r.out().contains("S E C R E T") || r.out().contains("SECRET"), r.out());
        assertTrue(r.err().startsWith("inkmath: " + file), r.err());
    }

    @Test
    void comparesWithCaptionsAndWritesAMarkdownReport(@TempDir Path dir) throws IOException {
        inkml(dir.resolve("ink"), "same", "$x^2$");
        inkml(dir.resolve("ink"), "other", "6.0");
        inkml(dir.resolve("ink"), "nocaption", "y");
        Path captions = Files.writeString(dir.resolve("caption.txt"), "same\tx ^ { 2 }\nother\t6\n");
        Path report = dir.resolve("report.md");
        CliRun.Result r = run("normalize", "--batch", dir.resolve("ink").toString(), "--compare", captions.toString(),
                "--report", report.toString(), "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("compared 2, equal 1 (50.00%), different 1"), r.err());
        assertTrue(r.err().contains("truths without a caption: 1"), r.err());
        String markdown = Files.readString(report);
        assertTrue(markdown.contains("| `SYMBOLS` | 1 |"), markdown);
        assertTrue(markdown.contains("- `other`: truth `6.0`"), markdown);
    }

    @Test
    void usageErrorsExitWithTwo() {
        CliRun.Result compareAlone = run("normalize", "--compare", "caption.txt", "x");
        assertEquals(2, compareAlone.exitCode());
        assertTrue(compareAlone.err().contains("--compare and --report need --batch"), compareAlone.err());
        assertEquals(2, run("normalize").exitCode());
        assertEquals(2, run("normalize", "--bogus").exitCode());
    }

    @Test
    void aMissingFolderOrCaptionFileIsANamedError(@TempDir Path dir) {
        CliRun.Result r = run("normalize", "--batch", dir.resolve("nope").toString());
        assertEquals(InkMath.EXIT_ERROR, r.exitCode());
        assertTrue(r.err().contains("inkmath: not a folder: "), r.err());
        CliRun.Result c = run("normalize", "--batch", dir.toString(), "--compare", dir.resolve("none.txt").toString());
        assertEquals(InkMath.EXIT_ERROR, c.exitCode());
        assertTrue(c.err().contains("cannot read captions"), c.err());
    }

    @Test
    void helpExplainsTheCommand() {
        CliRun.Result r = run("help", "normalize");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("--batch=DIR"), r.out());
        assertTrue(r.out().contains("--compare=CAPTIONS"), r.out());
    }
}
