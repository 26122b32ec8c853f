package org.inkmath.recognizer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.inkmath.recognizer.model.ModelConfig;
import org.junit.jupiter.api.Test;

class BatchRulesTest {

    /** Formula-like sizes: short lines of any length and tall fractions, all mixed. */
    static List<int[]> sizes(int n) {
        Random r = new Random(11);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new int[] {40 + r.nextInt(200), 60 + r.nextInt(700)});
        }
        return out;
    }

    @Test
    void everyPackingKeepsTheLimitsAndTakesEachImageOnce() {
        List<int[]> sizes = sizes(500);
        sizes.add(new int[] {700, 700}); // over the pixel limit alone: a batch of its own
        for (BatchRules.Packing p : BatchRules.Packing.values()) {
            BatchRules rules = BatchRules.comer().withPacking(p);
            List<List<Integer>> batches = rules.cut(sizes);
            boolean[] seen = new boolean[sizes.size()];
            for (List<Integer> b : batches) {
                assertTrue(b.size() == 1 || BatchRules.paddedPixels(sizes, List.of(b)) <= 320_000, p + ": " + b);
                assertTrue(b.size() <= 8, p + ": " + b);
                for (int i : b) {
                    assertTrue(!seen[i], p + ": image " + i + " twice");
                    seen[i] = true;
                }
            }
            for (int i = 0; i < seen.length; i++) {
                assertTrue(seen[i], p + ": image " + i + " left out");
            }
            assertTrue(batches.contains(List.of(500)), p + ": the oversized image alone");
        }
    }

    @Test
    void packingByHeightPadsFarLessThanByArea() {
        List<int[]> sizes = sizes(2000);
        long real = sizes.stream().mapToLong(s -> (long) s[0] * s[1]).sum();
        List<List<Integer>> byArea = BatchRules.comer().cut(sizes);
        List<List<Integer>> byHeight = BatchRules.comer().withPacking(BatchRules.Packing.HEIGHT).cut(sizes);
        double areaShare = real / (double) BatchRules.paddedPixels(sizes, byArea);
        double heightShare = real / (double) BatchRules.paddedPixels(sizes, byHeight);
        assertTrue(heightShare > 0.9, "height bands: " + heightShare + " of the padded pixels are image");
        assertTrue(heightShare > areaShare + 0.1, "by area " + areaShare + ", by height " + heightShare);
        assertTrue(byHeight.size() < byArea.size(), byHeight.size() + " batches by height, " + byArea.size() + " by area");
    }

    @Test
    void paddedPixelsCountEachBatchAtItsTallestAndWidest() {
        List<int[]> sizes = List.of(new int[] {10, 20}, new int[] {5, 30}, new int[] {7, 7});
        assertEquals(2 * 10 * 30 + 7 * 7, BatchRules.paddedPixels(sizes, List.of(List.of(0, 1), List.of(2))));
    }

    @Test
    void areaPackingSortsByAreaThenIndex() {
        // areas 200, 100, 100, 50: by area 3, then 1 and 2 in index order, then 0; two a batch
        List<int[]> sizes = List.of(new int[] {10, 20}, new int[] {10, 10}, new int[] {5, 20}, new int[] {5, 10});
        assertEquals(List.of(List.of(3, 1), List.of(2, 0)), new BatchRules(2, 10_000).cut(sizes));
        // by height bands of 8 rows: 5 and 5 share a band (widths 10, 20), then the two of height 10
        assertEquals(List.of(List.of(3, 2), List.of(1, 0)),
                new BatchRules(2, 10_000, BatchRules.Packing.HEIGHT).cut(sizes));
    }

    @Test
    void configurationsSavedBeforePackingExistedReadArea() {
        TrainingConfig height = TrainingConfig.comer(ModelConfig.tiny()).withPacking(BatchRules.Packing.HEIGHT);
        assertEquals(height, TrainingConfig.fromJson(height.toJson()));
        String old = height.toJson().replaceAll(",\\s*\"batchPacking\"\\s*:\\s*\"HEIGHT\"", "");
        assertTrue(!old.contains("batchPacking"), old);
        assertEquals(BatchRules.Packing.AREA, TrainingConfig.fromJson(old).batchPacking());
        assertEquals(BatchRules.Packing.AREA, TrainingConfig.comer(ModelConfig.tiny()).batchRules().packing());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.comer(ModelConfig.tiny()).withPacking(null));
    }
}
