package org.inkmath.recognizer.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.inkmath.recognizer.BenchmarkInputs;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.EncodedImages;
import org.inkmath.recognizer.model.ImageBatch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The cached step decoder against re-running every prefix at every step (the reference's way),
 * with a left-to-right beam of 10 and with the constrained and bidirectional variants, on the
 * first N CROHME 2014 images (default 20): decoding time of each and whether the hypotheses are
 * identical (they must be). Run: {@code mvn -B -o -Pbenchmarks test -pl recognizer -am
 * -Dtest=CachedDecodingBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false [-Dinkmath.model=FILE]}.
 */
@Tag("benchmark")
class CachedDecodingBenchmarkTest {

    @Test
    void cachedAgainstPrefixRerun() throws Exception {
        List<GrayImage> images = BenchmarkInputs.images2014(BenchmarkInputs.imageCount(20));
        BeamSearch.Settings settings = BeamSearch.Settings.comer();
        try (ComerModel model = BenchmarkInputs.model()) {
            Decoder decoder = new Decoder(model);
            System.out.println("| decoding (beam 10) | cached s | re-run s | speed-up | identical |");
            System.out.println("| --- | ---: | ---: | ---: | --- |");
            for (Decoder.Strategy strategy : List.of(Decoder.Strategy.BEAM, Decoder.Strategy.BIDIRECTIONAL)) {
                for (boolean constrained : new boolean[] {false, true}) {
                    double cached = 0;
                    double rerun = 0;
                    for (GrayImage image : images) {
                        try (EncodedImages e = model.encode(ImageBatch.of(List.of(image)))) {
                            long t0 = System.nanoTime();
                            List<Hypothesis> a = decoder.decode(e, strategy, settings, constrained, false);
                            long t1 = System.nanoTime();
                            List<Hypothesis> b = decoder.decodeWithoutCache(e, strategy, settings, constrained);
                            long t2 = System.nanoTime();
                            cached += (t1 - t0) / 1e9;
                            rerun += (t2 - t1) / 1e9;
                            assertEquals(b.size(), a.size());
                            for (int i = 0; i < a.size(); i++) {
                                assertArrayEquals(b.get(i).tokens(), a.get(i).tokens());
                                assertEquals(b.get(i).score(), a.get(i).score(), 1e-3);
                            }
                        }
                    }
                    System.out.printf(Locale.ROOT, "| %s%s | %.1f | %.1f | %.1fx | yes (%d images) |%n",
                            strategy.name().toLowerCase(Locale.ROOT), constrained ? ", constrained" : "", cached, rerun,
                            rerun / cached, images.size());
                }
            }
        }
    }
}
