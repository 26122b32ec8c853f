package org.inkmath.recognizer.ink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class InkModelTest {

    static Ink ink(double[][]... strokes) {
        return new Ink(java.util.Arrays.stream(strokes).map(s -> new Stroke(java.util.Arrays.stream(s)
                .map(p -> p.length == 3 ? new InkPoint(p[0], p[1], p[2]) : new InkPoint(p[0], p[1])).toList())).toList());
    }

    @Test
    void boundsCoverAllStrokes() {
        Ink ink = ink(new double[][] {{10, 20}, {30, 25}}, new double[][] {{5, 40}});
        assertEquals(new InkBounds(5, 20, 30, 40), ink.bounds());
        assertEquals(25, ink.bounds().width());
        assertEquals(3, ink.pointCount());
    }

    @Test
    void normalisedMovesToOriginAndScalesHeight() {
        Ink n = ink(new double[][] {{10, 20, 7}, {30, 60, 8}}).normalised(100);
        assertEquals(new InkBounds(0, 0, 50, 100), n.bounds());
        assertEquals(7, n.strokes().get(0).get(0).time()); // time is kept
        Ink dash = ink(new double[][] {{0, 5}, {40, 5}}).normalised(10);
        assertEquals(new InkBounds(0, 0, 10, 0), dash.bounds());
        Ink dot = ink(new double[][] {{3, 4}}).normalised(10);
        assertEquals(new InkBounds(0, 0, 0, 0), dot.bounds());
    }

    @Test
    void recordsRefuseBadValuesAndAreImmutable() {
        assertThrows(IllegalArgumentException.class, () -> new InkPoint(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> new InkPoint(0, 0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> new Stroke(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Ink(List.of()));
        List<InkPoint> pts = new java.util.ArrayList<>(List.of(new InkPoint(1, 2)));
        Stroke s = new Stroke(pts);
        pts.add(new InkPoint(3, 4));
        assertEquals(1, s.size());
        assertThrows(UnsupportedOperationException.class, () -> s.points().add(new InkPoint(0, 0)));
        assertFalse(new InkPoint(1, 2).hasTime());
        assertTrue(new InkPoint(1, 2, 0).hasTime());
        assertEquals(new InkPoint(1, 2), new InkPoint(1, 2)); // NaN times compare equal
    }
}
