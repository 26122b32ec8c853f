package org.inkmath.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The progress of a long command on standard error: how many items of how many, a bar, the rate
 * and the time left.
 * <pre>
 * [##########..........]  493/986 files  61.2/s  ETA 0:08
 * </pre>
 * On a terminal the line is redrawn in place a few times a second; in a log (a pipe or file) a
 * plain line is written every few seconds instead, so that CI logs stay readable. Commands call
 * {@link #step()} per item, {@link #clearLine()} before printing a line of their own, and
 * {@link #close()} at the end.
 */
final class ProgressBar implements AutoCloseable {

    /** How the progress is shown. */
    enum Display {
        /** Redrawn in place: stderr is a terminal. */
        TERMINAL,
        /** A line every few seconds: stderr goes to a log. */
        LOG,
        /** Nothing. */
        OFF
    }

    private static final int WIDTH = 20;
    private static final long TERMINAL_INTERVAL_NANOS = 200_000_000L;
    private static final long LOG_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final String unit;
    private final int total;
    private final Display display;
    private final long startNanos = System.nanoTime();
    private long lastShown = startNanos;
    private int done;
    private String note = "";

    ProgressBar(PrintWriter err, String unit, int total, Display display) {
        this.err = err;
        this.unit = unit;
        this.total = Math.max(total, 0);
        this.display = display;
    }

    /** TERMINAL when standard error is a terminal, else {@code otherwise}. */
    static Display onStandardError(Display otherwise) {
        return isTerminal(2) ? Display.TERMINAL : otherwise;
    }

    /** One more item done. */
    void step() {
        done++;
        long now = System.nanoTime();
        long interval = display == Display.TERMINAL ? TERMINAL_INTERVAL_NANOS : LOG_INTERVAL_NANOS;
        if (display != Display.OFF && (now - lastShown >= interval || done == total)) {
            lastShown = now;
            show(now);
        }
    }

    /** Extra text shown after the rate and ETA (a training loss, say); empty for none. */
    void note(String text) {
        note = text == null ? "" : text;
    }

    /** Wipes the redrawn line so that the command can print a line of its own. */
    void clearLine() {
        if (display == Display.TERMINAL) {
            err.print("\r\033[K");
            err.flush();
        }
    }

    /** Ends the progress line. */
    @Override
    public void close() {
        if (display == Display.TERMINAL) {
            err.println();
            err.flush();
        }
    }

    /** The text of the progress line when {@code done} items took {@code seconds}. */
    String line(int doneItems, double seconds) {
        double rate = doneItems / Math.max(seconds, 1e-9);
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * Math.min(doneItems, total) / total);
        long eta = rate > 0 ? Math.round((total - doneItems) / rate) : 0;
        return String.format(Locale.ROOT, "[%s%s] %d/%d %s  %.1f/s  ETA %d:%02d", "#".repeat(filled),
                ".".repeat(WIDTH - filled), doneItems, total, unit, rate, eta / 60, eta % 60);
    }

    private void show(long now) {
        String text = line(done, (now - startNanos) / 1e9) + (note.isEmpty() ? "" : "  " + note);
        if (display == Display.TERMINAL) {
            err.print("\r" + text + "\033[K");
        } else {
            err.println(text);
        }
        err.flush();
    }

    /** Java 17 cannot ask whether a standard stream is a terminal; on Linux the descriptor names the device. */
    static boolean isTerminal(int descriptor) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + descriptor)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
