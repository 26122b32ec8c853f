/**
 * The desktop ink pad: {@link org.inkmath.desktop.InkPad}, a Swing component that a Java
 * application embeds to let people write formulas by hand and get LaTeX, and
 * {@link org.inkmath.desktop.PadWindow}, the window of the standalone {@code inkmath pad}.
 * <pre>{@code
 * InkPad pad = new InkPad(recognizer);
 * pad.addRecognitionListener(r -> System.out.println(r));
 * }</pre>
 */
package org.inkmath.desktop;
