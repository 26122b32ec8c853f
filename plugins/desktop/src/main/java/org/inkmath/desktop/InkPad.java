package org.inkmath.desktop;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.inkmath.latex.render.LatexRenderer;
import org.inkmath.latex.render.RenderOptions;
import org.inkmath.recognizer.ModelInfo;
import org.inkmath.recognizer.Recognition;
import org.inkmath.recognizer.Recognizer;
import org.inkmath.recognizer.RecognizerOptions;
import org.inkmath.recognizer.ink.Ink;
import org.inkmath.recognizer.ink.InkBounds;
import org.inkmath.recognizer.ink.InkDocument;
import org.inkmath.recognizer.ink.InkMlWriter;
import org.inkmath.recognizer.ink.InkPoint;
import org.inkmath.recognizer.ink.Stroke;

/**
 * A Swing ink pad to embed in a Java application: the user writes a formula with the mouse or a
 * pen; shortly after the pen lifts ({@value #DEFAULT_DELAY_MS} ms) the pad recognizes the ink on
 * a background thread and shows the LaTeX (selectable, with a copy button), its rendering
 * (jlatexmath) and the alternatives to pick from. Undo (Ctrl+Z or the button, a clear
 * included), clear, and save as InkML. Recognition errors are shown in the pad. The
 * recognizer belongs to the application: the pad never closes it, and it may be shared (a
 * {@link Recognizer} is thread-safe). A model that is not released is named in a warning banner.
 * Like every Swing component, call it on the event thread; listeners are called there too.
 * <pre>{@code
 * Recognizer recognizer = Recognizer.load(Path.of("model.safetensors"));   // the app's, shared
 * InkPad pad = new InkPad(recognizer);
 * pad.addRecognitionListener(result -> {
 *     if (result instanceof PadResult.Recognized r) {
 *         editor.insert(r.latex());
 *     }
 * });
 * frame.add(pad);
 * // when done: pad.close() (stops its thread), then recognizer.close()
 * }</pre>
 */
public class InkPad extends JPanel implements AutoCloseable {

    /** How long after the pen lifts the pad waits before recognizing (writing on cancels the wait). */
    public static final int DEFAULT_DELAY_MS = 400;

    private static final Color ERROR = new Color(0xb7, 0x1c, 0x1c);
    private static final Color WARNING_BACKGROUND = new Color(0xff, 0xf3, 0xc4);

    static {
        // AWT fixes headless mode the first time it is asked; ask before LatexRenderer loads, as
        // it declares headless mode when nobody has, and an application that builds the pad
        // before its first window must still be able to open one
        GraphicsEnvironment.isHeadless();
    }

    private final InkHistory history = new InkHistory();
    private final InkCanvas canvas;
    private final RecognitionScheduler scheduler;
    private final List<RecognitionListener> listeners = new CopyOnWriteArrayList<>();
    private final JLabel warning = new JLabel();
    private final JLabel status = new JLabel(" ");
    private final JLabel preview = new JLabel();
    private final JTextField latexField = new JTextField();
    private final DefaultListModel<String> alternatives = new DefaultListModel<>();
    private final JList<String> alternativesList = new JList<>(alternatives);
    private final JButton undoButton = new JButton("Undo");
    private final JButton clearButton = new JButton("Clear");
    private final JButton saveButton = new JButton("Save InkML…");
    private final JButton copyButton = new JButton("Copy LaTeX");

    private PadResult result;
    private Map<String, RecognitionScheduler.Preview> previews = Map.of();
    /** Set while the pad itself changes the list selection, so that only the user's picks count. */
    private boolean updatingAlternatives;

    /** A pad that reads ink with the recognizer's own options. */
    public InkPad(Recognizer recognizer) {
        this(recognizer::recognize, recognizer.model());
    }

    /** A pad that reads ink with the given options (greedy decoding answers fastest). */
    public InkPad(Recognizer recognizer, RecognizerOptions options) {
        this(ink -> recognizer.recognize(ink, options), recognizer.model());
        Objects.requireNonNull(options, "options");
    }

