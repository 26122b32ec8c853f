package org.inkmath.latex.grammar;

import org.inkmath.latex.CrohmeCaptions;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.inkmath.latex.TokenSequence;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How fast the validator runs over all 9,821 CROHME captions, as token sequences (what the
 * recognizer hands it) and as LaTeX strings (lexing included), after a warm-up.
 * Run: {@code mvn -B -o -Pbenchmarks test -pl latex-grammar -Dtest=ValidatorBenchmark}.
 */
@Tag("benchmark")
class ValidatorBenchmark {

    private static final int WARM_UP_ROUNDS = 10;
    private static final int MEASURED_ROUNDS = 20;

    @Test
    void validationSpeedOnAllCaptions() throws IOException {
        List<TokenSequence> captions = CrohmeCaptions.tokens();
        List<String> strings = captions.stream().map(TokenSequence::toString).toList();
        long tokens = captions.stream().mapToLong(TokenSequence::size).sum();
        measure("token sequences", captions, c -> Validator.validate(c).isValid(), tokens, captions.size());
        measure("LaTeX strings", strings, s -> Validator.validate(s).isValid(), tokens, captions.size());
        List<TokenSequence> edited = edited(captions);
        long validEdited = edited.stream().filter(c -> Validator.validate(c).isValid()).count();
        measure("captions with one token deleted (" + (edited.size() - validEdited) + " invalid)", edited,
                c -> Validator.validate(c).isValid(), edited.stream().mapToLong(TokenSequence::size).sum(), validEdited);
    }

    /** Each caption with its middle token deleted: mostly invalid, as an untrained recognizer's output is. */
    private static List<TokenSequence> edited(List<TokenSequence> captions) {
        return captions.stream().map(c -> {
            List<String> tokens = new ArrayList<>(c.tokens());
            tokens.remove(tokens.size() / 2);
            return new TokenSequence(tokens);
        }).toList();
    }

    private static <T> void measure(String what, List<T> inputs, Predicate<T> validate, long tokens, long valid) {
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            assertEquals(valid, inputs.stream().filter(validate).count());
        }
        double[] seconds = new double[MEASURED_ROUNDS];
        for (int round = 0; round < MEASURED_ROUNDS; round++) {
            long start = System.nanoTime();
            assertEquals(valid, inputs.stream().filter(validate).count());
            seconds[round] = (System.nanoTime() - start) / 1e9;
        }
        // The median round, and the best one, which other load on a shared machine disturbs least.
        Arrays.sort(seconds);
        double median = seconds[MEASURED_ROUNDS / 2];
        double best = seconds[0];
        System.out.printf(Locale.ROOT, "validator, %s: %d formulas, %d rounds: median %.1f us per formula"
                        + " (%.0f formulas/s, %.2f M tokens/s), best round %.1f us per formula (one thread)%n",
                what, inputs.size(), MEASURED_ROUNDS, median / inputs.size() * 1e6, inputs.size() / median,
                tokens / median / 1e6, best / inputs.size() * 1e6);
    }
}
