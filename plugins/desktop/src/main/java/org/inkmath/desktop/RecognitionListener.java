package org.inkmath.desktop;

/**
 * Told what an {@link InkPad} read, on the Swing event thread, each time the result changes: a
 * new recognition, a failure, an empty pad, or another alternative picked by the user.
 * Example: {@code pad.addRecognitionListener(r -> System.out.println(r));}
 */
@FunctionalInterface
public interface RecognitionListener {

    void resultChanged(PadResult result);
}
