package org.inkmath.recognizer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlateauScheduleTest {

    @Test
    void theRateDropsOnceMoreThanPatienceValidationsFailToImprove() {
        PlateauSchedule s = PlateauSchedule.start(0.08).afterValidation(0.30, 0.25, 2);
        assertEquals(0.30, s.bestRate());
        s = s.afterValidation(0.30, 0.25, 2); // equal is not better
        s = s.afterValidation(0.29, 0.25, 2);
        assertEquals(0.08, s.learningRate(), 1e-12);
        assertEquals(2, s.badValidations());
        s = s.afterValidation(0.10, 0.25, 2);
        assertEquals(0.02, s.learningRate(), 1e-12);
        assertEquals(0, s.badValidations());
        s = s.afterValidation(0.31, 0.25, 2);
        assertEquals(0.31, s.bestRate());
        assertEquals(0.02, s.learningRate(), 1e-12);
    }

    @Test
    void configurationRoundTripsThroughJsonAndRefusesNonsense() {
        TrainingConfig c = TinyRuns.tinyConfig().withAugmentation(Augmentation.comerWithInkJitter()).withThreads(2);
        assertEquals(c, TrainingConfig.fromJson(c.toJson()));
        assertEquals(TrainingConfig.comer(org.inkmath.recognizer.model.ModelConfig.compact()).learningRate(), 0.02);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> c.withOptimizer(-1, 0.9, 0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> c.withBatches(0, 10));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> c.withEpochs(0));
    }
}
