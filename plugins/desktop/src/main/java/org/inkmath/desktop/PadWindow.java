package org.inkmath.desktop;

import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.lang.reflect.InvocationTargetException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.inkmath.recognizer.Recognizer;
import org.inkmath.recognizer.RecognizerOptions;

/**
 * The standalone pad: an {@link InkPad} in a window of its own, as {@code inkmath pad} opens it.
 * The caller keeps the recognizer and closes it after {@link #awaitClosed()}. Call from any thread
 * but the Swing one. Example:
 * <pre>{@code
 * try (Recognizer recognizer = Recognizer.load(model)) {
 *     PadWindow window = PadWindow.open(recognizer, options, "inkmath pad");
 *     window.awaitClosed();     // until the user closes the window
 * }
 * }</pre>
 */
public final class PadWindow {

    private final JFrame frame;
    private final InkPad pad;
    private final CountDownLatch closed = new CountDownLatch(1);

    private PadWindow(JFrame frame, InkPad pad) {
        this.frame = frame;
        this.pad = pad;
    }

    /**
     * Opens the window on the screen.
     *
     * @throws HeadlessException when there is no display (the message says so)
     */
    public static PadWindow open(Recognizer recognizer, RecognizerOptions options, String title)
            throws InterruptedException {
        Objects.requireNonNull(recognizer, "recognizer");
        Objects.requireNonNull(options, "options");
        Optional<String> problem = displayProblem();
        if (problem.isPresent()) {
            throw new HeadlessException(problem.get());
        }
        if (SwingUtilities.isEventDispatchThread()) {
            throw new IllegalStateException("open the pad window from outside the Swing thread");
        }
        AtomicReference<PadWindow> window = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> window.set(build(recognizer, options, title)));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("the pad window could not be built: " + cause, cause);
        }
        return window.get();
    }

    /**
     * Why no window can be opened here, if it cannot: no display, or one that does not answer.
     * Connects to the display (AWT keeps the connection), so call it only when a window is wanted.
     */
    public static Optional<String> displayProblem() {
        if (GraphicsEnvironment.isHeadless()) {
            return Optional.of("no display: the pad opens a window (is DISPLAY set? java.awt.headless must not be true)");
        }
        try {
            if (GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices().length == 0) {
                return Optional.of("no display: the graphics environment has no screen");
            }
        } catch (AWTError | HeadlessException e) {
            return Optional.of("no display: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static PadWindow build(Recognizer recognizer, RecognizerOptions options, String title) {
        JFrame frame = new JFrame(title);
        InkPad pad = new InkPad(recognizer, options);
        PadWindow window = new PadWindow(frame, pad);
        frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                pad.close();
                window.closed.countDown();
            }
        });
        frame.setContentPane(pad);
        frame.pack();
        frame.setLocationRelativeTo(null);
        frame.setVisible(true);
        pad.canvas().requestFocusInWindow();
        return window;
    }

    public InkPad pad() {
        return pad;
    }

    public JFrame frame() {
        return frame;
    }

    /** Waits until the window is closed. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Closes the window (as the user would). */
    public void close() {
        SwingUtilities.invokeLater(frame::dispose);
    }
}
