package org.inkmath.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.inkmath.latex.LatexToken.Kind;
import org.junit.jupiter.api.Test;

class LatexTokenizerTest {

    @Test
    void cutsCommandsGroupsAndCharacters() {
        assertEquals("\\frac { 1 } { 2 } + x ^ { 2 }", LatexTokenizer.tokenSequence("\\frac{1}{2}+x^{2}").toString());
        assertEquals("\\frac 1 2", LatexTokenizer.tokenSequence("\\frac12").toString());
    }

    @Test
    void longestMatchDecidesBetweenKnownAndUnknownCommands() {
        List<LatexToken> tokens = LatexTokenizer.tokenize("\\sum\\summ\\sin\\sinh\\\\\\{");
        assertEquals(List.of(Kind.BIG_OPERATOR, Kind.UNKNOWN_COMMAND, Kind.FUNCTION, Kind.UNKNOWN_COMMAND,
                Kind.ROW_BREAK, Kind.SYMBOL), tokens.stream().map(LatexToken::kind).toList());
    }

    @Test
    void environmentsAreOneTokenWithoutInnerSpaces() {
        List<LatexToken> tokens = LatexTokenizer.tokenize("\\begin { array } {cc} a & b \\end{array}");
        assertEquals("\\begin{array}{cc}", tokens.get(0).text());
        assertEquals(Kind.BEGIN_ENVIRONMENT, tokens.get(0).kind());
        assertEquals("\\end{array}", tokens.get(4).text());
    }

    @Test
    void keepsSourceOffsetsAndNeverFails() {
        List<LatexToken> tokens = LatexTokenizer.tokenize("$x' \u00e9$");
        assertEquals(List.of("$", "x", "'", "\u00e9", "$"), tokens.stream().map(LatexToken::text).toList());
        assertEquals(Kind.OTHER, tokens.get(2).kind());
        assertEquals(4, tokens.get(3).start());
        assertEquals(5, tokens.get(3).end());
    }

    @Test
    void everyVocabularySymbolIsOneToken() {
        Vocabulary vocabulary = Vocabulary.crohme();
        assertEquals(113, vocabulary.size());
        for (String token : vocabulary.tokens().subList(3, vocabulary.size())) {
            List<LatexToken> tokens = LatexTokenizer.tokenize(token);
            assertEquals(1, tokens.size(), token);
            assertEquals(token, tokens.get(0).text());
            assertEquals(false, tokens.get(0).kind() == Kind.UNKNOWN_COMMAND || tokens.get(0).kind() == Kind.OTHER, token);
        }
    }

    @Test
    void aControlSpaceIsSpelledVisiblyInATokenSequence() {
        assertEquals(List.of("a", "\\\u2423", "b"), LatexTokenizer.tokenSequence("a\\ b").tokens());
        assertEquals("U+000C", LatexTokenizer.visible("\f"));
    }
}
