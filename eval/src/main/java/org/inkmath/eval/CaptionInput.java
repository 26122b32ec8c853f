package org.inkmath.eval;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.inkmath.latex.CaptionFile;
import org.inkmath.latex.TokenSequence;

/** Reads caption-format files for the evaluation, with bounds and plain messages around {@link CaptionFile}. */
final class CaptionInput {

    /** The largest caption or predictions file read (CROHME's are well under 1 MiB). */
    static final long MAX_BYTES = 256L << 20;

    private CaptionInput() {
    }

    static Map<String, TokenSequence> read(Path file) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
            throw new IOException(file + " is larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        try {
            return CaptionFile.read(file);
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text", e);
        }
    }
}
