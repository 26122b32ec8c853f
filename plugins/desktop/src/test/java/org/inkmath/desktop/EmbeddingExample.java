package org.inkmath.desktop;

import java.nio.file.Path;
import javax.swing.JFrame;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.inkmath.recognizer.Recognizer;

/** The embedding example of the README, kept here so that it compiles with the tests. */
final class EmbeddingExample {

    private EmbeddingExample() {
    }

    public static void main(String[] args) throws Exception {
        Recognizer recognizer = Recognizer.load(Path.of(args[0]));   // the app's own; thread-safe, may be shared
        SwingUtilities.invokeLater(() -> {
            JTextField formula = new JTextField();                   // the note's formula field, say
            InkPad pad = new InkPad(recognizer);
            pad.addRecognitionListener(result -> {                   // called on the Swing thread
                if (result instanceof PadResult.Recognized r) {
                    formula.setText(r.latex());                      // the best formula, or the alternative picked
                }
            });
            JFrame frame = new JFrame("notes");
            frame.add(pad);
            frame.add(formula, java.awt.BorderLayout.SOUTH);
            frame.setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
            frame.addWindowListener(new java.awt.event.WindowAdapter() {
                @Override
                public void windowClosed(java.awt.event.WindowEvent e) {
                    pad.close();                                     // stops the pad's background thread
                    recognizer.close();                              // the app closes what it opened
                }
            });
            frame.pack();
            frame.setVisible(true);
        });
    }
}
