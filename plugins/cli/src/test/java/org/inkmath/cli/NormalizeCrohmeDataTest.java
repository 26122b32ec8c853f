package org.inkmath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.inkmath.cli.CliRun.Result;
import org.inkmath.latex.normalize.LatexNormalizer;
import org.junit.jupiter.api.Test;

/**
 * Measures the normaliser against the CROHME captions with {@code inkmath normalize --batch
 * --compare}, the command that BENCHMARKS.md quotes. About 5 s for the 9,821 files.
 */
class NormalizeCrohmeDataTest {

    private static final Pattern SUMMARY = Pattern.compile("compared (\\d+), equal (\\d+) \\(([0-9.]+)%\\)");

    private static Path crohme() {
        return CrohmeTestData.folder("train/inkml", "2014/inkml");
    }

    private static int[] compare(Path inkml, Path captions) {
        CliRun.Result r = NormalizeCommandTest.run("normalize", "--batch", inkml.toString(), "--compare", captions.toString(),
                "--quiet");
        Matcher m = SUMMARY.matcher(r.err());
        assertTrue(m.find(), r.err());
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    @Test
    void atLeastNinetyNinePercentOfTheTruthsEqualTheirCaptions() {
        Path crohme = crohme();
        int[] train = compare(crohme.resolve("train/inkml"), crohme.resolve("train/caption.txt"));
        int[] test = compare(crohme.resolve("2014/inkml"), crohme.resolve("2014/caption.txt"));
        assertEquals(8835, train[0], "training truths with a caption (MfrDB3088 has none)");
        assertEquals(986, test[0], "2014 test truths");
        double trainShare = 100.0 * train[1] / train[0];
        double bothShare = 100.0 * (train[1] + test[1]) / (train[0] + test[0]);
        assertTrue(trainShare >= 99.0, "training set: " + trainShare + "% equal");
        assertTrue(bothShare >= 99.0, "both sets: " + bothShare + "% equal");
        // The 2014 captions differ from their truths in 12 annotation-level ways (non-LaTeX
        // ABOVE/BELOW markup, unmatched braces, empty subscripts the captions fill); see BENCHMARKS.md.
        double testShare = 100.0 * test[1] / test[0];
        assertTrue(testShare >= 99.0, "2014 test set: " + testShare + "% equal");
    }

    @Test
    void normalisingTwiceChangesNothing() {
        Path crohme = crohme();
        CliRun.Result r = NormalizeCommandTest.run("normalize", "--batch", crohme.resolve("2014/inkml").toString());
        String[] lines = r.out().split("\\R");
        assertEquals(986, lines.length);
        for (String line : lines) {
            String tokens = line.substring(line.indexOf('\t') + 1);
            assertEquals(tokens, LatexNormalizer.crohme().normalize(tokens).tokens().toString(), line);
        }
    }
}
