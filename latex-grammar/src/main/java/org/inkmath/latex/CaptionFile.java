package org.inkmath.latex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CROHME caption files: one {@code NAME<TAB>space-separated tokens} per line. The captions spell
 * the prime {@code '}, the vocabulary {@code \prime}; reading maps one to the other. Example:
 * {@code Map<String, TokenSequence> captions = CaptionFile.read(Path.of("train/caption.txt"));}
 */
public final class CaptionFile {

    private CaptionFile() {
    }

    /** Name to tokens, in file order; fails naming the line of a malformed entry. */
    public static Map<String, TokenSequence> read(Path file) throws IOException {
        Map<String, TokenSequence> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new IOException(file + ", line " + (i + 1) + ": expected NAME<TAB>tokens");
            }
            String name = line.substring(0, tab).strip();
            if (out.put(name, tokens(line.substring(tab + 1))) != null) {
                throw new IOException(file + ", line " + (i + 1) + ": " + name + " is listed twice");
            }
        }
        return out;
    }

    /** The tokens of one caption, with {@code '} spelled {@code \prime}. */
    public static TokenSequence tokens(String spaceSeparated) {
        TokenSequence raw = TokenSequence.parse(spaceSeparated.strip());
        return new TokenSequence(raw.tokens().stream().map(t -> t.equals("'") ? "\\prime" : t).toList());
    }
}
