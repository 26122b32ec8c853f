package org.inkmath.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.inkmath.recognizer.RecognizerOptions;
import org.inkmath.recognizer.decode.Decoder;
import org.inkmath.recognizer.ink.InkMlReader;
import org.inkmath.recognizer.ink.JsonStrokes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load and fault test of the running server on localhost (client and server in one JVM):
 * <ol>
 * <li>below the limit: as many clients as workers + queue, for a fixed time; every answer must be
 * 200; p50/p95/p99 latency and throughput are recorded;</li>
 * <li>above it: four times as many clients as workers + queue; answers must be 200 or 503 with
 * {@code Retry-After}, never a failure; meanwhile a fault thread sends malformed and oversized
 * bodies and clients that hang up mid-request;</li>
 * <li>after: the same load as in 1 again; the server still answers, and heap and resident memory
 * are compared after each phase (bounded memory levels off).</li>
 * </ol>
 * Figures go to stdout and target/server-benchmark.txt. Settings by system property:
 * {@code bench.seconds} (per phase, default 20), {@code bench.model} (a model file, decoded
 * greedily; default a tiny random model, which measures the server's own overhead more than
 * recognition).
 * <pre>mvn -B -Pbenchmarks test -pl plugins/server -am -Dtest=ServerLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("benchmark")
class ServerLoadBenchmark {

    @TempDir
    Path temp;

    private static final int WORKERS = 2;
    private static final int QUEUE = 6;

    record Phase(String name, int clients, long requests, Map<Integer, Long> statuses, long failures,
                 long missingRetryAfter, double p50, double p95, double p99, double max, double perSecond) {
        String line() {
            return String.format("%-12s clients %3d  requests %6d  statuses %s  failures %d  503 without Retry-After %d"
                            + "  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  %.1f req/s",
                    name, clients, requests, statuses, failures, missingRetryAfter, p50, p95, p99, max, perSecond);
        }
    }

