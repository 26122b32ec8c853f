package org.inkmath.recognizer.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.inkmath.latex.Vocabulary;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.image.RasterStyle;

/**
 * Samples to batches, one epoch at a time, reproducibly. For epoch e, each sample i gets its own
 * augmentation draws from (seed, e, i); the samples are sorted by the size of their prepared
 * image and cut greedily into batches under {@link BatchRules} (comer.md: by area, at most 8
 * images and 320,000 padded pixels); the order of the batches is shuffled with (seed, e) when asked. Sizes
 * are planned without drawing ({@link SamplePreparer#predictSize}); when the drawn images turn out
 * a pixel larger and break a limit, the batch is split, so every batch keeps the rules.
 * Example:
 * <pre>{@code
 * DataPipeline pipe = new DataPipeline(samples, Vocabulary.crohme(), RasterStyle.crohme(),
 *         Augmentation.comer(), BatchRules.comer(), 42, true);
 * try (BatchLoader loader = pipe.loader(epoch, 16)) {    // renders ahead on a worker thread
 *     while (loader.hasNext()) { Batch b = loader.next(); ... }
 * }
 * }</pre>
 */
public final class DataPipeline {

    private final List<Sample> samples;
    private final List<int[]> ids;
    private final SamplePreparer preparer;
    private final BatchRules rules;
    private final long seed;
    private final boolean shuffleBatches;

    /** Fails naming the sample whose caption has a token outside the vocabulary. */
    public DataPipeline(List<Sample> samples, Vocabulary vocabulary, RasterStyle style, Augmentation augmentation,
                        BatchRules rules, long seed, boolean shuffleBatches) {
        this(samples, vocabulary, new SamplePreparer(style, augmentation), rules, seed, shuffleBatches);
    }

    /** As above, with samples made by {@code preparer} (for instance at a model's input scale). */
    public DataPipeline(List<Sample> samples, Vocabulary vocabulary, SamplePreparer preparer, BatchRules rules,
                        long seed, boolean shuffleBatches) {
        this.samples = List.copyOf(samples);
        List<int[]> encoded = new ArrayList<>(samples.size());
        for (Sample s : this.samples) {
            try {
                encoded.add(vocabulary.encode(s.caption()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(s.name() + ": " + e.getMessage(), e);
            }
        }
        this.ids = List.copyOf(encoded);
        this.preparer = preparer;
        this.rules = rules;
        this.seed = seed;
        this.shuffleBatches = shuffleBatches;
    }

    public List<Sample> samples() {
        return samples;
    }

    /** This epoch's augmentation draw for sample {@code index}. */
    public SamplePreparer.Draw draw(int epoch, int index) {
        return preparer.draw(SamplePreparer.random(seed, epoch, index));
    }

    /** The batches of an epoch as lists of sample indices, before drawing. */
    public List<List<Integer>> plan(int epoch) {
        List<int[]> sizes = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            sizes.add(preparer.predictSize(samples.get(i), draw(epoch, i)));
        }
        List<List<Integer>> batches = new ArrayList<>(rules.cut(sizes));
        if (shuffleBatches) {
            Collections.shuffle(batches, new Random(seed * 31 + epoch));
        }
        return List.copyOf(batches);
    }

    /** Draws the samples of one planned batch; one batch, or more when the real sizes broke a limit. */
    public List<Batch> build(int epoch, List<Integer> indices) {
        List<GrayImage> images = new ArrayList<>(indices.size());
        for (int i : indices) {
            images.add(preparer.prepare(samples.get(i), draw(epoch, i)));
        }
        List<Batch> out = new ArrayList<>(1);
        assemble(indices, images, out);
        return out;
    }

    private void assemble(List<Integer> indices, List<GrayImage> images, List<Batch> out) {
        int h = 0, w = 0;
        for (GrayImage g : images) {
            h = Math.max(h, g.height());
            w = Math.max(w, g.width());
        }
        if (indices.size() > 1 && !rules.allows(indices.size(), h, w)) {
            int half = indices.size() / 2;
            assemble(indices.subList(0, half), images.subList(0, half), out);
            assemble(indices.subList(half, indices.size()), images.subList(half, images.size()), out);
            return;
        }
        List<String> names = new ArrayList<>(indices.size());
        List<int[]> captions = new ArrayList<>(indices.size());
        for (int i : indices) {
            names.add(samples.get(i).name());
            captions.add(ids.get(i));
        }
        out.add(Batch.of(names, images, captions));
    }

    /** The batches of an epoch, drawn on the caller's thread as it iterates. */
    public Iterator<Batch> epoch(int epoch) {
        List<List<Integer>> plan = plan(epoch);
        return new Iterator<>() {
            private int next;
            private final java.util.ArrayDeque<Batch> ready = new java.util.ArrayDeque<>();

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && next < plan.size()) {
                    ready.addAll(build(epoch, plan.get(next++)));
                }
                return !ready.isEmpty();
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }

    /** The batches of an epoch, drawn ahead on a worker thread into a queue of {@code capacity} batches. */
    public BatchLoader loader(int epoch, int capacity) {
        return new BatchLoader(epoch(epoch), capacity);
    }
}
