package org.inkmath.latex.grammar;

import org.inkmath.latex.CrohmeCaptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.tree.MathNode;
import org.junit.jupiter.api.Test;

/**
 * Every CROHME caption is in the language, as a token sequence and as a LaTeX string, and its
 * tree keeps every token: written back (subscript before superscript) it validates to the same
 * tree.
 */
class CaptionCorpusTest {

    @Test
    void allCaptionsValidate() throws IOException {
        List<CrohmeCaptions.Caption> captions = CrohmeCaptions.all();
        assertEquals(9_821, captions.size(), "captions in " + CrohmeCaptions.FILES);
        List<String> failures = new ArrayList<>();
        for (CrohmeCaptions.Caption caption : captions) {
            Validation v = Validator.validate(caption.tokens());
            if (!v.isValid() || !Validator.validate(caption.tokens().toString()).isValid()
                    || !GrammarOracle.isValid(caption.tokens())) {
                failures.add(caption.file() + " " + caption.name() + ": " + caption.tokens() + " -> " + v.errors());
                continue;
            }
            TokenSequence written = TreeWriter.write(v.tree().orElseThrow());
            assertEquals(caption.tokens().size(), written.size(), caption.name());
            MathNode.Row rewritten = Validator.validate(written).tree().orElseThrow();
            assertEquals(written, TreeWriter.write(rewritten), caption.name());
        }
        assertTrue(failures.isEmpty(), failures.size() + " captions fail, e.g. " + failures.subList(0, Math.min(5, failures.size())));
    }
}
