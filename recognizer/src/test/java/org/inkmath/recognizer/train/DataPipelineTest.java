package org.inkmath.recognizer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.Vocabulary;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.image.RasterStyle;
import org.inkmath.recognizer.ink.Ink;
import org.inkmath.recognizer.ink.InkPoint;
import org.inkmath.recognizer.ink.Stroke;
import org.junit.jupiter.api.Test;

class DataPipelineTest {

    /** Scribbles of 1..12 "symbols" in a row, so widths vary; plus two large images. */
    static List<Sample> samples() {
        Random r = new Random(7);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int symbols = 1 + r.nextInt(12);
            List<Stroke> strokes = new ArrayList<>();
            for (int s = 0; s < symbols; s++) {
                List<InkPoint> pts = new ArrayList<>();
                for (int p = 0; p < 8; p++) {
                    pts.add(new InkPoint(s * 120 + r.nextInt(80), r.nextInt(100), p * 10));
                }
                strokes.add(new Stroke(pts));
            }
            out.add(new Sample("ink" + i, new Sample.InkSource(new Ink(strokes)), TokenSequence.parse("x ^ { " + i % 10 + " }")));
        }
        for (int i = 0; i < 2; i++) {
            byte[] px = new byte[200 * 1000];
            px[500] = (byte) 255;
            out.add(new Sample("img" + i, new Sample.ImageSource(new GrayImage(1000, 200, px)), TokenSequence.parse("1")));
        }
        return out;
    }

    static DataPipeline pipeline(long seed, Augmentation aug, boolean shuffle) {
        return new DataPipeline(samples(), Vocabulary.crohme(), RasterStyle.crohme(), aug, BatchRules.comer(), seed, shuffle);
    }

    static List<Batch> all(Iterator<Batch> it) {
        List<Batch> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void batchesKeepTheLimitsAndCoverEverySampleOnce() {
        DataPipeline p = pipeline(1, Augmentation.comerWithInkJitter(), true);
        Set<String> seen = new HashSet<>();
        int images = 0;
        for (Batch b : all(p.epoch(0))) {
            assertTrue(b.size() <= 8, b.toString());
            assertTrue(b.paddedPixels() <= 320_000, b.toString());
            images += b.size();
            seen.addAll(b.names());
            if (b.names().get(0).startsWith("img")) {
                assertEquals(1, b.size(), "two 200x1000 images would pad to 400,000 pixels");
            }
        }
        assertEquals(62, images);
        assertEquals(62, seen.size());
    }

    @Test
    void planIsSortedByAreaWhenNotShuffled() {
        DataPipeline p = pipeline(3, Augmentation.comer(), false);
        SamplePreparer prep = new SamplePreparer(RasterStyle.crohme(), Augmentation.comer());
        long last = -1;
        for (List<Integer> batch : p.plan(0)) {
            for (int i : batch) {
                int[] hw = prep.predictSize(p.samples().get(i), p.draw(0, i));
                long area = (long) hw[0] * hw[1];
                assertTrue(area >= last, "area order");
                last = area;
            }
        }
    }

    @Test
    void aModelsInputScaleShrinksInkAndPicturesAlike() {
        SamplePreparer full = new SamplePreparer(RasterStyle.crohme(), Augmentation.none());
        SamplePreparer small = new SamplePreparer(RasterStyle.crohme(), Augmentation.none(), 0.5);
        List<Sample> all = samples();
        // a wide scribble and a 200 x 1000 picture (within the model's size range at both scales)
        for (Sample sample : List.of(all.stream().filter(x -> x.name().startsWith("ink"))
                .max(java.util.Comparator.comparingInt(x -> full.prepare(x, SamplePreparer.Draw.IDENTITY).width()))
                .orElseThrow(), all.get(60))) {
            GrayImage big = full.prepare(sample, SamplePreparer.Draw.IDENTITY);
            GrayImage half = small.prepare(sample, SamplePreparer.Draw.IDENTITY);
            assertEquals(big.width() / 2.0, half.width(), 3, sample.name() + " width");
            assertEquals(big.height() / 2.0, half.height(), 3, sample.name() + " height");
            int[] predicted = small.predictSize(sample, SamplePreparer.Draw.IDENTITY);
            assertEquals(half.height(), predicted[0], 2, sample.name());
            assertEquals(half.width(), predicted[1], 2, sample.name());
            // the scale multiplies the augmentation's: half of a 1.4 draw is a 0.7 draw
            SamplePreparer.Draw enlarged = new SamplePreparer.Draw(1.4, 0, 0, 1, 1);
            SamplePreparer.Draw reduced = new SamplePreparer.Draw(0.7, 0, 0, 1, 1);
            assertArrayEquals(full.predictSize(sample, reduced), small.predictSize(sample, enlarged));
        }
        assertThrows(IllegalArgumentException.class,
                () -> new SamplePreparer(RasterStyle.crohme(), Augmentation.none(), 0));
    }

    @Test
    void paddingMaskPixelsAndTokens() {
        for (Batch b : all(pipeline(5, Augmentation.none(), false).epoch(0))) {
            float[] px = new float[b.size() * b.height() * b.width()];
            b.pixels().get(px);
            boolean[] mask = b.mask();
            for (int i = 0; i < b.size(); i++) {
                for (int y = 0; y < b.height(); y++) {
                    for (int x = 0; x < b.width(); x++) {
                        int k = (i * b.height() + y) * b.width() + x;
                        boolean padding = y >= b.imageHeight(i) || x >= b.imageWidth(i);
                        assertEquals(padding, mask[k]);
                        assertEquals(padding, b.isPadding(i, y, x));
                        if (padding) {
                            assertEquals(0f, px[k]);
                        }
                        assertTrue(px[k] >= 0f && px[k] <= 1f);
                    }
                }
                int[] tokens = new int[b.maxTokens()];
                b.tokens().get(i * b.maxTokens(), tokens);
                for (int t = 0; t < b.maxTokens(); t++) {
                    assertEquals(t >= b.tokenCount(i), tokens[t] == Vocabulary.PAD);
                }
            }
            assertEquals(b.height(), java.util.stream.IntStream.range(0, b.size()).map(b::imageHeight).max().orElseThrow());
        }
    }

    @Test
    void seededRunsRepeatAndEpochsDiffer() {
        List<Batch> a = all(pipeline(11, Augmentation.comerWithInkJitter(), true).epoch(2));
        List<Batch> b = all(pipeline(11, Augmentation.comerWithInkJitter(), true).epoch(2));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).names(), b.get(i).names());
            assertEquals(a.get(i).pixels(), b.get(i).pixels());
        }
        DataPipeline p = pipeline(11, Augmentation.comerWithInkJitter(), true);
        assertNotEquals(p.draw(2, 0), p.draw(3, 0));
        assertNotEquals(p.plan(2), p.plan(3));
    }

    @Test
    void scaleDrawsAreUniformOverTheRange() {
        DataPipeline p = pipeline(13, Augmentation.comer(), false);
        double min = 9, max = 0, sum = 0;
        int n = 4000;
        for (int i = 0; i < n; i++) {
            double k = p.draw(0, i).scale();
            min = Math.min(min, k);
            max = Math.max(max, k);
            sum += k;
        }
        assertTrue(min >= 0.7 && min < 0.71 && max <= 1.4 && max > 1.39, min + " " + max);
        assertEquals(1.05, sum / n, 0.01);
        SamplePreparer.Draw d = p.draw(0, 1);
        assertEquals(0, d.rotationRad());
        assertEquals(1, d.widthFactor());
    }

    @Test
    void loaderRunsAheadAndGivesTheSameBatches() throws Exception {
        DataPipeline p = pipeline(17, Augmentation.comerWithInkJitter(), true);
        List<Batch> direct = all(p.epoch(1));
        List<Batch> loaded = new ArrayList<>();
        try (BatchLoader loader = p.loader(1, 2)) {
            while (loader.hasNext()) {
                loaded.add(loader.next());
            }
            assertFalse(loader.hasNext());
        }
        assertEquals(direct.size(), loaded.size());
        for (int i = 0; i < direct.size(); i++) {
            assertEquals(direct.get(i).pixels(), loaded.get(i).pixels());
        }
    }

    @Test
    void loaderReportsWorkerFailuresAndCloseStopsIt() {
        Iterator<Batch> failing = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Batch next() {
                throw new IllegalArgumentException("broken sample");
            }
        };
        try (BatchLoader loader = new BatchLoader(failing, 1)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, loader::hasNext);
            assertTrue(e.getMessage().contains("broken sample"));
        }
        BatchLoader endless = new BatchLoader(pipeline(1, Augmentation.none(), false).epoch(0), 1);
        endless.close();
        assertFalse(endless.hasNext());
    }

    @Test
    void captionsOutsideTheVocabularyAreNamed() {
        List<Sample> bad = List.of(new Sample("odd", samples().get(0).source(), TokenSequence.parse("x \\foo")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DataPipeline(bad,
                Vocabulary.crohme(), RasterStyle.crohme(), Augmentation.none(), BatchRules.comer(), 1, false));
        assertTrue(e.getMessage().startsWith("odd: "), e.getMessage());
    }

    @Test
    void batchRulesArithmetic() {
        BatchRules r = BatchRules.comer();
        assertTrue(r.allows(8, 200, 200));
        assertFalse(r.allows(9, 10, 10));
        assertFalse(r.allows(2, 256, 1000));
        assertTrue(r.allows(1, 256, 1024));
        assertArrayEquals(new int[] {0, 1}, new int[] {0, 1});
    }
}
