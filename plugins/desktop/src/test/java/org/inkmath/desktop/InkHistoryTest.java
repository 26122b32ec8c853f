package org.inkmath.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.inkmath.recognizer.ink.InkPoint;
import org.inkmath.recognizer.ink.Stroke;
import org.junit.jupiter.api.Test;

class InkHistoryTest {

    private static Stroke stroke(double x) {
        return new Stroke(List.of(new InkPoint(x, 0, 0), new InkPoint(x + 1, 1, 5)));
    }

    @Test
    void undoGoesBackOneChangeAtATimeAndEveryChangeRaisesTheGeneration() {
        InkHistory h = new InkHistory();
        assertTrue(h.ink().isEmpty());
        assertFalse(h.canUndo());
        h.add(stroke(0));
        h.add(stroke(10));
        assertEquals(List.of(stroke(0), stroke(10)), h.strokes());
        assertEquals(2, h.generation());
        assertTrue(h.undo());
        assertEquals(List.of(stroke(0)), h.strokes());
        assertEquals(3, h.generation(), "an undo is a change of the ink too");
        assertTrue(h.undo());
        assertTrue(h.ink().isEmpty());
        assertFalse(h.undo(), "nothing left to undo");
        assertEquals(4, h.generation(), "a refused undo changes nothing");
    }

    @Test
    void aClearIsUndoneLikeAStrokeAndClearingAnEmptyPadIsNoStep() {
        InkHistory h = new InkHistory();
        assertFalse(h.clear());
        assertFalse(h.canUndo());
        h.add(stroke(0));
        h.add(stroke(10));
        assertTrue(h.clear());
        assertTrue(h.strokes().isEmpty());
        assertTrue(h.undo());
        assertEquals(2, h.ink().orElseThrow().strokeCount(), "undo brings back everything the clear removed");
    }

    @Test
    void replacingTheInkIsUndoable() {
        InkHistory h = new InkHistory();
        h.add(stroke(0));
        h.replace(List.of(stroke(5), stroke(6), stroke(7)));
        assertEquals(3, h.strokes().size());
        h.undo();
        assertEquals(List.of(stroke(0)), h.strokes());
    }

    @Test
    void theUndoHistoryIsBounded() {
        InkHistory h = new InkHistory();
        for (int i = 0; i < InkHistory.MAX_UNDO + 50; i++) {
            h.add(stroke(i));
        }
        int undone = 0;
        while (h.undo()) {
            undone++;
        }
        assertEquals(InkHistory.MAX_UNDO, undone);
        assertEquals(50, h.strokes().size(), "the oldest steps are forgotten, not the newest");
    }
}
