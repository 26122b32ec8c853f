package org.inkmath.latex.automaton;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.inkmath.latex.TokenSequence;

/** The CROHME captions (train and 2014 test) as token sequences; tests skip when the data is absent. */
final class Captions {

    private Captions() {
    }

    /** All captions, the prime {@code '} written {@code \prime} as in the vocabulary. */
    static List<TokenSequence> all() {
        String dir = System.getProperty("crohme.dir", "../../shared/crohme");
        Path train = Path.of(dir, "train", "caption.txt");
        Path test = Path.of(dir, "2014", "caption.txt");
        assumeTrue(Files.isRegularFile(train) && Files.isRegularFile(test),
                "CROHME captions not found under " + Path.of(dir).toAbsolutePath() + " (set -Dcrohme.dir)");
        List<TokenSequence> out = new ArrayList<>();
        for (Path file : List.of(train, test)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int tab = line.indexOf('\t');
                    if (tab < 0 || line.isBlank()) {
                        continue;
                    }
                    List<String> tokens = new ArrayList<>(TokenSequence.parse(line.substring(tab + 1)).tokens());
                    tokens.replaceAll(t -> t.equals("'") ? "\\prime" : t);
                    out.add(new TokenSequence(tokens));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
