/**
 * The recognizer: ink and images in, LaTeX out. The public API is a handful of types: {@link
 * org.inkmath.recognizer.Recognizer} (load a model once, then {@code recognize} ink, pictures or
 * files from any thread), {@link org.inkmath.recognizer.RecognizerOptions} (how to decode), {@link
 * org.inkmath.recognizer.Recognition} (the formula, its alternatives, confidence, validity,
 * attention and timings), {@link org.inkmath.recognizer.ModelInfo} (what the model is) and {@link
 * org.inkmath.recognizer.ModelInput} (files and ink to the picture the model reads). Below them:
 * {@code ink} (strokes, InkML, JSON strokes), {@code image} (rasteriser, picture input), {@code
 * model} (the network in DJL), {@code decode} (searches) and {@code train} (data and trainer).
 */
package org.inkmath.recognizer;
