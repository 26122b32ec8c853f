/**
 * The CoMER-style network (design/comer.md) in DJL on PyTorch, and nothing else: the DenseNet-B
 * encoder, the decoder with its attention refinement module, model files and incremental
 * decoding. Decoders (greedy, beam) and trainers use {@link org.inkmath.recognizer.model.ComerModel}
 * (plain-array API: {@code logProbabilities}, {@code startDecoding}) or, inside this module, its
 * DJL block {@link org.inkmath.recognizer.model.ComerNetwork} with
 * {@link org.inkmath.recognizer.model.TeacherForcing} for targets and loss.
 *
 * <p>Parameters carry the names of the reference PyTorch implementation and are initialised by
 * the model itself (PyTorch's defaults) when it is created: a trainer must not re-initialise them
 * (no {@code Trainer.initialize}). The engine is used offline ({@link
 * org.inkmath.recognizer.model.TorchEngine}); computation is float32 only.
 * Example:
 * <pre>{@code
 * try (ComerModel model = ComerModel.create(ModelConfig.reference(), Vocabulary.crohme(), 42);
 *      StepDecoder decoder = model.startDecoding(ImageBatch.of(List.of(image)), new int[] {0})) {
 *     float[][] logProbs = decoder.step(new int[] {Vocabulary.SOS});
 * }
 * }</pre>
 */
package org.inkmath.recognizer.model;
