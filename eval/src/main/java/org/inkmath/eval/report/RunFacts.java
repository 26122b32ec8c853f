package org.inkmath.eval.report;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The facts of one run that differ between two runs of the same inputs: when it ran, how long
 * it took and, when the source measured its predictions, how fast and how much memory it used.
 * Kept apart from the rest of a report so that reports can be compared byte for byte without it.
 *
 * <pre>{@code
 * new RunFacts("2026-11-23T11:40:00Z", "Linux amd64, 2 processors, Java 17.0.15", 1.8, null, null, null, null);  // a predictions file
 * }</pre>
 *
 * @param date                 when the run started, ISO-8601 in UTC
 * @param machine              where it ran: operating system, processors, Java version
 * @param elapsedSeconds       wall time of the evaluation, reports not included
 * @param latencyP50Millis     median time per expression, when the source measured it
 * @param latencyP95Millis     95th percentile of it
 * @param expressionsPerSecond expressions over the time the source spent predicting them
 * @param peakMemoryBytes      the largest Java heap in use during the run, when measured
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunFacts(String date, String machine, double elapsedSeconds, Double latencyP50Millis, Double latencyP95Millis,
                       Double expressionsPerSecond, Long peakMemoryBytes) {

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
