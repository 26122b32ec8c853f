package org.inkmath.recognizer.train;

/**
 * The learning rate, reduced on a plateau of the validation expression rate (PyTorch's
 * {@code ReduceLROnPlateau} in "max" mode, as the reference run used it with patience counted in
 * validations: 20 epochs / validation every 2 epochs = 10 validations). An immutable value: each
 * validation gives the next schedule, which checkpoints store. Example:
 * <pre>{@code
 * PlateauSchedule s = PlateauSchedule.start(0.08);
 * s = s.afterValidation(0.31, 0.25, 10);   // better: remembered, rate unchanged
 * }</pre>
 *
 * @param learningRate     the current rate
 * @param bestRate         the best validation expression rate so far (-1 before any)
 * @param badValidations   validations since the best one
 */
public record PlateauSchedule(double learningRate, double bestRate, int badValidations) {

    public static PlateauSchedule start(double learningRate) {
        return new PlateauSchedule(learningRate, -1, 0);
    }

    /** Whether {@code rate} beats the best so far (strictly). */
    public boolean improvedBy(double rate) {
        return rate > bestRate;
    }

    /**
     * The schedule after a validation that measured {@code rate}: the rate times {@code factor}
     * once more than {@code patience} validations in a row have not beaten the best.
     */
    public PlateauSchedule afterValidation(double rate, double factor, int patience) {
        if (improvedBy(rate)) {
            return new PlateauSchedule(learningRate, rate, 0);
        }
        int bad = badValidations + 1;
        if (bad > patience) {
            return new PlateauSchedule(learningRate * factor, bestRate, 0);
        }
        return new PlateauSchedule(learningRate, bestRate, bad);
    }
}
