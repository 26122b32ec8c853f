package org.inkmath.eval.report;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The facts of one run that differ between two runs of the same inputs: when it ran, how long
 * it took and, when the source measured its predictions, how fast and how much memory it used.
 * Kept apart from the rest of a report so that reports can be compared byte for byte without it.
 *
 * <pre>{@code
 * new RunFacts("2026-11-23T11:40:00Z", "Linux amd64, 2 processors, Java 17.0.15", 1.8, null, null, null, null, null);  // a predictions file
 * }</pre>
 *
 * @param date                 when the run started, ISO-8601 in UTC
 * @param machine              where it ran: operating system, processors, Java version
 * @param elapsedSeconds       wall time of the evaluation, reports not included
 * @param setupSeconds         time the source spent getting ready before the run (loading a
 *                             model), when it says
 * @param latencyP50Millis     median time per expression (reading its input and recognising it),
 *                             when the source measured it
 * @param latencyP95Millis     95th percentile of it
 * @param expressionsPerSecond expressions over the wall time of the run (with several workers,
 *                             more than 1000 / latency), when the source timed its predictions
 * @param peakResidentBytes    the process's peak resident memory (VmHWM of /proc/self/status: the
 *                             Java heap and the tensor library's native memory) at the end of a
 *                             timed run, where the system tells it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunFacts(String date, String machine, double elapsedSeconds, Double setupSeconds, Double latencyP50Millis,
                       Double latencyP95Millis, Double expressionsPerSecond, Long peakResidentBytes) {

    public RunFacts {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(machine, "machine");
    }

    /** The machine this JVM runs on, as {@link #machine()} describes it. */
    public static String thisMachine() {
        return System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " processors, Java " + System.getProperty("java.version");
    }

    /** Whether the source's timings are present. */
    public boolean timed() {
        return latencyP50Millis != null;
    }
}
