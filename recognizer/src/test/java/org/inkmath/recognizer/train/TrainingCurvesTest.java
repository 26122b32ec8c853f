package org.inkmath.recognizer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrainingCurvesTest {

    @Test
    void ticksAreRoundAndTheAverageSmooths() {
        assertEquals(2.0, TrainingCurves.niceStep(2.5));
        assertEquals(0.5, TrainingCurves.niceStep(0.4), 1e-12);
        assertEquals(100.0, TrainingCurves.niceStep(80));
        assertEquals("2", TrainingCurves.label(2.0));
        assertEquals("0.25", TrainingCurves.label(0.25));
        assertEquals("0", TrainingCurves.label(0.0));
        List<double[]> points = List.of(new double[] {1, 4}, new double[] {2, 0}, new double[] {3, 2});
        List<double[]> avg = TrainingCurves.movingAverage(points, 2);
        assertEquals(4, avg.get(0)[1]);
        assertEquals(2, avg.get(1)[1]);
        assertEquals(1, avg.get(2)[1]);
    }

    @Test
    void bothPanelsAreDrawnFromTheLog() {
        List<TrainingLog.Row> rows = new ArrayList<>();
        for (int s = 1; s <= 50; s++) {
            rows.add(TrainingLog.Row.step(s, s / 10, 5.0 / s, 0.08, 3, s));
        }
        rows.add(TrainingLog.Row.validation(20, 2, new Validation.Score(0.1, 0.2, 0.3), 20));
        rows.add(TrainingLog.Row.validation(40, 4, new Validation.Score(0.3, 0.4, 0.5), 40));
        BufferedImage withRate = TrainingCurves.draw(rows);
        BufferedImage lossOnly = TrainingCurves.draw(rows.subList(0, 50));
        // the right panel differs once validations exist; the left is the same
        assertNotEquals(pixels(withRate, 480, 960), pixels(lossOnly, 480, 960));
        assertEquals(pixels(withRate, 0, 480), pixels(lossOnly, 0, 480));
        // rows of the first log format have no edit rates: only the exact line is drawn
        List<TrainingLog.Row> exactOnly = new ArrayList<>(rows.subList(0, 50));
        exactOnly.add(TrainingLog.Row.validation(20, 2, new Validation.Score(0.1, Double.NaN, Double.NaN), 20));
        exactOnly.add(TrainingLog.Row.validation(40, 4, new Validation.Score(0.3, Double.NaN, Double.NaN), 40));
        assertNotEquals(pixels(withRate, 480, 960), pixels(TrainingCurves.draw(exactOnly), 480, 960));
        // the mean of the snapshots, where validated, is a line of its own
        List<TrainingLog.Row> withMean = new ArrayList<>(rows.subList(0, 50));
        withMean.add(TrainingLog.Row.validation(20, 2, new Validation.Score(0.1, 0.2, 0.3),
                Optional.of(new Validation.Score(0.15, 0.25, 0.35)), 20));
        withMean.add(TrainingLog.Row.validation(40, 4, new Validation.Score(0.3, 0.4, 0.5),
                Optional.of(new Validation.Score(0.35, 0.45, 0.55)), 40));
        assertNotEquals(pixels(withRate, 480, 960), pixels(TrainingCurves.draw(withMean), 480, 960));
    }

    private static long pixels(BufferedImage img, int fromX, int toX) {
        long h = 17;
        for (int x = fromX; x < toX; x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                h = h * 31 + img.getRGB(x, y);
            }
        }
        return h;
    }
}
