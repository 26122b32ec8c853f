package org.inkmath.latex.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Every CROHME caption is in the language, as a token sequence and as a LaTeX string. */
class CaptionCorpusTest {

    @Test
    void allCaptionsValidate() throws IOException {
        List<CaptionCorpus.Caption> captions = CaptionCorpus.load();
        assertEquals(9_821, captions.size(), "captions in " + CaptionCorpus.FILES);
        List<String> failures = captions.stream()
                .filter(c -> !Validator.validate(c.tokens()).isValid() || !Validator.validate(c.tokens().toString()).isValid())
                .map(c -> c.file() + " " + c.name() + ": " + c.tokens() + " -> " + Validator.validate(c.tokens()).errors())
                .toList();
        assertTrue(failures.isEmpty(), failures.size() + " captions fail, e.g. " + failures.subList(0, Math.min(5, failures.size())));
    }

    @Test
    void captionTreesWriteBackToTheCaption() throws IOException {
        for (CaptionCorpus.Caption caption : CaptionCorpus.load()) {
            var tree = Validator.validate(caption.tokens()).tree().orElseThrow();
            // The writer puts a subscript before a superscript; the captions do too, but for a few.
            var rewritten = Validator.validate(TreeWriter.write(tree)).tree().orElseThrow();
            assertEquals(TreeWriter.write(tree), TreeWriter.write(rewritten), caption.name());
            assertEquals(caption.tokens().size(), TreeWriter.write(tree).size(), caption.name());
        }
    }
}
