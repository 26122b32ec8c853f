package org.inkmath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void theLineShowsCountBarRateAndTimeLeft() {
        ProgressBar bar = new ProgressBar(new PrintWriter(new StringWriter()), "files", 986, ProgressBar.Display.OFF);
        assertEquals("[##########..........] 493/986 files  61.6/s  ETA 0:08", bar.line(493, 8.0));
        assertEquals("[####################] 986/986 files  98.6/s  ETA 0:00", bar.line(986, 10.0));
        assertEquals("[....................] 0/986 files  0.0/s  ETA 0:00", bar.line(0, 0.0));
    }

    @Test
    void aLogGetsTheFinalLineAndNoTerminalCodes() {
        StringWriter log = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(log), "files", 3, ProgressBar.Display.LOG)) {
            bar.step();
            bar.step();
            bar.step();
        }
        assertTrue(log.toString().startsWith("[####################] 3/3 files"), log.toString());
        assertTrue(!log.toString().contains("\033"), "no escape codes in a log");
    }

    @Test
    void offShowsNothing() {
        StringWriter log = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(log), "files", 2, ProgressBar.Display.OFF)) {
            bar.step();
            bar.step();
        }
        assertEquals("", log.toString());
    }

    @Test
    void aNoteFollowsTheRateAndTheTimeLeft() {
        StringWriter text = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(text, true), "batches", 2, ProgressBar.Display.LOG)) {
            bar.note("loss 2.5000");
            bar.step();
            bar.note("loss 1.2500");
            bar.step();
        }
        String out = text.toString();
        assertTrue(out.contains("2/2 batches"), out);
        assertTrue(out.trim().endsWith("loss 1.2500"), out);
    }
}
