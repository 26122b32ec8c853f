package org.inkmath.latex.grammar;

import org.inkmath.latex.CrohmeCaptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.Vocabulary;
import org.inkmath.latex.tree.MathNode;
import org.junit.jupiter.api.Test;

/**
 * The validator on inputs nobody wrote: random token sequences, mutated captions and random
 * valid trees. It must never throw, must agree with {@link GrammarOracle} (an independent
 * reading of GRAMMAR.md) on what is valid, must give a tree or at least one well-placed error,
 * and a tree must write back to the tokens it came from.
 */
class ValidatorFuzzTest {

    /** Tokens the structure of a formula hinges on, and some that are never allowed. */
    private static final List<String> STRUCTURE = List.of("{", "}", "^", "_", "\\frac", "\\sqrt", "[", "]",
            "\\left", "\\right", "(", ")", ".", "|", "\\{", "\\}", "\\begin{matrix}", "\\end{matrix}",
            "\\end{pmatrix}", "\\begin{array}{cc}", "\\end{array}", "&", "\\\\", "\\limits", "\\sum", "\\sin",
            "x", "2", "\\lt", "'", "$", "\\,");

    private static final List<String> POOL = pool();

    private static List<String> pool() {
        List<String> pool = new ArrayList<>(Vocabulary.crohme().tokens().subList(Vocabulary.EOS + 1, Vocabulary.crohme().size()));
        for (int i = 0; i < 4; i++) {
            pool.addAll(STRUCTURE); // weight the structure so that deep, almost-valid inputs occur
        }
        return List.copyOf(pool);
    }