    /**
     * A pad over any way of reading ink (a remote service, a cache in front of a recognizer).
     *
     * @param recognize called on a background thread, never on the Swing thread
     * @param model     the model behind it, for the warning banner; null shows no banner
     */
    public InkPad(Function<Ink, Recognition> recognize, ModelInfo model) {
        this(recognize, model, Duration.ofMillis(DEFAULT_DELAY_MS), SwingUtilities::invokeLater);
    }

    InkPad(Function<Ink, Recognition> recognize, ModelInfo model, Duration delay, Executor deliverOn) {
        super(new BorderLayout());
        Objects.requireNonNull(recognize, "recognize");
        // light and fast enough to draw a formula per alternative on the recognition thread
        LatexRenderer renderer = new LatexRenderer(RenderOptions.defaults().withSize(30).withPadding(6));
        scheduler = new RecognitionScheduler(recognize, renderer, delay, deliverOn, this::show);
        canvas = new InkCanvas(history::strokes, () -> history.strokes().isEmpty(), this::strokeFinished);
        canvas.setBorder(BorderFactory.createLineBorder(new Color(0xbd, 0xbd, 0xbd)));
        add(top(model), BorderLayout.NORTH);
        add(canvas, BorderLayout.CENTER);
        add(resultArea(), BorderLayout.SOUTH);
        bindKeys();
        updateControls();
    }

