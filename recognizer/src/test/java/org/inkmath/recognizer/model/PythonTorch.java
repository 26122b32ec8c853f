package org.inkmath.recognizer.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Python interpreter that imports torch (Debian's {@code python3-torch} on the CPU machines),
 * for the tests that run the PyTorch twin of the model in {@code training/gpu}. Tests skip, saying
 * how to install it, when there is none. Example:
 * {@code PythonTorch.Run r = PythonTorch.require().run(Duration, "parity.py", "cases.json");}
 */
public record PythonTorch(String executable, String torchVersion) {

    /** What a script printed and its exit status. */
    public record Run(int exitCode, String output) {
    }

    private static final List<String> CANDIDATES = List.of("/usr/bin/python3", "python3");

    /** The first of /usr/bin/python3 and python3 that imports torch and numpy; skips the test when none does. */
    public static PythonTorch require() {
        List<String> tried = new ArrayList<>();
        for (String exe : CANDIDATES) {
            try {
                Run r = exec(List.of(exe, "-c", "import torch, numpy; print(torch.__version__)"), 120, null);
                if (r.exitCode() == 0) {
                    String[] lines = r.output().strip().split("\n");
                    return new PythonTorch(exe, lines[lines.length - 1].strip());
                }
                tried.add(exe + " (no torch)");
            } catch (IOException e) {
                tried.add(exe + " (not found)");
            }
        }
        assumeTrue(false, "python3-torch not installed: apt-get install python3-torch (tried " + String.join(", ", tried)
                + ")");
        throw new IllegalStateException("unreachable");
    }

    /** {@code training/gpu} of this checkout (tests run in a module folder beside it). */
    public static Path scripts() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("training/gpu/comer.py");
            if (Files.isRegularFile(candidate)) {
                return candidate.getParent();
            }
        }
        throw new IllegalStateException("training/gpu/comer.py not found above " + here);
    }

    /** Runs {@code training/gpu/SCRIPT ARGS...} with the output merged; fails the test when it overruns. */
    public Run run(long timeoutSeconds, String script, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(executable, "-u", scripts().resolve(script).toString()));
        command.addAll(List.of(args));
        return exec(command, timeoutSeconds, scripts());
    }

    private static Run exec(List<String> command, long timeoutSeconds, Path dir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        // two cores shared with other work: keep torch from starting a thread per core of a big machine
        pb.environment().putIfAbsent("OMP_NUM_THREADS", "2");
        Process p = pb.start();
        Path log = Files.createTempFile("python-torch", ".log");
        try {
            // drain the output on another thread so that a chatty script cannot block on a full pipe
            Thread drain = new Thread(() -> {
                try {
                    Files.copy(p.getInputStream(), log, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException ignored) {
                    // the exit code and what was copied tell the story
                }
            });
            drain.start();
            boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
                drain.join(5000);
                throw new IOException(command + " ran past " + timeoutSeconds + " s; output:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            drain.join(5000);
            return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
