package org.inkmath.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.inkmath.latex.Vocabulary;
import org.inkmath.recognizer.Recognizer;
import org.inkmath.recognizer.RecognizerOptions;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.ModelConfig;
import org.inkmath.recognizer.model.WeightPrecision;

/**
 * A server over a tiny random model (garbage LaTeX, but real decoding) on a free port, with a
 * client. Small decoding settings keep each recognition in the tens of milliseconds.
 */
final class TestServer implements AutoCloseable {

    static final RecognizerOptions SMALL = RecognizerOptions.defaults().withBeamSize(3).withMaxLength(12);

    final Recognizer recognizer;
    final InkServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(Recognizer recognizer, InkServer server) {
        this.recognizer = recognizer;
        this.server = server;
    }

    /** Writes the tiny random model into {@code folder} and returns its file. */
    static Path tinyModel(Path folder) throws IOException {
        Path file = folder.resolve("tiny.safetensors");
        try (ComerModel m = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 21)) {
            m.save(file, WeightPrecision.FLOAT32);
        }
        return file;
    }

    static ServerSettings settings() {
        return ServerSettings.defaults().withPort(0).withWorkers(2).withQueueCapacity(8).withRecognition(SMALL);
    }

    static TestServer start(Path folder, ServerSettings settings) throws Exception {
        Recognizer recognizer = Recognizer.load(tinyModel(folder), SMALL);
        return new TestServer(recognizer, InkServer.start(recognizer, settings));
    }

    /** A server over a model file of the user's (benchmarks with a trained model). */
    static TestServer startWith(Path modelFile, ServerSettings settings) throws Exception {
        Recognizer recognizer = Recognizer.load(modelFile, settings.recognition());
        return new TestServer(recognizer, InkServer.start(recognizer, settings));
    }

    URI uri(String path) {
        return server.uri().resolve(path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return post(path, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.close();
        recognizer.close();
    }
}
