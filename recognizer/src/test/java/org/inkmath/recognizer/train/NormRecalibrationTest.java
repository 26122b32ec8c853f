package org.inkmath.recognizer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.inkmath.latex.Vocabulary;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.ModelConfig;
import org.junit.jupiter.api.Test;

class NormRecalibrationTest {

    @Test
    void measuresTheAskedBatchesRepeatablyAndStopsAtTheEndOfTheEpoch() {
        // 16 small images under the published batch rules (8 images a batch): an epoch of 2 batches
        List<Sample> samples = new ArrayList<>(TinyRuns.samples(8));
        samples.addAll(TinyRuns.samples(8));
        try (ComerModel a = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 9);
             ComerModel b = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 9)) {
            Map<String, float[]> before = a.weights();
            List<Integer> heard = new ArrayList<>();
            assertEquals(2, NormRecalibration.run(a, samples, 2, 5, heard::add));
            assertEquals(List.of(1, 2), heard);
            assertEquals(2, NormRecalibration.run(b, samples, 2, 5, done -> { }));
            Map<String, float[]> after = a.weights();
            assertFalse(Arrays.equals(before.get("encoder.model.norm1.running_mean"),
                    after.get("encoder.model.norm1.running_mean")));
            b.weights().forEach((name, values) -> assertArrayEquals(after.get(name), values, 0f, name));

            assertEquals(2, NormRecalibration.run(a, samples, 1_000, 5, done -> { }), "an epoch has 2 batches");
        }
    }

    @Test
    void refusesNothingToMeasure() {
        try (ComerModel model = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 9)) {
            assertThrows(IllegalArgumentException.class, () -> NormRecalibration.run(model, TinyRuns.samples(2), 0, 5, d -> { }));
            assertThrows(IllegalArgumentException.class, () -> NormRecalibration.run(model, List.of(), 3, 5, d -> { }));
        }
    }
}
