package org.inkmath.recognizer.train;

import java.nio.file.Path;

/**
 * What a {@link Trainer} reports while it runs, for progress bars and logs. Every method has an
 * empty default. Called on the training thread: keep it quick. Example:
 * <pre>{@code
 * TrainingListener l = new TrainingListener() {
 *     public void stepDone(Progress p) { System.err.printf("%d %.3f%n", p.step(), p.loss()); }
 * };
 * }</pre>
 */
public interface TrainingListener {

    /**
     * After each optimiser step.
     *
     * @param step            steps in all (this run and the runs it resumes)
     * @param epoch           the epoch (from 0)
     * @param batch           planned batches of this epoch done
     * @param batches         planned batches in this epoch
     * @param loss            this step's loss
     * @param learningRate    the rate used
     * @param imagesPerSecond training images per second in this session
     * @param gradientNorm    global gradient norm before clipping (NaN or infinite: step skipped)
     * @param skipped         the weights did not move: the loss or the gradients were not finite
     */
    record Progress(long step, int epoch, int batch, int batches, double loss, double learningRate,
                    double imagesPerSecond, double gradientNorm, boolean skipped) {
    }

    /** An epoch starts (or continues, after a resume, at planned batch {@code done}). */
    default void epochStarted(int epoch, int done, int batches) {
    }

    default void stepDone(Progress progress) {
    }

    /** Validation starts on {@code images} images. */
    default void validationStarted(int epoch, int images) {
    }

    /** One more validation image decoded. */
    default void validationImageDone() {
    }

    /** A validation ended; {@code best} when it beat every earlier one (the model was saved). */
    default void validated(int epoch, Validation.Score score, boolean best) {
    }

    /** Validation of the mean of {@code weights} weight files (the snapshots since the last validation) starts. */
    default void meanValidationStarted(int epoch, int weights, int images) {
    }

    /** The mean's validation ended; {@code best} when it beat every earlier one (the mean was saved as the best model). */
    default void meanValidated(int epoch, int weights, Validation.Score score, boolean best) {
    }

    default void checkpointSaved(Path directory, long step) {
    }
}
