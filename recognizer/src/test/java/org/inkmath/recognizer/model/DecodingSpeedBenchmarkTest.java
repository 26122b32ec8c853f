package org.inkmath.recognizer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.inkmath.latex.Vocabulary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Inference cost of the named configurations on one image of the median CROHME 2014 size
 * (94 x 256; random ink, which does not change the cost): encoding, and one step of the step
 * decoder for 20 rows (a bidirectional beam of 10 + 10) averaged over 40 steps, so a step sees
 * prefixes of 1 to 40 tokens. Run: {@code mvn -B -o -Pbenchmarks test -pl recognizer -am
 * -Dtest=DecodingSpeedBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class DecodingSpeedBenchmarkTest {

    private static final int ROUNDS = 5;
    private static final int STEPS = 40;
    private static final int ROWS = 20;

    @Test
    void encodeAndStepTimes() {
        String[] names = {"reference", "compact", "compact-small-input"};
        System.out.println("| configuration | input (h x w) | encode ms (median) | ms per step, 20 rows (median) |");
        System.out.println("| --- | --- | ---: | ---: |");
        for (String name : names) {
            ModelConfig config = ModelConfig.named(name);
            int h = (int) Math.round(94 * config.inputScale());
            int w = (int) Math.round(256 * config.inputScale());
            ImageBatch image = TinyModels.batch(h, w, new float[][] {TinyModels.randomImage(new Random(2), h, w)},
                    new int[][] {{h, w}});
            double[] encode = new double[ROUNDS];
            double[] step = new double[ROUNDS];
            try (ComerModel model = ComerModel.create(config, Vocabulary.crohme(), 1)) {
                for (int r = -1; r < ROUNDS; r++) { // round -1 warms up
                    long t0 = System.nanoTime();
                    try (StepDecoder decoder = model.startDecoding(image, new int[ROWS])) {
                        long t1 = System.nanoTime();
                        int[] tokens = new int[ROWS];
                        Arrays.fill(tokens, Vocabulary.SOS);
                        for (int s = 0; s < STEPS; s++) {
                            float[][] lp = decoder.step(tokens);
                            assertEquals(ROWS, lp.length);
                            Arrays.fill(tokens, 3 + s % 100);
                        }
                        long t2 = System.nanoTime();
                        if (r >= 0) {
                            encode[r] = (t1 - t0) / 1e6;
                            step[r] = (t2 - t1) / 1e6 / STEPS;
                        }
                    }
                }
            }
            Arrays.sort(encode);
            Arrays.sort(step);
            System.out.printf("| %s | %d x %d | %.0f | %.1f |%n", name, h, w, encode[ROUNDS / 2], step[ROUNDS / 2]);
        }
    }
}
