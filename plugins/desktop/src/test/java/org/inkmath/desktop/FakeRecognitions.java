package org.inkmath.desktop;

import java.util.Arrays;
import java.util.List;
import org.inkmath.recognizer.Recognition;

/** Recognitions made up for tests of the pad's logic (no model involved). */
final class FakeRecognitions {

    private FakeRecognitions() {
    }

    /** A result whose best formula is {@code best}, with the others as further alternatives. */
    static Recognition of(String best, String... others) {
        List<String> tokens = Arrays.asList(best.split(" "));
        List<Recognition.Alternative> alternatives = new java.util.ArrayList<>();
        alternatives.add(new Recognition.Alternative(best, -0.1, false));
        for (int i = 0; i < others.length; i++) {
            alternatives.add(new Recognition.Alternative(others[i], -0.2 - i, false));
        }
        return new Recognition(best, tokens, -0.1, 0.9, tokens.stream().map(t -> 0.9).toList(), true, false,
                alternatives, null, new Recognition.Timings(1, 2, 3, 4, 10));
    }
}
