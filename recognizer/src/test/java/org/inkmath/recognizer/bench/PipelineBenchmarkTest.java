package org.inkmath.recognizer.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import org.inkmath.latex.Vocabulary;
import org.inkmath.recognizer.image.InkRasterizer;
import org.inkmath.recognizer.image.RasterStyle;
import org.inkmath.recognizer.ink.CrohmeData;
import org.inkmath.recognizer.train.Augmentation;
import org.inkmath.recognizer.train.Batch;
import org.inkmath.recognizer.train.BatchRules;
import org.inkmath.recognizer.train.CrohmeDatasets;
import org.inkmath.recognizer.train.DataPipeline;
import org.inkmath.recognizer.train.Sample;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Expressions rasterised, and rasterised plus batched, per second on the calling thread (run it
 * pinned to one core: {@code taskset -c 0 mvn -B -o -Pbenchmarks test -pl recognizer -am}).
 * Data: the 986 CROHME 2014 test expressions as ink.
 */
@Tag("benchmark")
class PipelineBenchmarkTest {

    @Test
    void rasteriseAndBatch() throws Exception {
        List<Sample> samples = CrohmeDatasets.test2014Ink(CrohmeData.dir()).samples();
        // warm-up: one pass, so the JIT has compiled the hot loops
        for (Sample s : samples) {
            InkRasterizer.render(((Sample.InkSource) s.source()).ink());
        }
        int rounds = 3;
        long t0 = System.nanoTime();
        long pixels = 0;
        for (int r = 0; r < rounds; r++) {
            for (Sample s : samples) {
                pixels += InkRasterizer.render(((Sample.InkSource) s.source()).ink()).width();
            }
        }
        double renderRate = rounds * samples.size() / ((System.nanoTime() - t0) / 1e9);

        DataPipeline pipe = new DataPipeline(samples, Vocabulary.crohme(), RasterStyle.crohme(),
                Augmentation.comerWithInkJitter(), BatchRules.comer(), 1, true);
        long t1 = System.nanoTime();
        int expressions = 0, batches = 0;
        for (int epoch = 0; epoch < rounds; epoch++) {
            Iterator<Batch> it = pipe.epoch(epoch);
            while (it.hasNext()) {
                expressions += it.next().size();
                batches++;
            }
        }
        double secs = (System.nanoTime() - t1) / 1e9;
        System.out.printf("rasterise: %.0f expressions/s; rasterise+augment+batch: %.0f expressions/s, %.0f batches/s%n",
                renderRate, expressions / secs, batches / secs);
        assertTrue(pixels > 0 && expressions == rounds * samples.size());
    }
}