    @Test
    void loadAndFaults() throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 20);
        String modelProperty = System.getProperty("bench.model", "");
        Path crohme = Path.of(System.getProperty("crohme.dir", "../../../shared/crohme"), "2014", "inkml");
        String strokes = Files.isDirectory(crohme)
                ? JsonStrokes.write(InkMlReader.read(crohme.resolve("18_em_0.inkml")).ink())
                : ServerApiTest.STROKES;
        ServerSettings settings = TestServer.settings().withWorkers(WORKERS).withQueueCapacity(QUEUE)
                .withRequestTimeout(Duration.ofSeconds(30));
        // a model file of one's own is decoded greedily to its full length, the fast setting a pad would use
        TestServer server = modelProperty.isEmpty() ? TestServer.start(temp, settings)
                : TestServer.startWith(Path.of(modelProperty), settings.withRecognition(
                        RecognizerOptions.defaults().withStrategy(Decoder.Strategy.GREEDY)));
        List<String> report = new ArrayList<>();
        try (server) {
            // warm-up: the first recognitions load kernels
            for (int i = 0; i < 5; i++) {
                assertEquals(200, server.postJson("/api/recognize", strokes).statusCode());
            }
            Memory before = Memory.now();
            report.add("model: " + (modelProperty.isEmpty() ? "tiny random (beam 3, max length 12)"
                    : modelProperty + " (greedy, max length 200)")
                    + "; workers " + WORKERS + ", queue " + QUEUE + "; drawing " + strokes.length() + " bytes of JSON"
                    + "; " + seconds + " s per phase; " + Runtime.getRuntime().availableProcessors() + " cores; "
                    + LocalDate.now());
            report.add("memory before: " + before);

            Phase below = phase(server, "below-limit", WORKERS + QUEUE, seconds, strokes, false);
            report.add(below.line());
            assertEquals(0, below.failures(), "no failures below the limit");
            assertEquals(Map.of(200, below.requests()), below.statuses(), "every answer 200 below the limit");

            Phase above = phase(server, "above-limit", 4 * (WORKERS + QUEUE), seconds, strokes, true);
            report.add(above.line());
            assertEquals(0, above.failures(), "overload gives 503s, not failures");
            assertEquals(0, above.missingRetryAfter(), "every 503 says when to retry");
            assertTrue(above.statuses().getOrDefault(503, 0L) > 0, "some requests are refused above the limit");
            assertTrue(above.statuses().keySet().stream().allMatch(s -> s == 200 || s == 503), above.statuses()::toString);

            Memory afterOverload = Memory.now();
            report.add("memory after the overload: " + afterOverload);

            // the same load again: memory that is bounded levels off instead of growing per request
            Phase again = phase(server, "below-again", WORKERS + QUEUE, seconds, strokes, false);
            report.add(again.line());
            assertEquals(0, again.failures());
            Memory after = Memory.now();
            report.add("memory after the second run below the limit: " + after);
            HttpResponse<String> health = server.get("/health");
            assertEquals(200, health.statusCode());
            JsonNode queue = Json.MAPPER.readTree(health.body()).path("queue");
            report.add("health after: queue " + queue);
            assertEquals(200, server.postJson("/api/recognize", strokes).statusCode());
            // bounded: the heap after an overload is not far above the heap before it
            assertTrue(after.heapMb() < before.heapMb() + 256, "heap stays bounded: " + before + " -> " + after);
            assertTrue(after.residentMb() < afterOverload.residentMb() * 1.25 + 64,
                    "resident memory levels off: " + afterOverload + " -> " + after);
        }
        report.forEach(System.out::println);
        Files.write(Path.of("target", "server-benchmark.txt"), report, StandardCharsets.UTF_8);
    }

    /** Used heap after a GC and the process's resident memory (native PyTorch memory included). */
    record Memory(long heapMb, long residentMb) {
        static Memory now() throws IOException {
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                }
            }
            return new Memory(heap, rss);
        }

        @Override
        public String toString() {
            return "heap " + heapMb + " MB, resident " + residentMb + " MB";
        }
    }

    private Phase phase(TestServer server, String name, int clients, int seconds, String strokes, boolean faults)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(server.uri("/api/recognize")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(strokes)).build();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicLong failures = new AtomicLong();
        AtomicLong missingRetryAfter = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        List<Future<?>> running = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                        statuses.merge(r.statusCode(), 1L, Long::sum);
                        if (r.statusCode() == 200) {
                            latencies.add((System.nanoTime() - t0) / 1e6);
                        } else if (r.statusCode() == 503) {
                            if (r.headers().firstValue("Retry-After").isEmpty()) {
                                missingRetryAfter.incrementAndGet();
                            }
                            Thread.sleep(100); // a polite client waits Retry-After (1 s); these push on
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        if (faults) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    faultRound(server);
                    Thread.sleep(100);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get(seconds + 120L, TimeUnit.SECONDS);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long total = statuses.values().stream().mapToLong(Long::longValue).sum();
        return new Phase(name, clients, total, new java.util.TreeMap<>(statuses), failures.get(), missingRetryAfter.get(),
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1),
                sorted.size() / elapsed);
    }

    /** Malformed JSON, an oversized body, and a client that hangs up mid-body: each answered or dropped cleanly. */
    private static void faultRound(TestServer server) throws Exception {
        HttpResponse<String> bad = server.postJson("/api/recognize", "[[[1,2],[3");
        assertEquals(400, bad.statusCode(), bad.body());
        byte[] big = new byte[9 << 20];
        HttpResponse<String> tooBig;
        try {
            tooBig = server.post("/api/recognize", "application/json", big);
            assertEquals(413, tooBig.statusCode());
        } catch (IOException e) {
            // the server answered 413 from the headers and closed before the client finished sending
        }
        try (Socket s = new Socket("127.0.0.1", server.server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/recognize HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 5000\r\n\r\n[[[0,0],[1,").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    private static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
