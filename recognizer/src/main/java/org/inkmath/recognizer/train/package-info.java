/**
 * Training and evaluation data and the trainer. Data: captions (read with {@link
 * org.inkmath.latex.CaptionFile}), samples of the CROHME data ({@link
 * org.inkmath.recognizer.train.CrohmeDatasets}), augmentation and batching by the rules of the
 * reference model ({@link org.inkmath.recognizer.train.DataPipeline}, {@link
 * org.inkmath.recognizer.train.Batch}), and a loader that runs ahead on a worker thread. Training:
 * {@link org.inkmath.recognizer.train.Trainer} with a {@link
 * org.inkmath.recognizer.train.TrainingConfig} (the published recipe by default), {@link
 * org.inkmath.recognizer.train.SgdOptimizer}, {@link org.inkmath.recognizer.train.PlateauSchedule},
 * {@link org.inkmath.recognizer.train.Checkpoint}, {@link org.inkmath.recognizer.train.Validation},
 * {@link org.inkmath.recognizer.train.TrainingLog} and {@link
 * org.inkmath.recognizer.train.TrainingCurves}. Example: {@code new DataPipeline(samples,
 * Vocabulary.crohme(), RasterStyle.crohme(), Augmentation.comer(), BatchRules.comer(), 42,
 * true).epoch(0)}; {@code Trainer.start(TrainingConfig.comer(ModelConfig.compact()), train, valid,
 * out, null).run(new Trainer.Session(60, 5), listener, () -> false)}.
 */
package org.inkmath.recognizer.train;
