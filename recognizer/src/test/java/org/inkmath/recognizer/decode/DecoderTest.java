package org.inkmath.recognizer.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.inkmath.latex.Vocabulary;
import org.inkmath.latex.automaton.PrefixAutomaton;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.EncodedImages;
import org.inkmath.recognizer.model.ImageBatch;
import org.inkmath.recognizer.model.ModelConfig;
import org.inkmath.recognizer.train.TinyRuns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DecoderTest {

    private static ComerModel model;
    private static Decoder decoder;

    @BeforeAll
    static void tinyModel() {
        model = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 11);
        decoder = new Decoder(model);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** Random stroke-like pictures of different sizes. */
    static List<GrayImage> images(int count, long seed) {
        Random random = new Random(seed);
        List<GrayImage> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int w = 40 + random.nextInt(120), h = 24 + random.nextInt(60);
            byte[] px = new byte[w * h];
            for (int k = 0; k < px.length; k++) {
                px[k] = (byte) (random.nextInt(4) == 0 ? 255 : 0);
            }
            out.add(new GrayImage(w, h, px));
        }
        return out;
    }

    private static EncodedImages encode(GrayImage image) {
        return model.encode(ImageBatch.of(List.of(image)));
    }

    private static BeamSearch.Settings beam(int size, int maxLength) {
        return new BeamSearch.Settings(size, maxLength, 1.0);
    }

    @Test
    void theCachedSearchFindsExactlyWhatReRunningEveryPrefixFinds() {
        for (GrayImage image : images(3, 1)) {
            try (EncodedImages e = encode(image)) {
                for (Decoder.Strategy s : Decoder.Strategy.values()) {
                    List<Hypothesis> cached = decoder.decode(e, s, beam(4, 8), false, false);
                    List<Hypothesis> rerun = decoder.decodeWithoutCache(e, s, beam(4, 8), false);
                    assertEquals(rerun.size(), cached.size(), s.toString());
                    for (int i = 0; i < cached.size(); i++) {
                        assertArrayEquals(rerun.get(i).tokens(), cached.get(i).tokens(), s + " hypothesis " + i);
                        assertEquals(rerun.get(i).score(), cached.get(i).score(), 1e-4, s + " hypothesis " + i);
                    }
                }
            }
        }
    }

    @Test
    void beamsRunInLockstepFindWhatEachFindsAlone() {
        GrammarConstraint l2r = GrammarConstraint.of(Direction.LEFT_TO_RIGHT, model.vocabulary());
        GrammarConstraint r2l = GrammarConstraint.of(Direction.RIGHT_TO_LEFT, model.vocabulary());
        for (GrayImage image : images(3, 8)) {
            try (EncodedImages e = encode(image)) {
                for (boolean constrained : new boolean[] {false, true}) {
                    List<List<Hypothesis>> joint;
                    try (TokenScorer s = TokenScorer.cached(model.startDecoding(e, new int[2]))) {
                        joint = BeamSearch.searchAll(s, List.of(Direction.LEFT_TO_RIGHT, Direction.RIGHT_TO_LEFT),
                                beam(4, 10), List.of(java.util.Optional.ofNullable(constrained ? l2r : null),
                                        java.util.Optional.ofNullable(constrained ? r2l : null)), false);
                    }
                    Direction[] directions = {Direction.LEFT_TO_RIGHT, Direction.RIGHT_TO_LEFT};
                    for (int k = 0; k < 2; k++) {
                        List<Hypothesis> alone;
                        try (TokenScorer s = TokenScorer.cached(model.startDecoding(e, new int[1]))) {
                            alone = BeamSearch.search(s, directions[k], beam(4, 10),
                                    constrained ? (k == 0 ? l2r : r2l) : null, false);
                        }
                        assertEquals(alone.size(), joint.get(k).size());
                        for (int i = 0; i < alone.size(); i++) {
                            assertArrayEquals(alone.get(i).tokens(), joint.get(k).get(i).tokens());
                            assertEquals(alone.get(i).score(), joint.get(k).get(i).score(), 1e-4);
                        }
                    }
                }
            }
        }
    }

    @Test
    void greedyIsTheBatchedGreedyDecoderOneImageAtATime() {
        List<GrayImage> images = images(3, 2);
        List<GreedyDecoder.Result> batched = GreedyDecoder.decode(model, ImageBatch.of(images), 10);
        for (int i = 0; i < images.size(); i++) {
            try (EncodedImages e = encode(images.get(i))) {
                Hypothesis h = decoder.decode(e, Decoder.Strategy.GREEDY, beam(10, 10), false, false).get(0);
                assertArrayEquals(batched.get(i).tokens(), h.tokens(), "image " + i);
                assertEquals(batched.get(i).finished(), h.finished());
                assertEquals(batched.get(i).logProbability(), h.logProbability(), 1e-3);
            }
        }
    }

    @Test
    void scoresAreTeacherForcedLogProbabilitiesOverLength() {
        try (EncodedImages e = encode(images(1, 3).get(0))) {
            for (Hypothesis h : decoder.decode(e, Decoder.Strategy.BEAM, beam(5, 12), false, false)) {
                int[] t = h.tokens();
                int[] in = new int[t.length + 1];
                in[0] = Vocabulary.SOS;
                System.arraycopy(t, 0, in, 1, t.length);
                float[][] lp = model.logProbabilities(e, new int[][] {in})[0];
                double sum = 0;
                for (int k = 0; k < t.length; k++) {
                    assertEquals(lp[k][t[k]], h.tokenLogProbabilities()[k], 1e-4, "token " + k);
                    sum += lp[k][t[k]];
                }
                if (h.finished()) {
                    sum += lp[t.length][Vocabulary.EOS];
                }
                assertEquals(sum, h.logProbability(), 1e-3);
                assertEquals(sum / (t.length + 1), h.score(), 1e-4);
            }
        }
    }

    @Test
    void bidirectionalScoresAddTheOppositeDirectionAndAreRankedBestFirst() {
        try (EncodedImages e = encode(images(1, 4).get(0))) {
            List<Hypothesis> both = decoder.decode(e, Decoder.Strategy.BIDIRECTIONAL, beam(3, 10), false, false);
            assertTrue(both.size() >= 1 && both.size() <= 6, "at most both beams: " + both.size());
            assertTrue(both.stream().anyMatch(h -> h.direction() == Direction.RIGHT_TO_LEFT)
                    || both.size() <= 3, "the right-to-left beam takes part");
            for (int i = 1; i < both.size(); i++) {
                assertTrue(both.get(i - 1).score() >= both.get(i).score(), "ranked");
            }
            Hypothesis top = both.get(0);
            double own = Hypothesis.normalised(top.logProbability(), top.tokens().length, 1.0);
            Direction opposite = top.direction().opposite();
            int[] emitted = opposite.reorder(top.tokens());
            int[] in = new int[emitted.length + 1];
            in[0] = opposite.startToken();
            System.arraycopy(emitted, 0, in, 1, emitted.length);
            float[][] lp = model.logProbabilities(e, new int[][] {in})[0];
            double other = lp[emitted.length][opposite.endToken()];
            for (int k = 0; k < emitted.length; k++) {
                other += lp[k][emitted[k]];
            }
            assertEquals(own + other / (emitted.length + 1), top.score(), 1e-3);
        }
    }

    @Test
    void constrainedOutputIsAlwaysAFormulaEvenFromAnUntrainedModel() {
        PrefixAutomaton canonical = PrefixAutomaton.crohme(PrefixAutomaton.Mode.CANONICAL);
        int finished = 0;
        for (GrayImage image : images(4, 5)) {
            try (EncodedImages e = encode(image)) {
                for (Decoder.Strategy s : Decoder.Strategy.values()) {
                    for (Hypothesis h : decoder.decode(e, s, beam(3, 16), true, false)) {
                        if (h.finished()) {
                            finished++;
                            assertTrue(canonical.accepts(h.tokens()), s + " " + model.vocabulary().decode(h.tokens()));
                        }
                    }
                }
            }
        }
        assertTrue(finished > 0, "some hypotheses finished");
    }

    @Test
    void attentionMapsArePerTokenDistributionsOverTheImageCells() {
        try (EncodedImages e = encode(images(1, 6).get(0))) {
            int cells = e.featureSize()[0] * e.featureSize()[1];
            for (Decoder.Strategy s : Decoder.Strategy.values()) {
                Hypothesis h = decoder.decode(e, s, beam(2, 6), false, true).get(0);
                assertNotNull(h.attention(), s.toString());
                assertEquals(h.tokens().length, h.attention().length);
                for (float[] map : h.attention()) {
                    assertEquals(cells, map.length);
                    float sum = 0;
                    for (float a : map) {
                        assertTrue(a >= 0);
                        sum += a;
                    }
                    assertEquals(1f, sum, 1e-3);
                }
            }
            assertEquals(null, decoder.decode(e, Decoder.Strategy.BEAM, beam(2, 6), false, false).get(0).attention());
        }
    }

    @Test
    void oneImageAtATimeAndSaneSettings() {
        try (EncodedImages two = model.encode(ImageBatch.of(images(2, 7)))) {
            assertThrows(IllegalArgumentException.class,
                    () -> decoder.decode(two, Decoder.Strategy.GREEDY, beam(1, 5), false, false));
        }
        assertThrows(IllegalArgumentException.class, () -> new BeamSearch.Settings(0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new BeamSearch.Settings(5, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new BeamSearch.Settings(5, 10, Double.NaN));
        assertFalse(Direction.LEFT_TO_RIGHT.opposite() == Direction.LEFT_TO_RIGHT);
    }
}
