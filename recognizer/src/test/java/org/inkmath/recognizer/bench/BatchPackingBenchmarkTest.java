package org.inkmath.recognizer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.inkmath.latex.Vocabulary;
import org.inkmath.recognizer.image.RasterStyle;
import org.inkmath.recognizer.ink.CrohmeData;
import org.inkmath.recognizer.train.Augmentation;
import org.inkmath.recognizer.train.BatchRules;
import org.inkmath.recognizer.train.CrohmeDatasets;
import org.inkmath.recognizer.train.DataPipeline;
import org.inkmath.recognizer.train.Sample;
import org.inkmath.recognizer.train.SamplePreparer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How much of a training epoch's batches is padding, for each packing: the CROHME training
 * expressions at the sizes the jitter augmentation draws in epoch 1 of seed 42, cut under the
 * recipe's limits (8 images, 320,000 padded pixels). Counting only, no drawing, no network.
 */
@Tag("benchmark")
class BatchPackingBenchmarkTest {

    @Test
    void paddedPixelsOfAnEpoch() throws Exception {
        List<Sample> samples = CrohmeDatasets.trainInk(CrohmeData.dir()).samples();
        SamplePreparer preparer = new SamplePreparer(RasterStyle.crohme(), Augmentation.comerWithInkJitter(), 1.0);
        DataPipeline pipe = new DataPipeline(samples, Vocabulary.crohme(), preparer, BatchRules.comer(), 42, true);
        List<int[]> sizes = new ArrayList<>(samples.size());
        long image = 0;
        for (int i = 0; i < samples.size(); i++) {
            int[] s = preparer.predictSize(samples.get(i), pipe.draw(1, i));
            sizes.add(s);
            image += (long) s[0] * s[1];
        }
        System.out.printf("%,d training expressions, %,d image pixels%n", samples.size(), image);
        for (BatchRules.Packing p : BatchRules.Packing.values()) {
            List<List<Integer>> batches = BatchRules.comer().withPacking(p).cut(sizes);
            long padded = BatchRules.paddedPixels(sizes, batches);
            int images = batches.stream().mapToInt(List::size).sum();
            assertEquals(samples.size(), images);
            System.out.printf("%-6s %,6d batches  %.2f images a batch  %,d padded pixels  %.1f%% of them image%n",
                    p, batches.size(), images / (double) batches.size(), padded, 100.0 * image / padded);
        }
    }
}
