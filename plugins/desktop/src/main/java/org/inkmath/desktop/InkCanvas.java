package org.inkmath.desktop;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import org.inkmath.recognizer.ink.InkPoint;
import org.inkmath.recognizer.ink.Stroke;

/**
 * The writing surface: captures strokes from the mouse or a pen (which Java sees as a mouse) with
 * their times, and draws the ink smoothly (antialiased, round pen, curves through the midpoints
 * of the samples). It holds no ink of its own: it draws what {@code strokes} supplies and hands
 * each finished stroke to {@code onStroke}. Coordinates are the component's pixels.
 */
final class InkCanvas extends JComponent {

    static final float PEN_WIDTH = 2.6f;
    private static final Color INK = new Color(0x1a, 0x23, 0x7e);
    private static final Color HINT = new Color(0x9e, 0x9e, 0x9e);

    private final Supplier<List<Stroke>> strokes;
    private final BooleanSupplier empty;
    private final Consumer<Stroke> onStroke;
    private final StrokeCapture capture = new StrokeCapture();
    private final BasicStroke pen = new BasicStroke(PEN_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    InkCanvas(Supplier<List<Stroke>> strokes, BooleanSupplier empty, Consumer<Stroke> onStroke) {
        this.strokes = Objects.requireNonNull(strokes, "strokes");
        this.empty = Objects.requireNonNull(empty, "empty");
        this.onStroke = Objects.requireNonNull(onStroke, "onStroke");
        setOpaque(true);
        setBackground(Color.WHITE);
        setFocusable(true);
        setCursor(Cursor.getPredefinedCursor(Cursor.CROSSHAIR_CURSOR));
        setPreferredSize(new Dimension(720, 300));
        setToolTipText("Write a formula here with the mouse or a pen");
        MouseAdapter pointer = new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                if (!SwingUtilities.isLeftMouseButton(e)) {
                    return;
                }
                requestFocusInWindow();
                capture.begin(e.getX(), e.getY(), e.getWhen(), InkCanvas.this.empty.getAsBoolean());
                repaintAround(capture.inProgress());
            }

            @Override
            public void mouseDragged(MouseEvent e) {
                if (capture.active()) {
                    capture.extend(e.getX(), e.getY(), e.getWhen());
                    repaintAround(capture.inProgress());
                }
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                if (SwingUtilities.isLeftMouseButton(e)) {
                    capture.end(e.getX(), e.getY(), e.getWhen()).ifPresent(InkCanvas.this.onStroke);
                    repaint();
                }
            }
        };
        addMouseListener(pointer);
        addMouseMotionListener(pointer);
    }

    /** Drops a stroke in progress (the ink was replaced under the pen). */
    void cancelStroke() {
        capture.cancel();
        repaint();
    }

    /** Only the end of the stroke in progress changed: repaint its last few samples, not the canvas. */
    private void repaintAround(List<InkPoint> points) {
        int from = Math.max(0, points.size() - 4);
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (InkPoint p : points.subList(from, points.size())) {
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        if (minX == Double.MAX_VALUE) {
            return;
        }
        int margin = (int) Math.ceil(PEN_WIDTH) + 2;
        repaint(new Rectangle((int) Math.floor(minX) - margin, (int) Math.floor(minY) - margin,
                (int) Math.ceil(maxX - minX) + 2 * margin, (int) Math.ceil(maxY - minY) + 2 * margin));
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setColor(getBackground());
            Rectangle clip = g.getClipBounds();
            if (clip == null) {
                clip = new Rectangle(0, 0, getWidth(), getHeight());
            }
            g.fillRect(clip.x, clip.y, clip.width, clip.height);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            List<Stroke> all = strokes.get();
            List<InkPoint> current = capture.inProgress();
            if (all.isEmpty() && current.isEmpty()) {
                paintHint(g);
            }
            g.setColor(INK);
            g.setStroke(pen);
            for (Stroke s : all) {
                paintStroke(g, s.points());
            }
            paintStroke(g, current);
        } finally {
            g.dispose();
        }
    }

    private void paintHint(Graphics2D g) {
        g.setColor(HINT);
        g.setFont(getFont() == null ? new Font(Font.SANS_SERIF, Font.PLAIN, 16) : getFont().deriveFont(16f));
        String text = "Write a formula here";
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, (getWidth() - m.stringWidth(text)) / 2, getHeight() / 2);
    }

    /** One stroke: a dot for a tap, otherwise quadratic curves through the samples' midpoints. */
    static void paintStroke(Graphics2D g, List<InkPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        if (points.size() == 1) {
            InkPoint p = points.get(0);
            double r = PEN_WIDTH / 2 + 0.5;
            g.fill(new Ellipse2D.Double(p.x() - r, p.y() - r, 2 * r, 2 * r));
            return;
        }
        g.draw(smoothPath(points));
    }

    /** The curve drawn for a stroke of two or more samples. */
    static Path2D smoothPath(List<InkPoint> points) {
        Path2D.Double path = new Path2D.Double();
        InkPoint first = points.get(0);
        path.moveTo(first.x(), first.y());
        for (int i = 1; i < points.size() - 1; i++) {
            InkPoint p = points.get(i);
            InkPoint next = points.get(i + 1);
            path.quadTo(p.x(), p.y(), (p.x() + next.x()) / 2, (p.y() + next.y()) / 2);
        }
        InkPoint last = points.get(points.size() - 1);
        path.lineTo(last.x(), last.y());
        return path;
    }
}
