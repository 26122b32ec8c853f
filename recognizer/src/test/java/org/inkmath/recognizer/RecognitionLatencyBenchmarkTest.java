package org.inkmath.recognizer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.inkmath.recognizer.decode.Decoder.Strategy;
import org.inkmath.recognizer.image.GrayImage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Latency per expression of the public API on the first N CROHME 2014 images (default 100), for
 * greedy, a left-to-right beam of 10 and the bidirectional beam of 10: p50, p95, max, mean tokens,
 * plus model load time and the process's peak resident memory. Run:
 * {@code mvn -B -o -Pbenchmarks test -pl recognizer -am -Dtest=RecognitionLatencyBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dinkmath.model=FILE] [-Dinkmath.images=N]}.
 */
@Tag("benchmark")
class RecognitionLatencyBenchmarkTest {

    @Test
    void latencyPerStrategy() throws Exception {
        List<GrayImage> images = BenchmarkInputs.images2014(BenchmarkInputs.imageCount(100));
        Path file = BenchmarkInputs.modelFile();
        long t0 = System.nanoTime();
        try (Recognizer recognizer = file == null ? Recognizer.loadDefault() : Recognizer.load(file)) {
            double loadMs = (System.nanoTime() - t0) / 1e6;
            System.out.printf(Locale.ROOT, "model %s, %d images, load %.0f ms, %d intra-op threads%n",
                    recognizer.model().name(), images.size(), loadMs, Runtime.getRuntime().availableProcessors());
            System.out.println("| decoding | p50 ms | p95 ms | max ms | mean ms | mean tokens | repaired |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            for (Strategy s : Strategy.values()) {
                RecognizerOptions options = RecognizerOptions.defaults().withStrategy(s);
                for (int i = 0; i < Math.min(3, images.size()); i++) {
                    recognizer.recognize(images.get(i), options); // warm-up
                }
                double[] ms = new double[images.size()];
                long tokens = 0;
                int repaired = 0;
                for (int i = 0; i < images.size(); i++) {
                    Recognition r = recognizer.recognize(images.get(i), options);
                    ms[i] = r.timings().totalMs();
                    tokens += r.tokens().size();
                    repaired += r.repaired() ? 1 : 0;
                }
                double mean = Arrays.stream(ms).average().orElse(0);
                Arrays.sort(ms);
                System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f | %.1f | %d |%n",
                        s.name().toLowerCase(Locale.ROOT), BenchmarkInputs.quantile(ms, 0.5),
                        BenchmarkInputs.quantile(ms, 0.95), ms[ms.length - 1], mean, (double) tokens / images.size(),
                        repaired);
                assertTrue(ms[0] > 0);
            }
            System.out.printf(Locale.ROOT, "peak resident memory %.0f MiB, heap used %.0f MiB%n",
                    BenchmarkInputs.peakResidentMiB(),
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0);
        }
    }
}
