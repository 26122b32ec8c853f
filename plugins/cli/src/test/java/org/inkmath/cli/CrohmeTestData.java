package org.inkmath.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

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
}
