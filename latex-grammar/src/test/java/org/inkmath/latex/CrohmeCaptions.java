package org.inkmath.latex;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test helper: the 9,821 CROHME captions (train, then 2014 test) from {@code crohme.dir}, read
 * with {@link CaptionFile}; a test that calls it is skipped, saying why, when the data is absent.
 */
public final class CrohmeCaptions {

    /** The caption files, relative to the CROHME folder. */
    public static final List<String> FILES = List.of("train/caption.txt", "2014/caption.txt");

    private CrohmeCaptions() {
    }

    /** One caption: the file it came from, its name and its tokens ({@code '} read as {@code \\prime}). */
    public record Caption(String file, String name, TokenSequence tokens) {
    }

    /** The CROHME folder; skips the calling test when its caption files are absent. */
    public static Path dir() {
        Path dir = Path.of(System.getProperty("crohme.dir", "../shared/crohme"));
        for (String file : FILES) {
            assumeTrue(Files.isRegularFile(dir.resolve(file)),
                    "CROHME captions not found at " + dir.resolve(file).toAbsolutePath() + " (set -Dcrohme.dir)");
        }
        return dir;
    }

    /** All captions with their names, in file order. */
    public static List<Caption> all() {
        Path dir = dir();
        List<Caption> captions = new ArrayList<>();
        for (String file : FILES) {
            try {
                for (Map.Entry<String, TokenSequence> e : CaptionFile.read(dir.resolve(file)).entrySet()) {
                    captions.add(new Caption(file, e.getKey(), e.getValue()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return captions;
    }

    /** The token sequences of all captions, in file order. */
    public static List<TokenSequence> tokens() {
        return all().stream().map(Caption::tokens).toList();
    }
}
