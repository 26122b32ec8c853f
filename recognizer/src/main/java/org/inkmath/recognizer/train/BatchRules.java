package org.inkmath.recognizer.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How images are cut into batches (comer.md): at most {@code maxImages} images and at most
 * {@code maxPixels} padded pixels (images x largest height x largest width), the images taken in
 * the order of their {@link Packing}. Example: {@code BatchRules.comer().cut(sizes)}.
 */
public record BatchRules(int maxImages, long maxPixels, Packing packing) {

    /** The order in which images are laid into batches; every batch is padded to its largest height and width. */
    public enum Packing {
        /** By area, as the published recipe: images of one area but different shapes share a batch. */
        AREA,
        /**
         * By height in bands of {@value #HEIGHT_BAND} pixels, then by width: neighbours have nearly
         * the same shape, so far fewer padded pixels (BENCHMARKS.md, "Batch packing").
         */
        HEIGHT;

        /** Rows of height that count as one band. */
        public static final int HEIGHT_BAND = 8;

        Comparator<int[]> sizeOrder() {
            return switch (this) {
                case AREA -> Comparator.comparingLong(s -> (long) s[0] * s[1]);
                case HEIGHT -> Comparator.<int[]>comparingInt(s -> s[0] / HEIGHT_BAND).thenComparingInt(s -> s[1]);
            };
        }
    }

    public BatchRules {
        if (maxImages < 1 || maxPixels < 1) {
            throw new IllegalArgumentException("batch limits must be positive: " + maxImages + ", " + maxPixels);
        }
        if (packing == null) {
            throw new IllegalArgumentException("batch rules need a packing");
        }
    }

    /** The limits with the published order, by area. */
    public BatchRules(int maxImages, long maxPixels) {
        this(maxImages, maxPixels, Packing.AREA);
    }

    /** 8 images, 320,000 padded pixels, by area. */
    public static BatchRules comer() {
        return new BatchRules(8, 320_000);
    }

    public BatchRules withPacking(Packing p) {
        return new BatchRules(maxImages, maxPixels, p);
    }

    /** Whether {@code count} images padded to {@code height x width} keep to the limits. */
    public boolean allows(int count, int height, int width) {
        return count <= maxImages && (long) count * height * width <= maxPixels;
    }

    /** Pixels of these batches once each is padded to its tallest and widest image. */
    public static long paddedPixels(List<int[]> sizes, List<List<Integer>> batches) {
        long sum = 0;
        for (List<Integer> b : batches) {
            int h = 0, w = 0;
            for (int i : b) {
                h = Math.max(h, sizes.get(i)[0]);
                w = Math.max(w, sizes.get(i)[1]);
            }
            sum += (long) b.size() * h * w;
        }
        return sum;
    }

    /**
     * Indices of images of the given sizes ({@code {height, width}} each) in batches: sorted by the
     * packing (ties by index, so the cut is reproducible), then cut greedily under the limits. An
     * image larger than the pixel limit gets a batch of its own.
     */
    public List<List<Integer>> cut(List<int[]> sizes) {
        List<Integer> order = new ArrayList<>(sizes.size());
        for (int i = 0; i < sizes.size(); i++) {
            order.add(i);
        }
        Comparator<int[]> bySize = packing.sizeOrder();
        order.sort(Comparator.<Integer, int[]>comparing(sizes::get, bySize).thenComparingInt(i -> i));
        List<List<Integer>> batches = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        int h = 0, w = 0;
        for (int i : order) {
            int nh = Math.max(h, sizes.get(i)[0]), nw = Math.max(w, sizes.get(i)[1]);
            if (!current.isEmpty() && !allows(current.size() + 1, nh, nw)) {
                batches.add(List.copyOf(current));
                current.clear();
                nh = sizes.get(i)[0];
                nw = sizes.get(i)[1];
            }
            current.add(i);
            h = nh;
            w = nw;
        }
        if (!current.isEmpty()) {
            batches.add(List.copyOf(current));
        }
        return batches;
    }
}
