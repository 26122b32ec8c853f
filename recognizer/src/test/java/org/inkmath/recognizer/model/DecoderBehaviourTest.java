package org.inkmath.recognizer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.inkmath.latex.Vocabulary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DecoderBehaviourTest {

    private static ComerModel model;
    private static float[] imageA;
    private static float[] imageB;

    @BeforeAll
    static void setUp() {
        model = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 11);
        Random random = new Random(3);
        imageA = TinyModels.randomImage(random, 37, 53);
        imageB = TinyModels.randomImage(random, 50, 70);
    }

    @AfterAll
    static void tearDown() {
        model.close();
    }

    private static ImageBatch both() {
        return TinyModels.batch(50, 70, new float[][] {imageA, imageB}, new int[][] {{37, 53}, {50, 70}});
    }

    private static final int[][] TARGETS = {
        {Vocabulary.SOS, 10, 20, 30, 40, 50, 60},
        {Vocabulary.EOS, 11, 21, 31, 41, 51, 61},
        {Vocabulary.SOS, 12, 12, 90, 3, 4, 5},
        {Vocabulary.EOS, 7, 8, 9, 10, 11, 12},
    };

    @Test
    void stepwiseDecodingGivesTheLogProbabilitiesOfTheWholePrefix() {
        ImageBatch images = both();
        float[][][] full = model.logProbabilities(images, TARGETS); // rows 0,2 read image 0; 1,3 image 1
        try (StepDecoder decoder = model.startDecoding(images, new int[] {0, 1, 0, 1})) {
            for (int t = 0; t < TARGETS[0].length; t++) {
                int[] tokens = new int[4];
                for (int r = 0; r < 4; r++) {
                    tokens[r] = TARGETS[r][t];
                }
                float[][] step = decoder.step(tokens);
                for (int r = 0; r < 4; r++) {
                    assertArrayEquals(full[r][t], step[r], 2e-5f, "row " + r + " step " + t);
                }
            }
        }
    }

    @Test
    void reorderingRowsKeepsEachHypothesisCacheAndCoverage() {
        ImageBatch images = both();
        float[][][] full = model.logProbabilities(images, TARGETS);
        try (StepDecoder decoder = model.startDecoding(images, new int[] {0, 1, 0, 1})) {
            for (int t = 0; t < 3; t++) {
                decoder.step(new int[] {TARGETS[0][t], TARGETS[1][t], TARGETS[2][t], TARGETS[3][t]});
            }
            int[] order = {3, 0, 0};
            decoder.reorder(order);
            assertEquals(3, decoder.rows());
            for (int t = 3; t < TARGETS[0].length; t++) {
                int[] tokens = new int[order.length];
                for (int r = 0; r < order.length; r++) {
                    tokens[r] = TARGETS[order[r]][t];
                }
                float[][] step = decoder.step(tokens);
                for (int r = 0; r < order.length; r++) {
                    assertArrayEquals(full[order[r]][t], step[r], 2e-5f, "row " + r + " step " + t);
                }
            }
        }
    }

    @Test
    void theSameImagePaddedDifferentlyGivesTheSameOutputs() {
        ImageBatch alone = TinyModels.batch(37, 53, new float[][] {imageA}, new int[][] {{37, 53}});
        ImageBatch padded = both();
        int[][] targets = {TARGETS[0], TARGETS[1]};
        float[][][] a = model.logProbabilities(alone, new int[][] {TARGETS[0]});
        float[][][] b = model.logProbabilities(padded, targets);
        for (int t = 0; t < a[0].length; t++) {
            assertArrayEquals(a[0][t], b[0][t], 1e-4f, "step " + t);
        }
        // and a reference-style encoder (padding leaks into border cells) is not invariant
        try (ComerModel leaky = ComerModel.create(ModelConfig.tiny().withMaskedEncoder(false), Vocabulary.crohme(), 11)) {
            float[][][] la = leaky.logProbabilities(alone, new int[][] {TARGETS[0]});
            float[][][] lb = leaky.logProbabilities(padded, targets);
            assertTrue(maxDifference(la[0], lb[0]) > 1e-4, "padding should change the unmasked encoder's output");
        }
    }

    @Test
    void changingALaterTokenLeavesEarlierOutputsAlone() {
        ImageBatch images = both();
        int[][] changed = new int[][] {TARGETS[0].clone(), TARGETS[1]};
        changed[0][4] = 99;
        float[][][] before = model.logProbabilities(images, new int[][] {TARGETS[0], TARGETS[1]});
        float[][][] after = model.logProbabilities(images, changed);
        for (int t = 0; t < 4; t++) {
            assertArrayEquals(before[0][t], after[0][t], 1e-6f, "position " + t + " sees a later token");
        }
        assertTrue(maxDifference(new float[][] {before[0][4]}, new float[][] {after[0][4]}) > 1e-4);
        for (int t = 0; t < 7; t++) {
            assertArrayEquals(before[1][t], after[1][t], 1e-6f, "another row changed");
        }
    }

    @Test
    void rowsOfDifferentLengthsGetWhatEachGetsAlone() {
        ImageBatch images = both();
        int[][] ragged = {{Vocabulary.SOS, 10, 20, 30}, TARGETS[1]};
        float[][][] together = model.logProbabilities(images, ragged);
        assertEquals(4, together[0].length);
        assertEquals(7, together[1].length);
        ImageBatch first = TinyModels.batch(50, 70, new float[][] {imageA}, new int[][] {{37, 53}});
        float[][][] alone = model.logProbabilities(first, new int[][] {ragged[0]});
        for (int t = 0; t < 4; t++) {
            assertArrayEquals(alone[0][t], together[0][t], 1e-5f);
        }
        // explicit <pad> tokens in the input are never attended to either
        float[][][] padded = model.logProbabilities(images, new int[][] {{Vocabulary.SOS, 10, 20, 30, 0, 0, 0}, TARGETS[1]});
        for (int t = 0; t < 4; t++) {
            assertArrayEquals(alone[0][t], padded[0][t], 1e-5f);
        }
    }

    @Test
    void longRequestsRunInChunksOfRowsWithTheSameResult() {
        Random random = new Random(5);
        int[][] targets = new int[10][];
        for (int r = 0; r < targets.length; r++) {
            targets[r] = new int[20 + random.nextInt(40)];
            targets[r][0] = r % 3 == 0 ? Vocabulary.SOS : Vocabulary.EOS;
            for (int i = 1; i < targets[r].length; i++) {
                targets[r][i] = 3 + random.nextInt(110);
            }
        }
        try (EncodedImages encoded = model.encode(both())) {
            float[][][] whole = model.logProbabilities(encoded, targets, Long.MAX_VALUE);
            // a budget of one row's worth: chunks of 2 rows (one per image), 5 passes
            int[] grid = encoded.featureSize();
            float[][][] chunked = model.logProbabilities(encoded, targets, 59L * grid[0] * grid[1]);
            for (int r = 0; r < targets.length; r++) {
                assertEquals(targets[r].length, chunked[r].length);
                for (int t = 0; t < targets[r].length; t++) {
                    assertArrayEquals(whole[r][t], chunked[r][t], 1e-5f, "row " + r + " step " + t);
                }
            }
        }
    }

    @Test
    void badInputsAreRefusedWithAReason() {
        ImageBatch images = both();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.logProbabilities(images, new int[][] {{1, 113}, {1, 5}}));
        assertTrue(e.getMessage().contains("token id 113"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.logProbabilities(images, new int[][] {{1, 5}}));
        try (StepDecoder decoder = model.startDecoding(images, new int[] {1})) {
            assertThrows(IllegalArgumentException.class, () -> decoder.step(new int[] {-1}));
            assertThrows(IllegalArgumentException.class, () -> decoder.step(new int[] {1, 1}));
            assertThrows(IllegalArgumentException.class, () -> decoder.reorder(new int[] {1}));
            assertEquals(1, decoder.step(new int[] {Vocabulary.SOS}).length);
        }
        assertThrows(IllegalArgumentException.class, () -> model.startDecoding(images, new int[] {2}));
        ImageBatch huge = new ImageBatch(1, 1, 5000, new float[5000], new boolean[5000]);
        e = assertThrows(IllegalArgumentException.class, () -> model.logProbabilities(huge, new int[][] {{1}}));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }

    private static double maxDifference(float[][] a, float[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }
}
