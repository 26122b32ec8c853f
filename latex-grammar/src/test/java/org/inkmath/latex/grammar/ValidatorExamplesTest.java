package org.inkmath.latex.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.inkmath.latex.TokenSequence;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The hand-made examples of {@code src/test/resources/examples/}: every valid one validates,
 * as a string and as a token sequence; every invalid one gives exactly its listed errors.
 */
class ValidatorExamplesTest {

    @TestFactory
    Stream<DynamicTest> validExamplesValidate() throws IOException {
        return lines("valid.txt").stream().map(latex -> DynamicTest.dynamicTest(latex, () -> {
            Validation v = Validator.validate(latex);
            assertTrue(v.isValid(), () -> latex + " -> " + v.errors());
            assertTrue(GrammarOracle.isValid(v.tokens()), "the oracle reading of GRAMMAR.md agrees");
            assertTrue(v.tree().isPresent());
            Validation asTokens = Validator.validate(v.tokens());
            assertTrue(asTokens.isValid(), () -> v.tokens() + " -> " + asTokens.errors());
            assertEquals(v.tree(), asTokens.tree(), "the string and its tokens give the same tree");
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidExamplesGiveTheirErrors() throws IOException {
        return lines("invalid.txt").stream().map(line -> {
            String[] parts = line.split("\t");
            String latex = parts[0];
            List<String> expected = Arrays.asList(parts).subList(1, parts.length);
            return DynamicTest.dynamicTest(latex, () -> {
                assertFalse(expected.isEmpty(), "an invalid example lists its errors: " + line);
                Validation v = Validator.validate(latex);
                assertEquals(expected, v.errors().stream().map(SyntaxError::message).toList(), latex);
                assertTrue(v.tree().isEmpty());
                assertFalse(GrammarOracle.isValid(v.tokens()), "the oracle reading of GRAMMAR.md agrees");
                for (SyntaxError e : v.errors()) {
                    assertTrue(e.end() <= latex.length(), "span inside the source: " + e);
                    if (e.tokenIndex() < v.tokens().size()) {
                        assertEquals(v.tokens().get(e.tokenIndex()).replaceAll("\\s", ""),
                                latex.substring(e.start(), e.end()).replaceAll("\\s", ""), "span of the token: " + e);
                    }
                }
                Validation asTokens = Validator.validate(TokenSequence.parse(v.tokens().toString()));
                assertEquals(v.errors().stream().map(SyntaxError::message).toList(),
                        asTokens.errors().stream().map(SyntaxError::message).toList(),
                        "the string and its tokens give the same errors");
            });
        });
    }

    /** The non-blank, non-comment lines of an example file. */
    static List<String> lines(String name) throws IOException {
        try (InputStream in = ValidatorExamplesTest.class.getResourceAsStream("/examples/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource examples/" + name);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
        }
    }
}