    @Test
    void randomTokenSequencesNeverBreakTheValidator() {
        Random random = new Random(20261123);
        int valid = 0;
        for (int n = 0; n < 10_000; n++) {
            List<String> tokens = new ArrayList<>();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                tokens.add(POOL.get(random.nextInt(POOL.size())));
            }
            valid += check(new TokenSequence(tokens)) ? 1 : 0;
        }
        assertTrue(valid > 50, "some random sequences are valid, so both paths are exercised: " + valid);
    }

    @Test
    void randomStringsNeverBreakTheValidator() {
        // Characters and pieces where lexing is delicate: backslashes before spaces, tabs, line
        // breaks and other whitespace, control characters, surrogate pairs, unfinished commands.
        List<String> pieces = List.of("\\", " ", "\t", "\n", "\u000B", "\u000C", "\u001F", "\u3000", "\u00A0",
                "\u0000", "\u0007", "\uD835\uDC65", "\uD835", "{", "}", "^", "_", "[", "]", "&", "$", "'", "x", "2",
                "frac", "sqrt", "left", "right", "begin", "end", "{matrix}", "{array}{cc}", "(", ".", "\\{");
        Random random = new Random(99);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder latex = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                latex.append(pieces.get(random.nextInt(pieces.size())));
            }
            String source = latex.toString();
            Validation v = Validator.validate(source);
            assertEquals(v.isValid(), v.errors().isEmpty());
            assertEquals(GrammarOracle.isValid(v.tokens()), v.isValid(), source);
            for (SyntaxError e : v.errors()) {
                assertTrue(e.tokenIndex() <= v.tokens().size() && e.end() <= source.length(), e::toString);
                assertTrue(e.message().codePoints().noneMatch(Character::isISOControl), e::toString);
                assertFalse(e.message().contains("is not expected here"), () -> source + " -> " + e);
            }
        }
    }

    @Test
    void controlSpacesAndOddWhitespaceAreNamedVisibly() {
        Validation v = Validator.validate("a\\ b\u000Cc");
        assertEquals(List.of("a", "\\\u2423", "b", "U+000C", "c"), v.tokens().tokens());
        assertEquals(List.of("unknown command `\\\u2423` at 1", "`U+000C` at 3 is not allowed in a formula"),
                v.errors().stream().map(SyntaxError::message).toList());
        assertEquals(1, v.errors().get(0).start());
        assertEquals(3, v.errors().get(0).end());
    }

    @Test
    void mutatedCaptionsNeverBreakTheValidator() throws IOException {
        List<CrohmeCaptions.Caption> captions = CrohmeCaptions.all();
        Random random = new Random(7);
        for (int n = 0; n < 5_000; n++) {
            List<String> tokens = new ArrayList<>(captions.get(random.nextInt(captions.size())).tokens().tokens());
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                mutate(tokens, random);
            }
            check(new TokenSequence(tokens));
        }
    }

    @Test
    void randomValidTreesValidateAndWriteBack() {
        Random random = new Random(42);
        for (int n = 0; n < 5_000; n++) {
            TokenSequence tokens = TreeWriter.write(new TreeGenerator(random).row(false, 4));
            Validation v = Validator.validate(tokens);
            assertTrue(v.isValid(), () -> tokens + " -> " + v.errors());
            assertTrue(GrammarOracle.isValid(tokens), tokens::toString);
            assertEquals(tokens, TreeWriter.write(v.tree().orElseThrow()));
            assertTrue(Validator.validate(tokens.toString()).isValid(), tokens::toString);
        }
    }

    @Test
    void hugeAndDeepInputsGiveErrorsNotCrashes() throws InterruptedException {
        String deep = "{ ".repeat(100_000);
        Validation v = Validator.validate(deep);
        assertEquals("`{` at 100 is nested more than 100 levels deep, deeper than the validator follows",
                v.errors().get(0).message());
        String wide = "x + ".repeat(50_000) + "}";
        assertEquals("`}` at 100000 closes nothing", Validator.validate(wide).errors().get(0).message());
        // The deepest accepted nesting parses even on a thread with a small stack.
        String deepest = "x ^ { \\left ( \\frac { ".repeat(33) + "y" + " } { z } \\right ) }".repeat(33);
        Thread small = new Thread(null, () -> assertTrue(Validator.validate(deepest).isValid()), "small", 256 * 1024);
        List<Throwable> failures = new ArrayList<>();
        small.setUncaughtExceptionHandler((t, e) -> failures.add(e));
        small.start();
        small.join();
        assertEquals(List.of(), failures);
    }

    /** Checks the invariants on one input, as tokens and as a string; whether it was valid. */
    private static boolean check(TokenSequence tokens) {
        Validation v = Validator.validate(tokens);
        assertEquals(tokens, v.tokens());
        assertEquals(GrammarOracle.isValid(tokens), v.isValid(),
                () -> "the oracle reading of GRAMMAR.md disagrees on " + tokens + " -> " + v.errors());
        if (v.isValid()) {
            // The writer puts a subscript first, so compare the tokens as multisets.
            TokenSequence written = TreeWriter.write(v.tree().orElseThrow());
            assertEquals(tokens.tokens().stream().sorted().toList(), written.tokens().stream().sorted().toList(),
                    () -> "a tree keeps every token: " + tokens);
            assertTrue(Validator.validate(written).isValid(), written::toString);
        } else {
            String source = tokens.toString();
            for (SyntaxError e : v.errors()) {
                assertTrue(e.tokenIndex() <= tokens.size(), e::toString);
                assertTrue(e.end() <= source.length(), e::toString);
                assertFalse(e.message().contains("is not expected here"), () -> tokens + " -> " + e);
            }
        }
        Validation fromString = Validator.validate(tokens.toString());
        assertEquals(v.isValid(), fromString.isValid(), tokens::toString);
        assertEquals(v.errors().stream().map(SyntaxError::message).toList(),
                fromString.errors().stream().map(SyntaxError::message).toList(), tokens::toString);
        return v.isValid();
    }

    private static void mutate(List<String> tokens, Random random) {
        int at = tokens.isEmpty() ? 0 : random.nextInt(tokens.size());
        switch (tokens.isEmpty() ? 0 : random.nextInt(4)) {
            case 0 -> tokens.add(at, POOL.get(random.nextInt(POOL.size())));
            case 1 -> tokens.remove(at);
            case 2 -> tokens.set(at, POOL.get(random.nextInt(POOL.size())));
            default -> {
                if (at + 1 < tokens.size()) {
                    tokens.set(at, tokens.set(at + 1, tokens.get(at)));
                }
            }
        }
    }

    /** Random trees of the language, built by the rules of GRAMMAR.md; positions are left 0. */
    private static final class TreeGenerator {
        private static final List<String> DELIMITERS = List.of("(", ")", "[", "]", "\\{", "\\}", "|", ".");
        private static final List<String> SYMBOLS = List.of("x", "2", "+", "(", ")", "[", "]", "\\alpha", "\\{", "=");
        private final Random random;

        TreeGenerator(Random random) {
            this.random = random;
        }

        /** A row; {@code inIndex} when it lies in a root index without braces around it. */
        MathNode.Row row(boolean inIndex, int depth) {
            List<MathNode> items = new ArrayList<>();
            for (int n = random.nextInt(depth <= 0 ? 2 : 4); n > 0; n--) {
                MathNode atom = atom(inIndex, depth - 1);
                items.add(switch (random.nextInt(6)) {
                    case 0 -> new MathNode.Scripts(atom, Optional.of(argument(inIndex, depth - 1)), Optional.empty(), 0);
                    case 1 -> new MathNode.Scripts(atom, Optional.empty(), Optional.of(argument(inIndex, depth - 1)), 0);
                    case 2 -> new MathNode.Scripts(atom, Optional.of(argument(inIndex, depth - 1)),
                            Optional.of(argument(inIndex, depth - 1)), 0);
                    default -> atom;
                });
            }
            return new MathNode.Row(items, 0);
        }

        private MathNode atom(boolean inIndex, int depth) {
            int choice = depth <= 0 ? random.nextInt(3) : random.nextInt(8);
            return switch (choice) {
                case 0 -> symbol(inIndex, true);
                case 1 -> new MathNode.Symbol("\\sin", 0);
                case 2 -> new MathNode.BigOperator("\\sum", random.nextBoolean(), 0);
                case 3 -> new MathNode.Group(row(false, depth), 0);
                case 4 -> new MathNode.Fraction(argument(inIndex, depth), argument(inIndex, depth), 0);
                case 5 -> root(inIndex, depth);
                case 6 -> new MathNode.Delimited(delimiter(inIndex), row(inIndex, depth), delimiter(inIndex), 0);
                default -> environment(inIndex, depth);
            };
        }

        private MathNode root(boolean inIndex, int depth) {
            if (!inIndex && random.nextBoolean()) {
                return new MathNode.Root(Optional.of(row(true, depth)), argument(false, depth), 0);
            }
            // Without an index the radicand cannot be [, and inside an index not ] either.
            MathNode radicand = argument(inIndex, depth);
            while (radicand instanceof MathNode.Symbol s && (s.token().equals("[") || s.token().equals("]") && inIndex)) {
                radicand = argument(inIndex, depth);
            }
            return new MathNode.Root(Optional.empty(), radicand, 0);
        }

        private MathNode environment(boolean inIndex, int depth) {
            String name = List.of("matrix", "pmatrix", "bmatrix", "cases", "array").get(random.nextInt(5));
            List<List<MathNode.Row>> rows = new ArrayList<>();
            for (int r = 1 + random.nextInt(2); r > 0; r--) {
                List<MathNode.Row> cells = new ArrayList<>();
                for (int c = 1 + random.nextInt(2); c > 0; c--) {
                    cells.add(row(inIndex, depth - 1));
                }
                rows.add(cells);
            }
            return new MathNode.Environment(name, name.equals("array") ? "c|c" : "", rows, 0);
        }

        private MathNode argument(boolean inIndex, int depth) {
            return switch (depth <= 0 ? 1 + random.nextInt(2) : random.nextInt(3)) {
                case 0 -> new MathNode.Group(row(false, depth), 0);
                case 1 -> symbol(inIndex, true);
                default -> new MathNode.Symbol("\\cos", 0);
            };
        }

        private MathNode.Symbol symbol(boolean inIndex, boolean any) {
            String s;
            do {
                s = SYMBOLS.get(random.nextInt(SYMBOLS.size()));
            } while (inIndex && s.equals("]") && any);
            return new MathNode.Symbol(s, 0);
        }

        private String delimiter(boolean inIndex) {
            String d;
            do {
                d = DELIMITERS.get(random.nextInt(DELIMITERS.size()));
            } while (inIndex && d.equals("]"));
            return d;
        }
    }
}
