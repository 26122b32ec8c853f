package org.inkmath.recognizer.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;
import org.inkmath.latex.Vocabulary;
import org.inkmath.recognizer.decode.GreedyDecoder;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.image.RasterStyle;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.ImageBatch;

/**
 * The expression rate of greedy decoding on a fixed set of samples (CROHME 2014 in training):
 * the share of images whose decoded token ids equal the caption's exactly. Images are prepared
 * once, without augmentation, and decoded in batches of similar size under the batch rules.
 * Example: {@code new Validation(samples, Vocabulary.crohme(), BatchRules.comer()).expressionRate(model, 200, () -> { })}.
 */
public final class Validation {

    private final List<Sample> samples;
    private final List<List<Integer>> batches = new ArrayList<>();
    private final List<GrayImage> images = new ArrayList<>();
    private final List<int[]> truth = new ArrayList<>();

    public Validation(List<Sample> samples, Vocabulary vocabulary, BatchRules rules) {
        this.samples = List.copyOf(samples);
        SamplePreparer preparer = new SamplePreparer(RasterStyle.crohme(), Augmentation.none());
        for (Sample s : this.samples) {
            images.add(preparer.prepare(s, SamplePreparer.Draw.IDENTITY));
            try {
                truth.add(vocabulary.encode(s.caption()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(s.name() + ": " + e.getMessage(), e);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> (long) images.get(i).height() * images.get(i).width())
                .thenComparingInt(i -> i));
        List<Integer> current = new ArrayList<>();
        int h = 0, w = 0;
        for (int i : order) {
            int nh = Math.max(h, images.get(i).height()), nw = Math.max(w, images.get(i).width());
            if (!current.isEmpty() && !rules.allows(current.size() + 1, nh, nw)) {
                batches.add(List.copyOf(current));
                current.clear();
                nh = images.get(i).height();
                nw = images.get(i).width();
            }
            current.add(i);
            h = nh;
            w = nw;
        }
        if (!current.isEmpty()) {
            batches.add(List.copyOf(current));
        }
    }

    public int size() {
        return samples.size();
    }

    public List<Sample> samples() {
        return samples;
    }

    /** Decodes every image greedily; {@code imageDone} runs after each image. */
    public double expressionRate(ComerModel model, int maxLength, Runnable imageDone) {
        return expressionRate(model, maxLength, imageDone, () -> false).orElseThrow();
    }

    /**
     * As {@link #expressionRate(ComerModel, int, Runnable)}, checking {@code stop} between
     * batches: empty when it said stop before the end.
     */
    public OptionalDouble expressionRate(ComerModel model, int maxLength, Runnable imageDone, BooleanSupplier stop) {
        if (samples.isEmpty()) {
            return OptionalDouble.of(0);
        }
        int correct = 0;
        for (List<Integer> batch : batches) {
            if (stop.getAsBoolean()) {
                return OptionalDouble.empty();
            }
            List<GrayImage> group = new ArrayList<>(batch.size());
            for (int i : batch) {
                group.add(images.get(i));
            }
            List<GreedyDecoder.Result> results = GreedyDecoder.decode(model, ImageBatch.of(group), maxLength);
            for (int k = 0; k < batch.size(); k++) {
                if (Arrays.equals(results.get(k).tokens(), truth.get(batch.get(k)))) {
                    correct++;
                }
                imageDone.run();
            }
        }
        return OptionalDouble.of((double) correct / samples.size());
    }
}
