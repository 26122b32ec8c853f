package org.inkmath.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.inkmath.recognizer.Recognizer;
import org.inkmath.recognizer.RecognizerOptions;
import org.inkmath.recognizer.decode.Decoder.Strategy;
import org.inkmath.server.InkServer;
import org.inkmath.server.ServerSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code inkmath serve}: the local recognition server and the web ink pad, until interrupted
 * (Ctrl-C). Exit 3 when no model can be loaded or the port cannot be bound.
 *
 * <pre>{@code inkmath serve --port 8765 --model compact.safetensors}</pre>
 */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs the local recognition server and the web ink pad until interrupted (Ctrl-C).",
            "Endpoints: POST /api/recognize (JSON strokes, InkML or an image), GET /api/render?latex=...,",
            "GET /health, and the pad at /. It listens on 127.0.0.1 only unless --host says otherwise.",
        },
        footer = {
            "",
            "Examples:",
            "  inkmath serve                          # http://127.0.0.1:8765/ with the built-in model",
            "  inkmath serve --port 9000 --model my.safetensors --workers 2 --queue 8",
            "  curl -s -H 'Content-Type: application/json' -d '[[[0,0],[10,10]]]' http://127.0.0.1:8765/api/recognize",
            "",
            "Exit codes: 0 stopped, 2 bad usage, 3 no model could be loaded or the address cannot be bound.",
        })
public final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8765",
            description = "TCP port, 0 to 65535 (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Interface to listen on. Default: ${DEFAULT-VALUE} (this machine only). "
                    + "Anything else exposes the server to the network, without authentication.")
    private String host;

    @Option(names = {"-m", "--model"}, paramLabel = "FILE",
            description = "Model file (.safetensors). Default: the model built into this jar, if any.")
    private Path model;

    @Option(names = "--workers", paramLabel = "N",
            description = "Recognitions run at once, 1 to 64. Default: the number of cores.")
    private Integer workers;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "16",
            description = "Recognitions that may wait for a worker, 0 to 10000; beyond, 503 with Retry-After. Default: ${DEFAULT-VALUE}.")
    private int queue;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Longest a request may take, 1 to 600 seconds. Default: ${DEFAULT-VALUE}.")
    private int timeoutSeconds;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "8388608",
            description = "Largest request body, 1 KiB to 64 MiB. Default: ${DEFAULT-VALUE} (8 MiB).")
    private int maxBody;

    @Option(names = "--strategy", paramLabel = "STRATEGY", defaultValue = "BIDIRECTIONAL",
            description = "Default decoding: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    private Strategy strategy;

    @Option(names = "--beam", paramLabel = "N", defaultValue = "10",
            description = "Default beam size, 1 to 20. Default: ${DEFAULT-VALUE}.")
    private int beam;

    @Option(names = "--max-length", paramLabel = "TOKENS", defaultValue = "200",
            description = "Most tokens decoded per direction, 1 to 1000. Default: ${DEFAULT-VALUE}.")
    private int maxLength;

    @Option(names = "--allow-origin", paramLabel = "ORIGIN",
            description = "A further web origin allowed to call the API (CORS), e.g. https://my.notes.app; repeatable. "
                    + "Pages on localhost and VS Code webviews are always allowed.")
    private List<String> allowOrigins = new ArrayList<>();

    @Override
    public Integer call() {
        ServerSettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Recognizer> loaded = ModelChoice.load(model, settings.recognition(), err);
        if (loaded.isEmpty()) {
            return InkMath.EXIT_ERROR;
        }
        try (Recognizer recognizer = loaded.get(); InkServer server = InkServer.start(recognizer, settings)) {
            if (!settings.loopbackOnly()) {
                err.println("inkmath: warning: listening on " + host + ": anyone who can reach this machine can use "
                        + "the server; it has no authentication");
            }
            if (model != null && !recognizer.model().isReleased()) { // the default model's warning came with loading
                err.println("inkmath: warning: the model " + recognizer.model().summary()
                        + " is not a released model: expect wrong results");
            }
            out.println("inkmath: serving " + server.uri() + " (model " + recognizer.model().name() + ", "
                    + settings.workers() + " workers, queue " + settings.queueCapacity() + "); Ctrl-C stops");
            out.flush();
            // Ctrl-C or SIGTERM: stop accepting, let requests under way finish (2 s at most)
            InkServer running = server; // closed again by the try: closing twice is harmless
            Thread stop = new Thread(() -> {
                err.println("inkmath: stopping");
                err.flush();
                running.close();
            }, "inkmath-serve-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            try {
                server.join();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stop);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down and the hook is running
                }
            }
            return 0;
        } catch (IOException e) {
            err.println("inkmath: " + e.getMessage());
            return InkMath.EXIT_ERROR;
        } catch (InterruptedException e) {
            // Ctrl-C or the caller's interrupt: the try-with-resources stops the server
            Thread.currentThread().interrupt();
            out.println("inkmath: stopped");
            return 0;
        }
    }

    private ServerSettings settings() {
        int cores = Runtime.getRuntime().availableProcessors();
        checkRange("--workers", workers == null ? cores : workers, 1, 64);
        checkRange("--queue", queue, 0, 10_000);
        checkRange("--timeout", timeoutSeconds, 1, 600);
        checkRange("--max-body", maxBody, 1024, 64 << 20);
        checkRange("--beam", beam, 1, 20);
        checkRange("--max-length", maxLength, 1, 1000);
        try {
            RecognizerOptions options = RecognizerOptions.defaults().withStrategy(strategy).withBeamSize(beam)
                    .withMaxLength(maxLength);
            return ServerSettings.defaults().withHost(host).withPort(port).withWorkers(workers == null ? cores : workers)
                    .withQueueCapacity(queue).withRequestTimeout(Duration.ofSeconds(timeoutSeconds))
                    .withMaxBodyBytes(maxBody).withRecognition(options).withExtraOrigins(allowOrigins);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void checkRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), option + " must be " + min + " to " + max + ": " + value);
        }
    }
}
