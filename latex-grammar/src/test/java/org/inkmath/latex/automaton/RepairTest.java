package org.inkmath.latex.automaton;

import org.inkmath.latex.CrohmeCaptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.Vocabulary;
import org.inkmath.latex.automaton.PrefixAutomaton.Mode;
import org.inkmath.latex.automaton.PrefixAutomaton.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RepairTest {

    private static final Vocabulary VOCABULARY = Vocabulary.crohme();
    private static final Repair LATEX = Repair.crohme(Mode.LATEX);
    private static final Repair CANONICAL = Repair.crohme(Mode.CANONICAL);
    /** Tokens that a decoder or a user might produce but that are outside the vocabulary. */
    private static final List<String> OUTSIDE = List.of("\\left", "\\right", "'", "$", "&", "\\\\", "\\alef", "<eos>", "<pad>");

    private static Repair repair(Mode mode) {
        return mode == Mode.LATEX ? LATEX : CANONICAL;
    }

    @ParameterizedTest(name = "{0} [{1}] -> [{2}]")
    @CsvSource(delimiter = ';', value = {
        // valid input comes back unchanged
        "CANONICAL; x ^ { 2 };                 x ^ { 2 };                   0",
        "LATEX;     '';                        '';                          0",
        // a dangling script operator is dropped, not completed with a placeholder
        "CANONICAL; x ^;                       x;                           1",
        "LATEX;     x ^;                       x;                           1",
        "CANONICAL; ^ { 2 };                   { 2 };                       1",
        // braces balance: a missing closer is supplied, an unmatched one deleted
        "CANONICAL; x ^ { 2;                   x ^ { 2 };                   1",
        "CANONICAL; \\frac { a } { b;          \\frac { a } { b };          1",
        "CANONICAL; x } + 1;                   x + 1;                       1",
        "LATEX;     x ^ { 2;                   x ^ { 2 };                   1",
        // an empty group or formula is not canonical: the placeholder fills it
        "CANONICAL; x ^ { };                   x ^ { \\ldots };             1",
        "CANONICAL; x ^ { } +;                 x ^ { \\ldots } +;           1",
        "CANONICAL; '';                        \\ldots;                     1",
        // ... but where deleting one token does as well, deleting wins over inventing one
        "CANONICAL; \\sqrt [ ] { x };          [ ] { x };                   1",
        // fewest edits: deleting one operator beats supplying a whole group
        "CANONICAL; \\frac { a };              { a };                       1",
        "CANONICAL; x ^ 2;                     x 2;                         1",
        "CANONICAL; \\frac { a } { b } { c } ^ ^ { 2 }; \\frac { a } { b } { c } ^ { 2 }; 1",
        // root index: the first ']' ends it
        "CANONICAL; \\sqrt [ 3 { x };          \\sqrt [ 3 ] { x };          1",
        "LATEX;     \\sqrt [ 3 { x };          \\sqrt [ 3 ] { x };          1",
        "CANONICAL; \\sqrt [ \\sqrt [ 3 ] { x } ] { y }; \\sqrt [ [ 3 ] { x } ] { y }; 1",
        // \\limits only after a big operator; double scripts
        "LATEX;     x \\limits ^ 2;            x ^ 2;                       1",
        "LATEX;     x ^ 2 ^ 3;                 x ^ 2 3;                     1",
        // tokens outside the vocabulary are deleted
        "LATEX;     x \\left ( y \\right );    x ( y );                     2",
        "LATEX;     f ' ( x ) $;               f ( x );                     2",
        "CANONICAL; <sos> x <eos>;             x;                           2",
    })
    void repairsByFewestEdits(Mode mode, String input, String expected, int edits) {
        TokenSequence in = TokenSequence.parse(input);
        RepairResult result = repair(mode).repair(in);
        assertEquals(expected, result.repaired().toString(), () -> result.edits().toString());
        assertEquals(edits, result.editCount());
        assertEquals(edits > 0, result.wasRepaired());
        assertValidRepair(mode, in, result);
    }

    @Test
    void editsNameKindPositionAndToken() {
        RepairResult result = CANONICAL.repair(TokenSequence.parse("x ^ { 2"));
        assertEquals(List.of(new RepairEdit(RepairEdit.Kind.INSERT, 4, "}")), result.edits());
        result = CANONICAL.repair(TokenSequence.parse("\\frac { a } { b"));
        assertEquals("[insert '}' at 6]", result.edits().toString(), "the example of the README");
        result = CANONICAL.repair(TokenSequence.parse("x ^"));
        assertEquals(List.of(new RepairEdit(RepairEdit.Kind.DELETE, 1, "^")), result.edits());
        assertEquals("delete '^' at 1", result.edits().get(0).toString());
        assertThrows(IllegalArgumentException.class, () -> new RepairResult(TokenSequence.parse("x"), 2, List.of()));
    }

    @Test
    void placeholderCanBeChosenAndMustBeASymbol() {
        Repair withX = new Repair(PrefixAutomaton.crohme(Mode.CANONICAL), 16, "x");
        assertEquals("x ^ { x }", withX.repair(TokenSequence.parse("x ^ { }")).repaired().toString());
        assertThrows(IllegalArgumentException.class, () -> new Repair(PrefixAutomaton.crohme(Mode.CANONICAL), 16, "{"));
        assertThrows(IllegalArgumentException.class, () -> new Repair(PrefixAutomaton.crohme(Mode.CANONICAL), 16, "\\nope"));
        assertThrows(IllegalArgumentException.class, () -> new Repair(PrefixAutomaton.crohme(Mode.CANONICAL), 0, "x"));
    }

    @Test
    void longGarbageIsRepairedInBoundedTimeAndHugeInputIsRefused() {
        Random random = new Random(3);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            tokens.add(random.nextInt(4) == 0 ? "{" : AutomatonPropertyTest.SMALL_ALPHABET.get(
                    random.nextInt(AutomatonPropertyTest.SMALL_ALPHABET.size())));
        }
        TokenSequence garbage = new TokenSequence(tokens);
        for (Mode mode : Mode.values()) {
            assertValidRepair(mode, garbage, repair(mode).repair(garbage));
        }
        TokenSequence huge = new TokenSequence(Collections.nCopies(Repair.MAX_INPUT_TOKENS + 1, "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LATEX.repair(huge));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }

    /** Mutated captions: the repair is accepted, idempotent, replayable and no costlier than undoing the mutations. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void repairsMutatedCaptions(Mode mode) {
        List<TokenSequence> captions = CrohmeCaptions.tokens();
        Random random = new Random(mode.ordinal() + 7);
        List<String> vocabulary = VOCABULARY.tokens().subList(3, VOCABULARY.size());
        int repaired = 0;
        for (int k = 0; k < 1500; k++) {
            List<String> tokens = new ArrayList<>(captions.get(random.nextInt(captions.size())).tokens());
            int undoCost = 0;
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                int kind = random.nextInt(3);
                if (kind == 0 && !tokens.isEmpty()) {
                    tokens.remove(random.nextInt(tokens.size()));
                    undoCost += 1;
                } else if (kind == 1) {
                    String t = random.nextInt(10) == 0 ? OUTSIDE.get(random.nextInt(OUTSIDE.size()))
                            : vocabulary.get(random.nextInt(vocabulary.size()));
                    tokens.add(random.nextInt(tokens.size() + 1), t);
                    undoCost += 1;
                } else if (tokens.size() >= 2) {
                    int i = random.nextInt(tokens.size() - 1);
                    Collections.swap(tokens, i, i + 1);
                    undoCost += 2;
                }
            }
            TokenSequence input = new TokenSequence(tokens);
            RepairResult result = repair(mode).repair(input);
            assertValidRepair(mode, input, result);
            int bound = undoCost;
            assertTrue(result.editCount() <= bound, () -> input + " took " + result.editCount() + " edits, undoing the mutations " + bound);
            repaired += result.wasRepaired() ? 1 : 0;
        }
        assertTrue(repaired > 400, "most mutations break the formula: " + repaired);
    }

    /** Random sequences over the whole vocabulary and outside tokens. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void repairsRandomSequences(Mode mode) {
        Random random = new Random(mode.ordinal() + 41);
        List<String> vocabulary = VOCABULARY.tokens();
        for (int k = 0; k < 800; k++) {
            List<String> tokens = new ArrayList<>();
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                int pick = random.nextInt(20);
                tokens.add(pick == 0 ? OUTSIDE.get(random.nextInt(OUTSIDE.size()))
                        : pick < 10 ? AutomatonPropertyTest.SMALL_ALPHABET.get(random.nextInt(AutomatonPropertyTest.SMALL_ALPHABET.size()))
                        : vocabulary.get(random.nextInt(vocabulary.size())));
            }
            TokenSequence input = new TokenSequence(tokens);
            assertValidRepair(mode, input, repair(mode).repair(input));
        }
    }

    /**
     * Optimality: on short sequences the edit count equals the distance that an exhaustive
     * breadth-first search over all edit scripts (one token of every class as insertions) finds.
     */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void editCountIsMinimalOnShortSequences(Mode mode) {
        PrefixAutomaton automaton = PrefixAutomaton.crohme(mode);
        List<String> alphabet = List.of("x", "\\sum", "\\limits", "\\frac", "\\sqrt", "{", "}", "^", "_", "[", "]");
        Random random = new Random(mode.ordinal() + 99);
        int compared = 0;
        // More with -Drepair.optimality.cases=4000 (about a minute).
        int cases = Integer.getInteger("repair.optimality.cases", 300);
        for (int k = 0; k < cases; k++) {
            List<String> tokens = new ArrayList<>();
            if (k % 2 == 0) {
                int length = 1 + random.nextInt(5);
                for (int i = 0; i < length; i++) {
                    tokens.add(alphabet.get(random.nextInt(alphabet.size())));
                }
            } else {
                // A valid formula from a random walk, then one to three random edits.
                tokens.addAll(randomFormula(automaton, random, 2 + random.nextInt(6)));
                for (int m = 1 + random.nextInt(3); m > 0; m--) {
                    if (random.nextBoolean() && !tokens.isEmpty()) {
                        tokens.remove(random.nextInt(tokens.size()));
                    } else {
                        tokens.add(random.nextInt(tokens.size() + 1), alphabet.get(random.nextInt(alphabet.size())));
                    }
                }
            }
            TokenSequence input = new TokenSequence(tokens);
            RepairResult result = repair(mode).repair(input);
            int distance = bfsDistance(automaton, tokens, alphabet, 3);
            if (distance >= 0) {
                assertEquals(distance, result.editCount(), () -> mode + " " + input + " -> " + result.repaired() + " " + result.edits());
                compared++;
            } else {
                assertTrue(result.editCount() > 3, () -> "BFS found nothing within 3 edits of " + input + " but the repair did");
            }
        }
        assertTrue(compared > cases * 5 / 6, "most cases must be within reach of the exhaustive search: " + compared);
    }

    /**
     * The fewest insertions and deletions (tokens of {@code alphabet}) that make {@code tokens}
     * accepted, or -1 beyond {@code limit}: breadth-first over all edited sequences, each kept as
     * a string of token ids so that the levels stay cheap.
     */
    private static int bfsDistance(PrefixAutomaton automaton, List<String> tokens, List<String> alphabet, int limit) {
        char[] start = new char[tokens.size()];
        for (int i = 0; i < start.length; i++) {
            start[i] = (char) (int) VOCABULARY.id(tokens.get(i)).orElseThrow();
        }
        char[] letters = new char[alphabet.size()];
        for (int i = 0; i < letters.length; i++) {
            letters[i] = (char) (int) VOCABULARY.id(alphabet.get(i)).orElseThrow();
        }
        String first = new String(start);
        if (automaton.accepts(first.chars().toArray())) {
            return 0;
        }
        List<String> level = List.of(first);
        Set<String> seen = new HashSet<>(level);
        for (int d = 1; d <= limit; d++) {
            List<String> next = new ArrayList<>();
            for (String s : level) {
                for (int i = 0; i <= s.length(); i++) {
                    if (i < s.length()) {
                        String deleted = s.substring(0, i) + s.substring(i + 1);
                        if (seen.add(deleted)) {
                            if (automaton.accepts(deleted.chars().toArray())) {
                                return d;
                            }
                            next.add(deleted);
                        }
                    }
                    for (char t : letters) {
                        String inserted = s.substring(0, i) + t + s.substring(i);
                        if (seen.add(inserted)) {
                            if (automaton.accepts(inserted.chars().toArray())) {
                                return d;
                            }
                            next.add(inserted);
                        }
                    }
                }
            }
            level = next;
        }
        return -1;
    }

    private static List<String> randomFormula(PrefixAutomaton automaton, Random random, int length) {
        State state = automaton.start();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            int[] ids = automaton.allowed(state).ids();
            int id = ids[random.nextInt(ids.length)];
            if (id == Vocabulary.EOS) {
                break;
            }
            state = automaton.advance(state, id);
            tokens.add(VOCABULARY.token(id));
        }
        for (int id : automaton.completion(state)) {
            if (id != Vocabulary.EOS) {
                tokens.add(VOCABULARY.token(id));
            }
        }
        return tokens;
    }

    /** Accepted, idempotent, edit count = edits listed, and replaying the edits on the input gives the output. */
    static void assertValidRepair(Mode mode, TokenSequence input, RepairResult result) {
        PrefixAutomaton automaton = repair(mode).automaton();
        assertTrue(automaton.accepts(result.repaired()),
                () -> input + " -> " + result.repaired() + ": " + automaton.firstProblem(result.repaired()).orElse(""));
        assertEquals(result.edits().size(), result.editCount());
        assertEquals(result.repaired(), replay(input, result.edits()), () -> input + " " + result.edits());
        RepairResult again = repair(mode).repair(result.repaired());
        assertFalse(again.wasRepaired(), "idempotent");
        assertEquals(result.repaired(), again.repaired());
        if (automaton.accepts(input)) {
            assertEquals(input, result.repaired());
            assertEquals(0, result.editCount());
        }
    }

    /** Applies edits by input position: inserts before the input token, then its deletion if any. */
    private static TokenSequence replay(TokenSequence input, List<RepairEdit> edits) {
        List<String> out = new ArrayList<>();
        int e = 0;
        for (int i = 0; i <= input.size(); i++) {
            while (e < edits.size() && edits.get(e).position() == i && edits.get(e).kind() == RepairEdit.Kind.INSERT) {
                out.add(edits.get(e++).token());
            }
            if (i == input.size()) {
                break;
            }
            if (e < edits.size() && edits.get(e).position() == i && edits.get(e).kind() == RepairEdit.Kind.DELETE) {
                assertEquals(input.get(i), edits.get(e++).token(), "a deletion names the token it deletes");
            } else {
                out.add(input.get(i));
            }
        }
        assertEquals(edits.size(), e, "every edit applies, in position order");
        return new TokenSequence(out);
    }
}
