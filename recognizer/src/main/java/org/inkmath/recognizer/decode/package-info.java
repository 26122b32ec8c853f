/**
 * Turning a model's step-wise scores into token sequences. {@link
 * org.inkmath.recognizer.decode.Decoder} is the entry point: greedy, a left-to-right beam, or the
 * bidirectional beam search of comer.md (both directions in lockstep over one cached {@link
 * org.inkmath.recognizer.model.StepDecoder}, every hypothesis rescored by the opposite direction),
 * optionally constrained by {@link org.inkmath.recognizer.decode.GrammarConstraint} so that only
 * well-formed formulas come out. {@link org.inkmath.recognizer.decode.BeamSearch} is the search
 * itself and {@link org.inkmath.recognizer.decode.Hypothesis} its result, in reading order
 * whatever the {@link org.inkmath.recognizer.decode.Direction}. {@link
 * org.inkmath.recognizer.decode.GreedyDecoder} decodes whole batches greedily for the trainer's
 * validation. Example:
 * <pre>{@code
 * Decoder decoder = new Decoder(model);
 * try (EncodedImages e = model.encode(ImageBatch.of(List.of(image)))) {
 *     Hypothesis best = decoder.decode(e, Decoder.Strategy.BIDIRECTIONAL, BeamSearch.Settings.comer(), false, false).get(0);
 * }
 * }</pre>
 */
package org.inkmath.recognizer.decode;
