package org.inkmath.recognizer.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.EncodedImages;

/**
 * A scorer without a cache: every step re-runs the whole prefix of every row through the decoder,
 * as the reference implementation does. It gives the same log-probabilities as the cached
 * decoder at a cost that grows with the length; kept as the baseline of the decoding benchmark
 * and as a check of the cache. One image; the caller keeps {@code images} open.
 */
final class PrefixRerun implements TokenScorer {

    private final ComerModel model;
    private final EncodedImages images;
    private List<int[]> prefixes = new ArrayList<>();

    PrefixRerun(ComerModel model, EncodedImages images, int rows) {
        if (images.size() != 1) {
            throw new IllegalArgumentException("one image, not " + images.size());
        }
        this.model = model;
        this.images = images;
        for (int r = 0; r < rows; r++) {
            prefixes.add(new int[0]);
        }
    }

    @Override
    public float[][] step(int[] tokens) {
        int[][] targets = new int[tokens.length][];
        for (int r = 0; r < tokens.length; r++) {
            int[] p = Arrays.copyOf(prefixes.get(r), prefixes.get(r).length + 1);
            p[p.length - 1] = tokens[r];
            prefixes.set(r, p);
            targets[r] = p;
        }
        float[][][] all = model.logProbabilities(images, targets);
        float[][] out = new float[tokens.length][];
        for (int r = 0; r < tokens.length; r++) {
            out[r] = all[r][targets[r].length - 1];
        }
        return out;
    }

    @Override
    public void reorder(int[] order) {
        List<int[]> next = new ArrayList<>(order.length);
        for (int r : order) {
            next.add(prefixes.get(r));
        }
        prefixes = next;
    }

    @Override
    public float[][] attention() {
        return null;
    }

    @Override
    public void close() {
    }
}
