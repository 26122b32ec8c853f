package org.inkmath.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.inkmath.latex.CaptionFile;
import org.inkmath.latex.TokenSequence;

/**
 * The CROHME data folder for the tests that read real data: system property {@code crohme.dir}
 * (surefire sets it), else {@code ../shared/crohme}. A test skips, saying where it looked, when
 * the folder lacks what it reads.
 *
 * <pre>
 * Path crohme = CrohmeTestData.folder("train/inkml", "2014/img");
 * </pre>
 */
final class CrohmeTestData {

    private CrohmeTestData() {
    }

    /** The folder, holding every one of {@code parts} as a folder; otherwise the calling test is skipped. */
    static Path folder(String... parts) {
        String dir = System.getProperty("crohme.dir", "");
        Path path = Path.of(dir.isEmpty() ? "../shared/crohme" : dir);
        assumeTrue(Arrays.stream(parts).allMatch(part -> Files.isDirectory(path.resolve(part))),
                "CROHME data not found at " + path.toAbsolutePath() + " (set -Dcrohme.dir)");
        return path;
    }

    /** A CROHME-shaped folder in {@code dir} with 6 short real training expressions and 3 validation images. */
    static Path small(Path dir) throws IOException {
        Path real = folder("train/inkml", "2014/img");
        Path small = dir.resolve("crohme");
        Files.createDirectories(small.resolve("train/inkml/a"));
        Files.createDirectories(small.resolve("2014/img"));
        Map<String, TokenSequence> captions = CaptionFile.read(real.resolve("train/caption.txt"));
        List<String> lines = new ArrayList<>();
        try (Stream<Path> s = Files.walk(real.resolve("train/inkml"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".inkml")).sorted().toList()) {
                String name = f.getFileName().toString().replace(".inkml", "");
                TokenSequence c = captions.get(name);
                if (c != null && c.size() <= 5) {
                    Files.copy(f, small.resolve("train/inkml/a/" + f.getFileName()));
                    lines.add(name + "\t" + String.join(" ", c.tokens()));
                }
                if (lines.size() == 6) {
                    break;
                }
            }
        }
        Files.write(small.resolve("train/caption.txt"), lines, StandardCharsets.UTF_8);
        List<String> valid = Files.readAllLines(real.resolve("2014/caption.txt"), StandardCharsets.UTF_8).subList(0, 3);
        for (String line : valid) {
            String name = line.substring(0, line.indexOf('\t'));
            Files.copy(real.resolve("2014/img/" + name + ".png"), small.resolve("2014/img/" + name + ".png"));
        }
        Files.write(small.resolve("2014/caption.txt"), valid, StandardCharsets.UTF_8);
        return small;
    }
}
