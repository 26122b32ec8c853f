package org.inkmath.recognizer.train;

import java.util.Iterator;
import java.util.List;
import java.util.function.IntConsumer;
import org.inkmath.recognizer.image.RasterStyle;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.ModelConfig;
import org.inkmath.recognizer.model.NormStatistics;
import org.inkmath.recognizer.model.TeacherForcing;

/**
 * Measures a model's BatchNorm statistics anew ({@link NormStatistics}) on training batches drawn
 * as training draws them: the published augmentation, the published batch rules, both
 * directions of each caption. Meant for a mean of snapshots before it is evaluated or shipped.
 * Example:
 * <pre>{@code
 * int measured = NormRecalibration.run(model, trainSamples, 200, 42, done -> { });
 * }</pre>
 */
public final class NormRecalibration {

    private NormRecalibration() {
    }

    /**
     * Measures the statistics on the first {@code batches} batches of a shuffled epoch of
     * {@code samples} (fewer when the epoch has fewer) and writes them into {@code model};
     * {@code batchDone} hears the count after each batch. The same seed gives the same batches,
     * augmentation and dropout. Returns the number of batches measured.
     */
    public static int run(ComerModel model, List<Sample> samples, int batches, long seed, IntConsumer batchDone) {
        if (batches < 1) {
            throw new IllegalArgumentException("batches must be at least 1: " + batches);
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no training samples");
        }
        ModelConfig config = model.config();
        TrainingConfig training = TrainingConfig.comer(config);
        DataPipeline pipeline = new DataPipeline(samples, model.vocabulary(),
                SamplePreparer.forTraining(RasterStyle.crohme(), training.augmentation(), config.inputScale(), samples),
                training.batchRules(), seed, true);
        NormStatistics norms = new NormStatistics(model);
        Iterator<Batch> epoch = pipeline.epoch(0);
        while (norms.batches() < batches && epoch.hasNext()) {
            Batch batch = epoch.next();
            norms.add(Trainer.imagesOf(batch), TeacherForcing.bidirectional(Trainer.captionsOf(batch)),
                    seed * 1_000_003L + norms.batches());
            batchDone.accept(norms.batches());
        }
        norms.apply();
        return norms.batches();
    }
}
