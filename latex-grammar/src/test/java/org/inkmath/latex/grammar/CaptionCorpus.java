package org.inkmath.latex.grammar;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.inkmath.latex.TokenSequence;

/** Test helper: the CROHME captions (train and 2014 test), read from {@code crohme.dir}. */
final class CaptionCorpus {

    static final List<String> FILES = List.of("train/caption.txt", "2014/caption.txt");

    private CaptionCorpus() {
    }

    /** One caption: the file it came from, its name and its tokens. */
    record Caption(String file, String name, TokenSequence tokens) {
    }

    /**
     * All captions, with the prime {@code '} (the one spelling of the captions outside the
     * language) written {@code \prime} as the vocabulary does; skips the test if the data is absent.
     */
    static List<Caption> load() throws IOException {
        Path dir = Path.of(System.getProperty("crohme.dir", "../shared/crohme"));
        for (String file : FILES) {
            assumeTrue(Files.isRegularFile(dir.resolve(file)),
                    "CROHME captions not found at " + dir.resolve(file).toAbsolutePath() + " (set -Dcrohme.dir)");
        }
        List<Caption> captions = new ArrayList<>();
        for (String file : FILES) {
            for (String line : Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String name = tab < 0 ? line : line.substring(0, tab);
                String caption = tab < 0 ? "" : line.substring(tab + 1);
                List<String> tokens = TokenSequence.parse(caption).tokens().stream()
                        .map(t -> t.equals("'") ? "\\prime" : t)
                        .toList();
                captions.add(new Caption(file, name, new TokenSequence(tokens)));
            }
        }
        return captions;
    }
}
