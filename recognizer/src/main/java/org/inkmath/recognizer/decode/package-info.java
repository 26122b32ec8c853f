/**
 * Turning a trained model's step-wise scores into token sequences: {@link
 * org.inkmath.recognizer.decode.GreedyDecoder} (the most likely token at each step, used for
 * validation during training); beam search builds on the same {@link
 * org.inkmath.recognizer.model.StepDecoder}. Example:
 * {@code GreedyDecoder.decode(model, ImageBatch.of(images), 200)}.
 */
package org.inkmath.recognizer.decode;