    private JComponent top(ModelInfo model) {
        JPanel top = new JPanel(new BorderLayout());
        if (model != null && !model.isReleased()) {
            warning.setText(bannerText(model));
            warning.setToolTipText(model.summary());
            warning.setOpaque(true);
            warning.setBackground(WARNING_BACKGROUND);
            warning.setForeground(new Color(0x5d, 0x40, 0x37));
            warning.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
            top.add(warning, BorderLayout.NORTH);
        }
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 2));
        undoButton.setToolTipText("Undo the last stroke or clear (Ctrl+Z)");
        undoButton.addActionListener(e -> undo());
        clearButton.addActionListener(e -> clear());
        saveButton.addActionListener(e -> chooseFileAndSave());
        copyButton.addActionListener(e -> copyLatex());
        buttons.add(undoButton);
        buttons.add(clearButton);
        buttons.add(saveButton);
        buttons.add(copyButton);
        top.add(buttons, BorderLayout.WEST);
        status.setBorder(BorderFactory.createEmptyBorder(0, 8, 0, 8));
        status.setHorizontalAlignment(SwingConstants.RIGHT);
        top.add(status, BorderLayout.CENTER);
        return top;
    }

    /** One line that fits the pad: a long description (a model file's path) is cut, in full on hover. */
    static String bannerText(ModelInfo model) {
        String text = "⚠ Model not released: " + model.summary();
        int max = 90;
        return (text.length() > max ? text.substring(0, max - 1) + "…" : text) + " Results may be wrong.";
    }

    private JComponent resultArea() {
        preview.setHorizontalAlignment(SwingConstants.CENTER);
        preview.setOpaque(true);
        preview.setBackground(Color.WHITE);
        JScrollPane previewScroll = new JScrollPane(preview);
        previewScroll.setPreferredSize(new Dimension(480, 120));
        previewScroll.setBorder(BorderFactory.createTitledBorder("Preview"));

        alternativesList.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        alternativesList.setVisibleRowCount(5);
        alternativesList.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && !updatingAlternatives) {
                pickAlternative(alternativesList.getSelectedIndex());
            }
        });
        JScrollPane alternativesScroll = new JScrollPane(alternativesList);
        alternativesScroll.setPreferredSize(new Dimension(240, 120));
        alternativesScroll.setBorder(BorderFactory.createTitledBorder("Alternatives"));

        latexField.setEditable(false); // selectable and copyable, not edited here
        latexField.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 14));
        latexField.getAccessibleContext().setAccessibleName("recognized LaTeX");
        JPanel latexRow = new JPanel(new BorderLayout(6, 0));
        latexRow.add(new JLabel("LaTeX:"), BorderLayout.WEST);
        latexRow.add(latexField, BorderLayout.CENTER);

        JPanel area = new JPanel(new BorderLayout(4, 4));
        area.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        area.add(latexRow, BorderLayout.NORTH);
        area.add(previewScroll, BorderLayout.CENTER);
        area.add(alternativesScroll, BorderLayout.EAST);
        return area;
    }

    private void bindKeys() {
        int ctrl = InputEvent.CTRL_DOWN_MASK;
        getInputMap(WHEN_ANCESTOR_OF_FOCUSED_COMPONENT).put(KeyStroke.getKeyStroke(KeyEvent.VK_Z, ctrl), "inkmath-undo");
        getActionMap().put("inkmath-undo", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                undo();
            }
        });
    }

    // ---- the ink ----

    /** The ink written, in the pad's pixel coordinates with times in ms; empty when the pad is. */
    public Optional<Ink> getInk() {
        return history.ink();
    }

    /**
     * Shows {@code ink} instead of what is written (an undoable step) and recognizes it. The ink is
     * moved and scaled uniformly to fit the writing area (recognition does not depend on either),
     * so {@link #getInk()} gives it in the pad's coordinates.
     */
    public void setInk(Ink ink) {
        Objects.requireNonNull(ink, "ink");
        canvas.cancelStroke();
        history.replace(fitted(ink).strokes());
        inkChanged();
    }

    /** Undoes the last stroke, clear or replacement; false when there was nothing to undo. */
    public boolean undo() {
        canvas.cancelStroke();
        if (!history.undo()) {
            return false;
        }
        inkChanged();
        return true;
    }

    /** Empties the pad (undoable). */
    public void clear() {
        canvas.cancelStroke();
        if (history.clear()) {
            inkChanged();
        }
    }

    /** Writes the ink as InkML; nothing is written when the pad is empty. */
    public void saveInkMl(Path file) throws IOException {
        Ink ink = history.ink().orElseThrow(() -> new IllegalStateException("the pad is empty: nothing to save"));
        InkMlWriter.write(InkDocument.of(ink), file);
    }

    /** The LaTeX chosen (the best result or the picked alternative); empty when there is none. */
    public String getLatex() {
        return result instanceof PadResult.Recognized r ? r.latex() : "";
    }

    /** The newest result shown, if any. */
    public Optional<PadResult> getResult() {
        return Optional.ofNullable(result);
    }

    /** How long to wait after the pen lifts before recognizing. */
    public void setRecognitionDelay(Duration delay) {
        scheduler.setDelay(delay);
    }

    public void addRecognitionListener(RecognitionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeRecognitionListener(RecognitionListener listener) {
        listeners.remove(listener);
    }

    /** Stops the pad's background thread (the recognizer stays open: it is the application's). */
    @Override
    public void close() {
        scheduler.close();
    }

    private void strokeFinished(Stroke stroke) {
        history.add(stroke);
        inkChanged();
    }

    private void inkChanged() {
        canvas.repaint();
        scheduler.inkChanged(history.generation(), history.ink());
        if (!history.strokes().isEmpty()) {
            showStatus("Recognizing…", false);
        }
        updateControls();
    }

    private Ink fitted(Ink ink) {
        int width = canvas.getWidth() > 0 ? canvas.getWidth() : canvas.getPreferredSize().width;
        int height = canvas.getHeight() > 0 ? canvas.getHeight() : canvas.getPreferredSize().height;
        double margin = 20;
        InkBounds b = ink.bounds();
        double sx = b.width() > 0 ? (width - 2 * margin) / b.width() : Double.MAX_VALUE;
        double sy = b.height() > 0 ? (height - 2 * margin) / b.height() : Double.MAX_VALUE;
        double scale = Math.min(sx, sy);
        if (scale == Double.MAX_VALUE || !(scale > 0)) {
            scale = 1; // a single point: only moved
        }
        double dx = (width - b.width() * scale) / 2;
        double dy = (height - b.height() * scale) / 2;
        double s = scale;
        return ink.map(p -> new InkPoint((p.x() - b.minX()) * s + dx,
                (p.y() - b.minY()) * s + dy, p.time()));
    }

    // ---- results ----

    /** Applies a result on the Swing thread (the scheduler already dropped stale ones). */
    private void show(RecognitionScheduler.Delivery delivery) {
        result = delivery.result();
        previews = delivery.previews();
        updatingAlternatives = true;
        try {
            alternatives.clear();
            if (result instanceof PadResult.Recognized r) {
                for (Recognition.Alternative a : r.recognition().alternatives()) {
                    alternatives.addElement(a.latex());
                }
                int best = alternatives.indexOf(r.latex());
                alternativesList.setSelectedIndex(best);
                showLatex(r.latex());
                Recognition rec = r.recognition();
                showStatus(String.format(Locale.ROOT, "Read in %.0f ms, confidence %.0f%%%s",
                        rec.timings().totalMs(), 100 * rec.confidence(), rec.repaired() ? ", repaired" : ""), false);
            } else if (result instanceof PadResult.Failed f) {
                showLatex("");
                showStatus(f.message(), true);
            } else {
                showLatex("");
                showStatus(" ", false);
            }
        } finally {
            updatingAlternatives = false;
        }
        updateControls();
        fire(result);
    }

    private void pickAlternative(int index) {
        if (!(result instanceof PadResult.Recognized r) || index < 0 || index >= alternatives.size()) {
            return;
        }
        String chosen = alternatives.get(index);
        if (chosen.equals(r.latex())) {
            return;
        }
        result = new PadResult.Recognized(r.generation(), r.ink(), r.recognition(), chosen);
        showLatex(chosen);
        fire(result);
    }

    private void showLatex(String latex) {
        latexField.setText(latex);
        latexField.setCaretPosition(0);
        RecognitionScheduler.Preview p = previews.get(latex);
        if (latex.isEmpty() || p == null) {
            preview.setIcon(null);
            preview.setText(null);
        } else if (p.image() != null) {
            preview.setIcon(new ImageIcon(p.image()));
            preview.setText(null);
        } else {
            preview.setIcon(null);
            preview.setText("cannot draw this formula: " + p.error());
        }
        copyButton.setEnabled(!latex.isEmpty());
    }

    private void fire(PadResult r) {
        for (RecognitionListener l : listeners) {
            l.resultChanged(r);
        }
    }

    private void showStatus(String text, boolean error) {
        status.setText(text);
        status.setForeground(error ? ERROR : getForeground());
        status.setToolTipText(text.isBlank() ? null : text);
    }

    private void updateControls() {
        boolean empty = history.strokes().isEmpty();
        undoButton.setEnabled(history.canUndo());
        clearButton.setEnabled(!empty);
        saveButton.setEnabled(!empty);
        copyButton.setEnabled(!getLatex().isEmpty());
    }

    private void copyLatex() {
        String latex = getLatex();
        if (latex.isEmpty()) {
            return;
        }
        try {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(latex), null);
            showStatus("LaTeX copied", false);
        } catch (HeadlessException | IllegalStateException e) {
            showStatus("cannot reach the clipboard: " + e.getMessage(), true);
        }
    }

    private void chooseFileAndSave() {
        JFileChooser chooser = new JFileChooser();
        chooser.setFileFilter(new FileNameExtensionFilter("InkML files", "inkml"));
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path file = chooser.getSelectedFile().toPath();
        if (!file.getFileName().toString().contains(".")) {
            file = file.resolveSibling(file.getFileName() + ".inkml");
        }
        try {
            saveInkMl(file);
            showStatus("Saved " + file.getFileName(), false);
        } catch (IOException | RuntimeException e) {
            showStatus("cannot save " + file + ": " + e.getMessage(), true);
        }
    }

    // ---- for tests in this package ----

    InkCanvas canvas() {
        return canvas;
    }

    String latexText() {
        return latexField.getText();
    }

    String statusText() {
        return status.getText();
    }

    String warningText() {
        return warning.getText();
    }

    List<String> alternativesShown() {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < alternatives.size(); i++) {
            shown.add(alternatives.get(i));
        }
        return shown;
    }

    boolean previewShown() {
        return preview.getIcon() != null;
    }

    void pickAlternativeForTest(int index) {
        alternativesList.setSelectedIndex(index);
    }
}
