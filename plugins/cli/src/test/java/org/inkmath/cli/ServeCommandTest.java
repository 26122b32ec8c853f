package org.inkmath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.inkmath.recognizer.Recognizer;
import org.inkmath.recognizer.model.WeightPrecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inkmath serve}, in-process: usage, missing models, and a real server that answers. */
class ServeCommandTest {

    @TempDir
    Path dir;

    private Path tinyModel() throws IOException {
        return TinyModel.save(dir.resolve("tiny.safetensors"), 5, WeightPrecision.FLOAT32);
    }

    @Test
    void helpDescribesTheServer() {
        CliRun.Result r = CliRun.once("serve", "--help");
        assertEquals(0, r.exitCode());
        for (String part : new String[] {"--port", "--host", "--model", "--queue", "--timeout", "/api/recognize",
            "/health", "Exit codes"}) {
            assertTrue(r.out().contains(part), part + " in " + r.out());
        }
    }

    @Test
    void aMissingModelFileIsANamedError() {
        CliRun.Result r = CliRun.once("serve", "--port", "0", "--model", dir.resolve("nope.safetensors").toString());
        assertEquals(InkMath.EXIT_ERROR, r.exitCode());
        assertTrue(r.err().startsWith("inkmath: cannot load the model") && r.err().contains("no such file"), r.err());
    }

    @Test
    void withoutAnyModelItSaysWhatToDo() {
        assumeFalse(Recognizer.hasDefaultModel(), "this build carries a default model");
        CliRun.Result r = CliRun.once("serve", "--port", "0");
        assertEquals(InkMath.EXIT_ERROR, r.exitCode());
        assertTrue(r.err().contains("--model"), r.err());
    }

    @Test
    void outOfRangeSettingsAreUsageErrors() {
        assertEquals(2, CliRun.once("serve", "--workers", "0").exitCode());
        assertEquals(2, CliRun.once("serve", "--port", "70000").exitCode());
        CliRun.Result r = CliRun.once("serve", "--timeout", "0");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--timeout must be 1 to 600"), r.err());
    }

    @Test
    void aPortInUseIsANamedError() throws Exception {
        Path model = tinyModel();
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRun.Result r = CliRun.once("serve", "--model", model.toString(), "--port",
                    Integer.toString(taken.getLocalPort()));
            assertEquals(InkMath.EXIT_ERROR, r.exitCode());
            assertTrue(r.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), r.err());
        }
    }

    @Test
    void servesUntilInterrupted() throws Exception {
        Path model = tinyModel();
        CliRun run = new CliRun();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> serving = thread.submit(() -> run.run("serve", "--model", model.toString(), "--port", "0",
                    "--workers", "1", "--beam", "3", "--max-length", "12"));
            Pattern url = Pattern.compile("serving (http://127\\.0\\.0\\.1:[0-9]+/)");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Matcher m;
            while (!(m = url.matcher(run.out.toString())).find()) {
                assertFalse(serving.isDone(), "serve stopped: " + run.err);
                assertTrue(System.nanoTime() < until, "serve did not start: " + run.err);
                Thread.sleep(50);
            }
            assertTrue(run.err.toString().contains("warning: the model tiny.safetensors"), run.err.toString());
            URI base = URI.create(m.group(1));
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(base.resolve("/health"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("\"name\":\"tiny.safetensors\""), health.body());
            HttpResponse<String> recognised = client.send(HttpRequest.newBuilder(base.resolve("/api/recognize"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("[[[0,0],[10,10]],[[10,0],[0,10]]]")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, recognised.statusCode(), recognised.body());
            assertTrue(recognised.body().contains("\"latex\""));
            thread.shutdownNow(); // interrupts serve, as Ctrl-C's shutdown would
            assertEquals(0, serving.get(30, TimeUnit.SECONDS));
            assertTrue(run.out.toString().contains("stopped"));
        } finally {
            thread.shutdownNow();
        }
    }
}
