package org.inkmath.latex.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Rendering speed over the 986 captions of the CROHME 2014 test set, and on the longest input
 * accepted. Run: {@code mvn -B -o -Pbenchmarks test -pl latex-grammar -Dtest=RenderBenchmarkTest}.
 */
@Tag("benchmark")
class RenderBenchmarkTest {

    @Test
    void renderCrohme2014Captions() throws Exception {
        Path captions = Path.of(System.getProperty("crohme.dir", "../shared/crohme"), "2014", "caption.txt");
        Assumptions.assumeTrue(Files.isRegularFile(captions), "CROHME data absent: no " + captions);
        List<String> formulas = Files.readAllLines(captions, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).map(l -> l.split("\t", 2)[1].replace("'", "\\prime")).toList();
        LatexRenderer renderer = LatexRenderer.withDefaults();
        for (String f : formulas.subList(0, 100)) {
            renderer.png(f); // warm-up: class loading, fonts, JIT
        }
        long pngBytes = 0;
        long start = System.nanoTime();
        for (String f : formulas) {
            pngBytes += renderer.png(f).length;
        }
        double pngMs = (System.nanoTime() - start) / 1e6 / formulas.size();
        long svgChars = 0;
        start = System.nanoTime();
        for (String f : formulas) {
            svgChars += renderer.svg(f).length();
        }
        double svgMs = (System.nanoTime() - start) / 1e6 / formulas.size();
        String longest = "x^{2}+".repeat(RenderInputCheck.MAX_LENGTH / 6 - 1) + "1";
        start = System.nanoTime();
        renderer.png(longest);
        double longestMs = (System.nanoTime() - start) / 1e6;
        System.out.printf("render benchmark: %d captions, PNG %.2f ms/formula (mean %d bytes), SVG %.2f ms/formula "
                + "(mean %d chars); longest accepted input (%d chars) %.0f ms%n", formulas.size(), pngMs,
                pngBytes / formulas.size(), svgMs, svgChars / formulas.size(), longest.length(), longestMs);
        assertTrue(pngBytes > 0 && svgChars > 0);
    }
}
