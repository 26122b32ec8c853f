/**
 * Ink: strokes of points ({@link org.inkmath.recognizer.ink.Ink}), read from and written to InkML
 * ({@link org.inkmath.recognizer.ink.InkMlReader}) and JSON strokes. Example:
 * {@code Ink ink = InkMlReader.read(Path.of("f.inkml")).ink();}
 */
package org.inkmath.recognizer.ink;
