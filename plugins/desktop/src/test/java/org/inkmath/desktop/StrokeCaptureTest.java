package org.inkmath.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.inkmath.recognizer.ink.InkPoint;
import org.inkmath.recognizer.ink.Stroke;
import org.junit.jupiter.api.Test;

class StrokeCaptureTest {

    @Test
    void aStrokeKeepsItsSamplesInOrderWithTimesFromTheFirstPenDownOfTheInk() {
        StrokeCapture c = new StrokeCapture();
        c.begin(10, 20, 1_000, true);
        c.extend(11, 22, 1_016);
        c.extend(11, 22, 1_020); // the pen rests: nothing new
        c.extend(13, 25, 1_033);
        Stroke first = c.end(14, 25, 1_050).orElseThrow();
        assertEquals(List.of(new InkPoint(10, 20, 0), new InkPoint(11, 22, 16), new InkPoint(13, 25, 33),
                new InkPoint(14, 25, 50)), first.points());
        assertFalse(c.active());

        c.begin(30, 20, 1_400, false); // a further stroke of the same ink: the clock goes on
        Stroke second = c.end(30, 20, 1_410).orElseThrow();
        assertEquals(List.of(new InkPoint(30, 20, 400)), second.points(), "a tap is a one-point stroke");

        c.begin(0, 0, 9_000, true); // new ink: the clock starts again
        assertEquals(0, c.end(1, 1, 9_010).orElseThrow().get(0).time());
    }

    @Test
    void movesAndPenUpWithoutPenDownMakeNoStroke() {
        StrokeCapture c = new StrokeCapture();
        c.extend(1, 1, 5);
        assertTrue(c.inProgress().isEmpty());
        assertTrue(c.end(1, 1, 6).isEmpty());
        c.begin(0, 0, 0, true);
        c.extend(2, 2, 1);
        c.cancel();
        assertTrue(c.end(3, 3, 2).isEmpty(), "a cancelled stroke is gone");
    }

    @Test
    void anEndlessStrokeIsBounded() {
        StrokeCapture c = new StrokeCapture();
        c.begin(0, 0, 0, true);
        for (int i = 1; i < StrokeCapture.MAX_POINTS_PER_STROKE + 100; i++) {
            c.extend(i, i % 7, i);
        }
        assertEquals(StrokeCapture.MAX_POINTS_PER_STROKE, c.end(-1, -1, 1).orElseThrow().size());
    }
}
