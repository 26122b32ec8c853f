package org.inkmath.latex.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Renders LaTeX math with jlatexmath to an image, PNG bytes or SVG. Immutable and free of
 * shared mutable state of its own; one instance per set of {@link RenderOptions}, usable from
 * several threads at once (jlatexmath 1.0.7 gives the same images then: checked by a test, and on
 * the 986 CROHME 2014 captions in 8 threads).
 *
 * <pre>{@code
 * LatexRenderer renderer = new LatexRenderer(RenderOptions.defaults().withSize(30));
 * byte[] png = renderer.png("\\frac{\\partial f}{\\partial x}");
 * String svg = renderer.svg("\\sqrt[3]{x}");
 * renderer.write("x^{2}", Path.of("x2.svg"));      // the format follows the extension
 * }</pre>
 *
 * <p>What jlatexmath 1.0.7 draws of the language of GRAMMAR.md, checked by
 * {@code LatexRendererTest}: everything, natively, including {@code \limits},
 * {@code \left. ... \right|}, {@code \sqrt[3]{x}}, and the environments matrix, pmatrix, bmatrix,
 * array with a column spec (including {@code |} rules) and cases. One thing is translated:
 * jlatexmath misplaces scripts written with spaces around {@code ^ _} (the captions' form), so
 * those spaces are dropped first ({@code JLatexMathInput}). Input that jlatexmath would draw silently although LaTeX rejects it
 * (an unclosed brace, {@code \frac} without arguments) is refused first, as are commands that
 * read files or change jlatexmath's global state (see {@code RenderInputCheck}).
 * Every failure is a {@link RenderException} with a plain message.
 *
 * <p>Bounds: at most {@value RenderInputCheck#MAX_LENGTH} characters, nesting at most
 * {@value RenderInputCheck#MAX_NESTING} deep, and images of at most {@value #MAX_PIXELS} pixels.
 * The renderer sets {@code java.awt.headless=true} when nothing else has set it, as it never
 * needs a display.
 */
public final class LatexRenderer {

    /** The largest image drawn, in pixels (width times height), to bound memory. */
    public static final long MAX_PIXELS = 40_000_000L;

    static {
        // Never open a display: rendering works off-screen, also on machines without one.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final Pattern UNKNOWN = Pattern.compile("Unknown symbol or command or predefined TeXFormula: '([^']*)'");
    private static final Pattern MISUSED = Pattern.compile("Problem with command (\\w+) at position \\d+:(\\d+)");

    private final RenderOptions options;

    public LatexRenderer(RenderOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** A renderer with {@link RenderOptions#defaults()}. */
    public static LatexRenderer withDefaults() {
        return new LatexRenderer(RenderOptions.defaults());
    }

    public RenderOptions options() {
        return options;
    }

    /** The formula drawn on an ARGB image, padding included. */
    public BufferedImage image(String latex) throws RenderException {
        TeXIcon icon = layout(latex);
        int pad = options.paddingPixels();
        int width = icon.getIconWidth() + 2 * pad;
        int height = icon.getIconHeight() + 2 * pad;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            if (!options.transparentBackground()) {
                g.setColor(options.background());
                g.fillRect(0, 0, width, height);
            }
            paint(icon, g, pad);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The formula as PNG bytes. */
    public byte[] png(String latex) throws RenderException {
        BufferedImage image = image(latex);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * The formula as an SVG document (UTF-8 text, no DOCTYPE). Glyphs are drawn as paths, so the
     * file needs none of jlatexmath's fonts to display.
     */
    public String svg(String latex) throws RenderException {
        TeXIcon icon = layout(latex);
        int pad = options.paddingPixels();
        int width = icon.getIconWidth() + 2 * pad;
        int height = icon.getIconHeight() + 2 * pad;
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        if (!options.transparentBackground()) {
            g.setColor(options.background());
            g.fillRect(0, 0, width, height);
        }
        paint(icon, g, pad);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement() + "\n";
    }

    /** Writes the formula in {@code format} to {@code out} (which stays open). */
    public void write(String latex, ImageFormat format, OutputStream out) throws RenderException, IOException {
        byte[] bytes = switch (format) {
            case PNG -> png(latex);
            case SVG -> svg(latex).getBytes(StandardCharsets.UTF_8);
        };
        out.write(bytes);
    }

    /**
     * Writes the formula to {@code file}, in the format its extension names. The formula is
     * rendered before the file is opened, so malformed LaTeX leaves no file behind.
     *
     * @throws IllegalArgumentException when the extension is not one of {@link ImageFormat}
     * @throws IOException when the file cannot be written
     */
    public void write(String latex, Path file) throws RenderException, IOException {
        ImageFormat format = ImageFormat.fromFileName(file).orElseThrow(() -> new IllegalArgumentException(
                "cannot tell the image format of " + file + ": use one of " + ImageFormat.acceptedExtensions()));
        byte[] bytes = switch (format) {
            case PNG -> png(latex);
            case SVG -> svg(latex).getBytes(StandardCharsets.UTF_8);
        };
        Files.write(file, bytes);
    }

    /** Parses and lays out the formula; every failure becomes a {@link RenderException}. */
    private TeXIcon layout(String latex) throws RenderException {
        Objects.requireNonNull(latex, "latex");
        RenderInputCheck.check(latex);
        String prepared = JLatexMathInput.prepare(latex);
        TeXIcon icon;
        try {
            icon = SharedSymbols.isolated(() -> new TeXFormula(prepared).new TeXIconBuilder()
                    .setStyle(options.style().jlatexmathStyle())
                    .setSize((float) options.sizePoints())
                    .setFGColor(options.foreground())
                    .build());
        } catch (ParseException e) {
            throw new RenderException(describe(e), e);
        } catch (StackOverflowError e) {
            throw new RenderException("the formula nests too deeply to render", e);
        } catch (RuntimeException e) {
            // jlatexmath throws unchecked exceptions of its own on some malformed input.
            throw new RenderException("jlatexmath cannot render the formula: " + oneLine(String.valueOf(e.getMessage())), e);
        }
        long pixels = (long) (icon.getIconWidth() + 2 * options.paddingPixels())
                * (icon.getIconHeight() + 2 * options.paddingPixels());
        if (icon.getIconWidth() <= 0 || icon.getIconHeight() <= 0) {
            throw new RenderException("the formula draws nothing");
        }
        if (pixels > MAX_PIXELS) {
            throw new RenderException("the image would be " + icon.getIconWidth() + " x " + icon.getIconHeight()
                    + " pixels, more than the " + MAX_PIXELS + " allowed; use a smaller size");
        }
        return icon;
    }

    private static void paint(TeXIcon icon, Graphics2D g, int pad) throws RenderException {
        try {
            icon.paintIcon(null, g, pad, pad);
        } catch (RuntimeException e) {
            throw new RenderException("jlatexmath failed while drawing the formula: " + oneLine(String.valueOf(e.getMessage())), e);
        }
    }

    /** jlatexmath's parse message, made plain: its wording, on one line. */
    private static String describe(ParseException e) {
        String message = oneLine(e.getMessage() == null ? "" : e.getMessage());
        Matcher unknown = UNKNOWN.matcher(message);
        if (unknown.find()) {
            return "unknown command \\" + unknown.group(1);
        }
        Matcher misused = MISUSED.matcher(message);
        if (misused.find()) {
            // jlatexmath wraps the failure of a command, often an internal one (a number format,
            // a null field): name the command and where it is, not the internals
            return "cannot use \\" + misused.group(1) + " there (it ends at character " + misused.group(2) + ")";
        }
        return "malformed LaTeX: " + message;
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
