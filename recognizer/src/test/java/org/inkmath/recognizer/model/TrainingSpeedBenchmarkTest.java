package org.inkmath.recognizer.model;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.inkmath.latex.Vocabulary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Training images per second (forward, backward, SGD step with momentum; batch 8 at the median
 * size of the CROHME 2014 images; 2 bidirectional rows per image with 20-token captions) for the
 * named configurations, measured alternately in one process. Prints a Markdown table for
 * BENCHMARKS.md. Run: {@code mvn -B -o -Pbenchmarks test -pl recognizer -am
 * -Dtest=TrainingSpeedBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class TrainingSpeedBenchmarkTest {

    private static final int BATCH = 8;
    private static final int ROUNDS = 6;

    @Test
    void trainingImagesPerSecond() throws IOException {
        Path img = Path.of(System.getProperty("crohme.dir", "../shared/crohme")).resolve("2014/img");
        assumeTrue(Files.isDirectory(img), "CROHME 2014 images not found at " + img.toAbsolutePath());
        int[] median = medianSize(img);
        System.out.printf("median CROHME 2014 image: %d x %d (h x w)%n", median[0], median[1]);
        String[] names = {"reference", "compact", "compact-small-input"};
        List<ComerModel> models = new ArrayList<>();
        List<TrainingHarness> harnesses = new ArrayList<>();
        List<ImageBatch> batches = new ArrayList<>();
        Random random = new Random(1);
        int[][] captions = new int[BATCH][20];
        for (int[] c : captions) {
            for (int i = 0; i < c.length; i++) {
                c[i] = 3 + random.nextInt(110);
            }
        }
        try {
            for (String name : names) {
                ModelConfig config = ModelConfig.named(name);
                ComerModel model = ComerModel.create(config, Vocabulary.crohme(), 1);
                models.add(model);
                harnesses.add(new TrainingHarness(model, false, 0.01f));
                int h = (int) Math.round(median[0] * config.inputScale());
                int w = (int) Math.round(median[1] * config.inputScale());
                float[][] px = new float[BATCH][];
                int[][] sizes = new int[BATCH][];
                for (int i = 0; i < BATCH; i++) {
                    px[i] = TinyModels.randomImage(random, h, w);
                    sizes[i] = new int[] {h, w};
                }
                batches.add(TinyModels.batch(h, w, px, sizes));
                harnesses.get(harnesses.size() - 1).step(batches.get(batches.size() - 1), captions); // warm-up
            }
            double[][] seconds = new double[names.length][ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                for (int k = 0; k < names.length; k++) {
                    long t0 = System.nanoTime();
                    float loss = harnesses.get(k).step(batches.get(k), captions);
                    seconds[k][r] = (System.nanoTime() - t0) / 1e9;
                    assertTrue(Float.isFinite(loss));
                }
            }
            System.out.println("| configuration | parameters | input (h x w) | s per step (median) | training images/s |");
            System.out.println("| --- | ---: | --- | ---: | ---: |");
            for (int k = 0; k < names.length; k++) {
                double[] s = seconds[k].clone();
                Arrays.sort(s);
                double med = (s[ROUNDS / 2 - 1] + s[ROUNDS / 2]) / 2;
                System.out.printf("| %s | %,d | %d x %d | %.2f | %.1f |%n", names[k], models.get(k).parameterCount(),
                        batches.get(k).height(), batches.get(k).width(), med, BATCH / med);
            }
            System.out.println("peak resident memory: " + peakMemory());
        } finally {
            models.forEach(ComerModel::close);
        }
    }

    /** Median height and median width of the PNGs (read from their IHDR chunks). */
    private static int[] medianSize(Path dir) throws IOException {
        List<Integer> hs = new ArrayList<>();
        List<Integer> ws = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".png")).toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    byte[] head = in.readNBytes(24);
                    ws.add(java.nio.ByteBuffer.wrap(head, 16, 4).getInt());
                    hs.add(java.nio.ByteBuffer.wrap(head, 20, 4).getInt());
                }
            }
        }
        hs.sort(null);
        ws.sort(null);
        return new int[] {hs.get(hs.size() / 2), ws.get(ws.size() / 2)};
    }

    private static String peakMemory() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmHWM")).findFirst().orElse("unknown").replaceAll("\\s+", " ");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
