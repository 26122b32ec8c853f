package org.inkmath.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A one-line progress indicator (count, rate, ETA) on stderr, only when that is a terminal,
 * redrawn at most five times a second: {@code 412/986 expressions, 230/s, ETA 0:02}.
 */
final class Progress {
    private final PrintWriter err;
    private final int total;
    private final String unit;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private long lastPrint;
    private int done;

    Progress(PrintWriter err, int total, String unit, boolean enabled) {
        this.err = err;
        this.total = total;
        this.unit = unit;
        this.enabled = enabled;
    }

    void step() {
        done++;
        long now = System.nanoTime();
        if (enabled && (now - lastPrint > 200_000_000L || done == total)) {
            lastPrint = now;
            double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
            double rate = done / seconds;
            long eta = Math.round((total - done) / Math.max(rate, 1e-9));
            err.printf(Locale.ROOT, "\r%d/%d %s, %.0f/s, ETA %d:%02d   ", done, total, unit, rate, eta / 60, eta % 60);
            err.flush();
        }
    }

    void clearLine() {
        if (enabled) {
            err.print("\r\033[K");
        }
    }

    void done() {
        if (enabled) {
            err.println();
        }
    }

    /** Java 17 cannot ask about stdout or stderr; on Linux the descriptor names the device. */
    static boolean isTerminal(int descriptor) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + descriptor)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
