package org.inkmath.recognizer.ink;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared CROHME data lies for tests; tests that need it skip when it is absent. */
public final class CrohmeData {

    private CrohmeData() {
    }

    /** The data folder, or a skipped test saying why. */
    public static Path dir() {
        String d = System.getProperty("crohme.dir", "../../shared/crohme");
        Path p = Path.of(d);
        assumeTrue(Files.isDirectory(p.resolve("2014")), "CROHME data not found at " + p.toAbsolutePath()
                + " (set -Dcrohme.dir); skipping");
        return p;
    }
}
