package org.inkmath.recognizer.ink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonStrokesTest {

    @Test
    void readsPointsWithAndWithoutTime() throws Exception {
        Ink ink = JsonStrokes.read(" [[[10,20,0],[12.5,24,16]], [[30,5],[30,40]]] ");
        assertEquals(2, ink.strokeCount());
        assertEquals(new InkPoint(12.5, 24, 16), ink.strokes().get(0).get(1));
        assertEquals(new InkPoint(30, 5), ink.strokes().get(1).get(0));
    }

    @Test
    void writeThenReadGivesEqualInk() throws Exception {
        Ink ink = new Ink(List.of(new Stroke(List.of(new InkPoint(1, 2, 3), new InkPoint(0.1, -5e-9, 4))),
                new Stroke(List.of(new InkPoint(7, 8)))));
        String json = JsonStrokes.write(ink);
        assertEquals("[[[1,2,3],[0.1,-5.0E-9,4]],[[7,8]]]", json);
        assertEquals(ink, JsonStrokes.read(json));
    }

    private static String problem(String json) {
        return assertThrows(InkFormatException.class, () -> JsonStrokes.read(json)).problem();
    }

    @Test
    void clearErrors() {
        assertEquals("no strokes", problem("[]"));
        assertEquals("stroke 1 has no points", problem("[[]]"));
        assertEquals("expected an array of strokes [[[x,y],...],...]", problem("{\"strokes\":[]}"));
        assertEquals("stroke 1, point 2: expected a number, found a string", problem("[[[1,2],[\"3\",4]]]"));
        assertEquals("stroke 2, point 1: has 1 values, expected [x, y] or [x, y, t]", problem("[[[1,2]],[[3]]]"));
        assertEquals("stroke 1, point 1: more than 3 values (x, y, t)", problem("[[[1,2,3,4]]]"));
        assertEquals("stroke 1: expected an array of points, found a number", problem("[1]"));
        assertEquals("unexpected content after the strokes", problem("[[[1,2]]] [[[3,4]]]"));
        assertTrue(problem("[[[1,2]").startsWith("malformed JSON"), problem("[[[1,2]"));
        assertTrue(problem("[[[1,2]]]x").startsWith("malformed JSON"));
        assertEquals("stroke 1, point 1: value out of range", problem("[[[1e999,2]]]"));
        assertEquals("stroke 1, point 1: expected a number, found an array", problem("[[[[[[[[[[1]]]]]]]]]]"));
    }

    @Test
    void limitsAreEnforcedWhileStreaming() {
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i <= JsonStrokes.MAX_STROKES; i++) {
            many.append(i == 0 ? "" : ",").append("[[1,2]]");
        }
        assertEquals("more than " + JsonStrokes.MAX_STROKES + " strokes", problem(many.append("]").toString()));
        StringBuilder longStroke = new StringBuilder("[[");
        for (int i = 0; i <= JsonStrokes.MAX_POINTS_PER_STROKE; i++) {
            longStroke.append(i == 0 ? "" : ",").append("[1,2]");
        }
        assertEquals("stroke 1: more than " + JsonStrokes.MAX_POINTS_PER_STROKE + " points",
                problem(longStroke.append("]]").toString()));
    }
}
