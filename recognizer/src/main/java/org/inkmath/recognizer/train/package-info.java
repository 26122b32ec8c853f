/**
 * Training and evaluation data: captions (read with {@link org.inkmath.latex.CaptionFile}), samples
 * of the CROHME data ({@link org.inkmath.recognizer.train.CrohmeDatasets}), augmentation and
 * batching by the rules of the reference model ({@link org.inkmath.recognizer.train.DataPipeline},
 * {@link org.inkmath.recognizer.train.Batch}), and a loader that runs ahead on a worker thread.
 * Example: {@code new DataPipeline(samples, Vocabulary.crohme(), RasterStyle.crohme(),
 * Augmentation.comer(), BatchRules.comer(), 42, true).epoch(0)}.
 */
package org.inkmath.recognizer.train;
