package org.inkmath.recognizer.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.inkmath.latex.Vocabulary;
import org.inkmath.recognizer.decode.GreedyDecoder;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.image.RasterStyle;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.ImageBatch;

/**
 * Greedy decoding scored on a fixed set of samples (CROHME 2014 in training): the share of
 * images whose decoded token ids equal the caption's exactly, or come within one or two edits. Images are prepared
 * once, without augmentation, and decoded in batches of similar size under the batch rules.
 * Example: {@code new Validation(samples, Vocabulary.crohme(), BatchRules.comer()).score(model, 200, () -> { }).expressionRate()}.
 */
public final class Validation {

    private final List<Sample> samples;
    private final List<List<Integer>> batches = new ArrayList<>();
    private final List<GrayImage> images = new ArrayList<>();
    private final List<int[]> truth = new ArrayList<>();

    public Validation(List<Sample> samples, Vocabulary vocabulary, BatchRules rules) {
        this(samples, vocabulary, rules, 1.0);
    }

    /** For a model whose configuration has this input scale. */
    public Validation(List<Sample> samples, Vocabulary vocabulary, BatchRules rules, double inputScale) {
        this.samples = List.copyOf(samples);
        SamplePreparer preparer = new SamplePreparer(RasterStyle.crohme(), Augmentation.none(), inputScale);
        for (Sample s : this.samples) {
            images.add(preparer.prepare(s, SamplePreparer.Draw.IDENTITY));
            try {
                truth.add(vocabulary.encode(s.caption()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(s.name() + ": " + e.getMessage(), e);
            }
        }
        List<int[]> sizes = new ArrayList<>(images.size());
        for (GrayImage g : images) {
            sizes.add(new int[] {g.height(), g.width()});
        }
        batches.addAll(rules.cut(sizes));
    }

    public int size() {
        return samples.size();
    }

    public List<Sample> samples() {
        return samples;
    }

    /**
     * What a validation measured, each a fraction of the images: decoded exactly, within one token
     * edit, within two. Early in training the exact rate stays at zero for epochs while the edit
     * rates already show progress, so they break its ties when the best model is chosen.
     */
    public record Score(double expressionRate, double withinOneEdit, double withinTwoEdits)
            implements Comparable<Score> {

        /** Orders by expression rate, then within one edit, then within two; NaN counts as lowest. */
        @Override
        public int compareTo(Score o) {
            int c = Double.compare(orLowest(expressionRate), orLowest(o.expressionRate));
            if (c == 0) {
                c = Double.compare(orLowest(withinOneEdit), orLowest(o.withinOneEdit));
            }
            return c != 0 ? c : Double.compare(orLowest(withinTwoEdits), orLowest(o.withinTwoEdits));
        }

        private static double orLowest(double v) {
            return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
        }
    }

    /** Decodes every image greedily; {@code imageDone} runs after each image. */
    public Score score(ComerModel model, int maxLength, Runnable imageDone) {
        return score(model, maxLength, imageDone, () -> false).orElseThrow();
    }

    /**
     * As {@link #score(ComerModel, int, Runnable)}, checking {@code stop} between batches: empty
     * when it said stop before the end.
     */
    public Optional<Score> score(ComerModel model, int maxLength, Runnable imageDone, BooleanSupplier stop) {
        if (samples.isEmpty()) {
            return Optional.of(new Score(0, 0, 0));
        }
        int[] withinEdits = new int[3];
        for (List<Integer> batch : batches) {
            if (stop.getAsBoolean()) {
                return Optional.empty();
            }
            List<GrayImage> group = new ArrayList<>(batch.size());
            for (int i : batch) {
                group.add(images.get(i));
            }
            List<GreedyDecoder.Result> results = GreedyDecoder.decode(model, ImageBatch.of(group), maxLength);
            for (int k = 0; k < batch.size(); k++) {
                int distance = editDistance(results.get(k).tokens(), truth.get(batch.get(k)));
                for (int e = distance; e < withinEdits.length; e++) {
                    withinEdits[e]++;
                }
                imageDone.run();
            }
        }
        double n = samples.size();
        return Optional.of(new Score(withinEdits[0] / n, withinEdits[1] / n, withinEdits[2] / n));
    }

    /** Levenshtein distance between two token id sequences, each edit costing 1. */
    static int editDistance(int[] a, int[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length];
    }
}
