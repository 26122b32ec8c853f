package org.inkmath.recognizer.train;

import java.util.ArrayList;
import java.util.List;
import org.inkmath.latex.CaptionFile;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.model.ModelConfig;

/** Synthetic samples and a tiny configuration for fast trainer tests. */
public final class TinyRuns {

    private static final String[] CAPTIONS = {"x + 1", "a = b", "2 y", "\\frac { 1 } { 2 }", "x ^ { 2 }", "- 3",
        "\\sqrt { z }", "b - a"};

    private TinyRuns() {
    }


    /** The recipe on the tiny model: 2 images a batch, no augmentation, validation every epoch. */
    public static TrainingConfig tinyConfig() {
        return TrainingConfig.comer(ModelConfig.tiny()).withSeed(3).withBatches(2, 320_000).withAugmentation(Augmentation.none())
                .withValidation(1, 0, 12).withEpochs(3).withOptimizer(0.02, 0.9, 1e-4);
    }

    /**
     * {@code count} (at most 8) samples: image k is 32 pixels high with k+1 bright bars (so the
     * images differ in size and content), its caption one of a fixed list.
     */
    public static List<Sample> samples(int count) {
        List<Sample> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int h = 32, w = 48 + 8 * k;
            byte[] px = new byte[h * w];
            for (int bar = 0; bar <= k; bar++) {
                int x0 = 4 + bar * 5;
                for (int y = 4 + (k % 3) * 3; y < h - 4; y++) {
                    for (int x = x0; x < x0 + 3 && x < w; x++) {
                        px[y * w + x] = (byte) 255;
                    }
                }
            }
            out.add(new Sample("synthetic_" + k, new Sample.ImageSource(new GrayImage(w, h, px)),
                    CaptionFile.tokens(CAPTIONS[k])));
        }
        return out;
    }
}
