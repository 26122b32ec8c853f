package org.inkmath.recognizer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationScoreTest {

    @Test
    void editDistanceCountsTokenEdits() {
        assertEquals(0, Validation.editDistance(new int[] {4, 5, 6}, new int[] {4, 5, 6}));
        assertEquals(1, Validation.editDistance(new int[] {4, 5, 6}, new int[] {4, 9, 6}), "one substitution");
        assertEquals(1, Validation.editDistance(new int[] {4, 5, 6}, new int[] {4, 6}), "one deletion");
        assertEquals(1, Validation.editDistance(new int[] {4, 6}, new int[] {4, 5, 6}), "one insertion");
        assertEquals(2, Validation.editDistance(new int[] {1, 2, 3, 4}, new int[] {2, 1, 3, 4}), "a swap is two edits");
        assertEquals(3, Validation.editDistance(new int[] {}, new int[] {7, 8, 9}));
        assertEquals(3, Validation.editDistance(new int[] {7, 8, 9}, new int[] {}));
    }

    @Test
    void exactMatchesComeFirstAndEditRatesBreakTies() {
        Validation.Score a = new Validation.Score(0.0, 0.10, 0.20);
        Validation.Score b = new Validation.Score(0.0, 0.12, 0.15);
        Validation.Score c = new Validation.Score(0.01, 0.01, 0.01);
        assertTrue(b.compareTo(a) > 0, "more within one edit wins at equal exact rates");
        assertTrue(c.compareTo(b) > 0, "exact matches come first");
        assertTrue(a.compareTo(new Validation.Score(0.0, Double.NaN, Double.NaN)) > 0,
                "a score of the first log format (no edit rates) loses a tie");
        assertEquals(0, a.compareTo(new Validation.Score(0.0, 0.10, 0.20)));
    }

    @Test
    void theBestValidationIsJudgedAgainstTheWholeLog() {
        TrainingLog log = new TrainingLog();
        assertTrue(log.isBest(new Validation.Score(0, 0, 0)), "the first validation is the best so far");
        log.add(TrainingLog.Row.validation(10, 1, new Validation.Score(0, 0.05, 0.1), 10));
        log.add(TrainingLog.Row.validation(20, 2, new Validation.Score(0, 0.08, 0.1), 20));
        assertFalse(log.isBest(new Validation.Score(0, 0.06, 0.3)), "beats the last but one, not the last");
        assertFalse(log.isBest(new Validation.Score(0, 0.08, 0.1)), "a tie is not better");
        assertTrue(log.isBest(new Validation.Score(0, 0.08, 0.11)));
    }

    @Test
    void logsOfTheFirstFormatAreReadAndRewrittenInTheNewOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("log.csv");
        Files.writeString(file, TrainingLog.SEVEN_COLUMN_HEADER + "\n1,1,4.5,0.08,3.2,,10.0\n2,1,,,,0.000000,70.5\n");
        TrainingLog log = TrainingLog.read(file);
        List<TrainingLog.Row> rows = log.rows();
        assertEquals(4.5, rows.get(0).loss());
        assertTrue(rows.get(1).isValidation());
        assertTrue(Double.isNaN(rows.get(1).withinOneEdit()));
        log.add(TrainingLog.Row.validation(3, 2, new Validation.Score(0, 0.25, 0.5), 90));
        assertTrue(log.rows().get(2).score().compareTo(rows.get(1).score()) > 0);
        log.write(file);
        List<String> lines = Files.readAllLines(file);
        assertEquals(TrainingLog.HEADER, lines.get(0));
        assertEquals("2,1,,,,0.000000,70.5,,,,,", lines.get(2));
        assertEquals("3,2,,,,0.000000,90.0,0.250000,0.500000,,,", lines.get(3));
        assertEquals(log.rows(), TrainingLog.read(file).rows());
    }

    @Test
    void aValidatedMeanIsLoggedBesideTheEpochsWeightsAndCountsForTheBest(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("log.csv");
        Files.writeString(file, TrainingLog.NINE_COLUMN_HEADER + "\n5,1,0.9,0.02,3.0,,10.0,,\n9,1,,,,0.100000,20.0,0.200000,0.300000\n");
        TrainingLog log = TrainingLog.read(file);
        assertEquals(9, log.lastValidationStep());
        assertTrue(log.rows().get(1).meanScore().isEmpty(), "the second format has no mean");
        log.add(TrainingLog.Row.step(12, 2, 0.8, 0.02, 3.0, 30));
        log.add(TrainingLog.Row.validation(14, 2, new Validation.Score(0.12, 0.2, 0.3),
                Optional.of(new Validation.Score(0.2, 0.3, 0.4)), 40));
        assertEquals(14, log.lastValidationStep());
        assertEquals(0.2, log.bestRate(), 1e-12, "the mean's rate");
        assertFalse(log.isBest(new Validation.Score(0.15, 0.5, 0.6)), "beats the epoch's weights, not their mean");
        assertTrue(log.isBest(new Validation.Score(0.21, 0, 0)));
        log.write(file);
        List<String> lines = Files.readAllLines(file);
        assertEquals("14,2,,,,0.120000,40.0,0.200000,0.300000,0.200000,0.300000,0.400000", lines.get(4));
        TrainingLog again = TrainingLog.read(file);
        assertEquals(log.rows(), again.rows());
        assertEquals(Optional.of(new Validation.Score(0.2, 0.3, 0.4)), again.rows().get(3).meanScore());
        assertEquals(0, new TrainingLog().lastValidationStep());
        assertEquals(0, new TrainingLog().bestRate());
    }
}
