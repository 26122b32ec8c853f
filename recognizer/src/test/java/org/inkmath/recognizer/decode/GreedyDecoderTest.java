package org.inkmath.recognizer.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.inkmath.latex.Vocabulary;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.image.RasterStyle;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.EncodedImages;
import org.inkmath.recognizer.model.ImageBatch;
import org.inkmath.recognizer.model.ModelConfig;
import org.inkmath.recognizer.train.Augmentation;
import org.inkmath.recognizer.train.Sample;
import org.inkmath.recognizer.train.SamplePreparer;
import org.inkmath.recognizer.train.TinyRuns;
import org.inkmath.recognizer.train.Trainer;
import org.inkmath.recognizer.train.TrainingConfig;
import org.inkmath.recognizer.train.TrainingListener;
import org.inkmath.recognizer.train.Validation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GreedyDecoderTest {

    @TempDir
    Path temp;

    private static List<GrayImage> images(List<Sample> samples) {
        SamplePreparer p = new SamplePreparer(RasterStyle.crohme(), Augmentation.none());
        List<GrayImage> out = new ArrayList<>();
        for (Sample s : samples) {
            out.add(p.prepare(s, SamplePreparer.Draw.IDENTITY));
        }
        return out;
    }

    @Test
    void eachTokenIsTheMostLikelyGivenThePrefixAndTheScoreIsTheirSum() {
        ImageBatch batch = ImageBatch.of(images(TinyRuns.samples(3)));
        try (ComerModel model = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 5)) {
            List<GreedyDecoder.Result> results = GreedyDecoder.decode(model, batch, 6);
            assertEquals(3, results.size());
            for (int i = 0; i < 3; i++) {
                GreedyDecoder.Result r = results.get(i);
                int[] tokens = r.tokens();
                // teacher-force <sos> + tokens on image i alone and check every choice
                int[] prefix = new int[tokens.length + 1];
                prefix[0] = Vocabulary.SOS;
                System.arraycopy(tokens, 0, prefix, 1, tokens.length);
                ImageBatch one = ImageBatch.of(List.of(images(TinyRuns.samples(3)).get(i)));
                float[][] lp = model.logProbabilities(one, new int[][] {prefix})[0];
                double sum = 0;
                for (int t = 0; t < tokens.length; t++) {
                    assertEquals(tokens[t], GreedyDecoder.bestToken(lp[t]), "token " + t + " of image " + i);
                    sum += lp[t][tokens[t]];
                }
                if (r.finished()) {
                    assertEquals(Vocabulary.EOS, GreedyDecoder.bestToken(lp[tokens.length]));
                    sum += lp[tokens.length][Vocabulary.EOS];
                } else {
                    assertEquals(6, tokens.length, "an unfinished row used the whole length");
                }
                assertEquals(sum, r.logProbability(), 1e-3);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> {
            try (ComerModel model = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 5)) {
                GreedyDecoder.decode(model, batch, 0);
            }
        });
    }

    @Test
    void aModelTrainedToOverfitReadsItsTrainingCaptionsBack() throws Exception {
        List<Sample> samples = TinyRuns.samples(4);
        TrainingConfig config = TrainingConfig.comer(ModelConfig.tiny().withDropout(0, 0)).withSeed(1)
                .withBatches(4, 320_000).withAugmentation(Augmentation.none()).withOptimizer(0.03, 0.9, 0)
                .withValidation(20, 0, 12).withEpochs(200);
        Path out = temp.resolve("overfit");
        double[] rate = {0};
        try (Trainer trainer = Trainer.start(config, samples, samples, out, null)) {
            trainer.run(new Trainer.Session(0, 0), new TrainingListener() {
                @Override
                public void validated(int epoch, Validation.Score score, boolean best) {
                    rate[0] = score.expressionRate();
                    System.out.printf("epoch %d expression rate %.2f%n", epoch, score.expressionRate());
                }
            }, () -> rate[0] == 1.0);
        }
        assertEquals(1.0, rate[0], "greedy expression rate on the 4 training samples");
        try (ComerModel best = ComerModel.load(out.resolve(Trainer.BEST_MODEL_FILE))) {
            List<GreedyDecoder.Result> results = GreedyDecoder.decode(best, ImageBatch.of(images(samples)), 12);
            Decoder decoder = new Decoder(best);
            for (int i = 0; i < samples.size(); i++) {
                int[] caption = Vocabulary.crohme().encode(samples.get(i).caption());
                assertArrayEquals(caption, results.get(i).tokens());
                assertTrue(results.get(i).finished());
                // the beams read it back too, the right-to-left one included
                try (EncodedImages e = best.encode(ImageBatch.of(List.of(images(samples).get(i))))) {
                    for (Decoder.Strategy s : Decoder.Strategy.values()) {
                        for (boolean constrained : new boolean[] {false, true}) {
                            Hypothesis top = decoder.decode(e, s, new BeamSearch.Settings(4, 12, 1.0), constrained,
                                    false).get(0);
                            assertArrayEquals(caption, top.tokens(), s + (constrained ? " constrained" : ""));
                            assertTrue(top.finished());
                        }
                    }
                    try (TokenScorer scorer = TokenScorer.cached(best.startDecoding(e, new int[] {0}))) {
                        Hypothesis rightToLeft = BeamSearch.search(scorer, Direction.RIGHT_TO_LEFT,
                                new BeamSearch.Settings(4, 12, 1.0), null, false).get(0);
                        assertArrayEquals(caption, rightToLeft.tokens(), "right to left, in reading order");
                    }
                }
            }
        }
    }
}
