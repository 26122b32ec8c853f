package org.inkmath.latex.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class LatexRendererTest {

    private final LatexRenderer renderer = LatexRenderer.withDefaults();

    /** The bounding box of the ink (alpha above half) of an image rendered on transparency. */
    record Ink(int left, int top, int right, int bottom, int pixels) {
        int width() {
            return right - left + 1;
        }

        int height() {
            return bottom - top + 1;
        }
    }

    static Ink ink(BufferedImage image) {
        int left = Integer.MAX_VALUE, top = Integer.MAX_VALUE, right = -1, bottom = -1, pixels = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) >>> 24) > 128) {
                    pixels++;
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        assertTrue(pixels > 0, "the image has no ink");
        return new Ink(left, top, right, bottom, pixels);
    }

    /** The sum of the alpha channel: all of the ink, faint antialiased edges included. */
    static long inkMass(BufferedImage image) {
        long sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                sum += image.getRGB(x, y) >>> 24;
            }
        }
        return sum;
    }

    /** Mean absolute difference of the alpha channels, 0..255; images of other sizes are far apart. */
    static double distance(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return 255;
        }
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                sum += Math.abs((a.getRGB(x, y) >>> 24) - (b.getRGB(x, y) >>> 24));
            }
        }
        return (double) sum / (a.getWidth() * a.getHeight());
    }

    @Test
    void everyCaptionOfTheCrohme2014TestSetRenders() throws IOException {
        Path captions = Path.of(System.getProperty("crohme.dir", "../shared/crohme"), "2014", "caption.txt");
        Assumptions.assumeTrue(Files.isRegularFile(captions), "CROHME data absent: no " + captions);
        List<String> failures = new ArrayList<>();
        int rendered = 0;
        for (String line : Files.readAllLines(captions, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            // The captions write the prime as ', the vocabulary as \prime.
            String latex = parts[1].replace("'", "\\prime");
            try {
                BufferedImage image = renderer.image(latex);
                if (ink(image).pixels() < 10) {
                    failures.add(parts[0] + ": almost no ink");
                }
                // the spaced caption must look exactly like LaTeX written without spaces
                double d = distance(image, renderer.image(compact(latex)));
                if (d > 0.01) {
                    failures.add(parts[0] + ": spaced and compact forms differ by " + d);
                }
                rendered++;
            } catch (RenderException e) {
                failures.add(parts[0] + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(986, rendered);
    }

    /** The tokens joined with a space only where LaTeX needs one (after a command word, before a letter). */
    static String compact(String spaced) {
        StringBuilder out = new StringBuilder();
        String previous = "";
        for (String token : spaced.strip().split("\\s+")) {
            if (previous.matches("\\\\[a-zA-Z]+") && Character.isLetter(token.charAt(0))) {
                out.append(' ');
            }
            out.append(token);
            previous = token;
        }
        return out.toString();
    }

    @Test
    void pngDecodesAndHasInk() throws Exception {
        byte[] png = renderer.png("\\frac{\\partial f}{\\partial x}");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(decoded, "ImageIO cannot read the PNG");
        Ink ink = ink(decoded);
        assertTrue(ink.pixels() > 50, "too little ink: " + ink);
        // default padding: 4 pixels of nothing on each side
        assertTrue(ink.left() >= 4 && ink.top() >= 4, "ink in the padding: " + ink);
        assertTrue(ink.right() <= decoded.getWidth() - 5 && ink.bottom() <= decoded.getHeight() - 5);
    }

    @Test
    void aLongerFormulaGivesAWiderImage() throws Exception {
        assertTrue(renderer.image("x + y + z").getWidth() > renderer.image("x").getWidth() + 20);
    }

    @Test
    void svgIsWellFormedXmlWithDrawingElements() throws Exception {
        String svg = renderer.svg("\\sqrt[3]{x} + \\frac{a}{b} < 2 \\& 1");
        // the characters < and & of the formula become paths; the XML must stay well formed
        DocumentBuilder builder = secureBuilder();
        Document doc = builder.parse(new InputSource(new StringReader(svg)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertTrue(doc.getElementsByTagNameNS("*", "path").getLength() > 3, "no glyph paths");
        assertFalse(svg.contains("<text"), "glyphs must be paths, not text in fonts a viewer lacks");
    }

    /** The SVG draws what the PNG draws: same size, same ink, within antialiasing noise. */
    @ParameterizedTest
    @ValueSource(strings = {"\\frac{\\partial f}{\\partial x}", "\\sum_{i=1}^{n} x_{i}^{2}", "\\sqrt[3]{\\frac{1}{2}}",
        "\\left( \\begin{array}{l|r} a & b \\\\ c & d \\end{array} \\right)"})
    void svgDrawsWhatThePngDraws(String latex) throws Exception {
        // at 60 pt antialiasing noise is small beside the glyphs (mean distance about 1.5 to 3)
        LatexRenderer large = new LatexRenderer(RenderOptions.defaults().withSize(60));
        BufferedImage png = large.image(latex);
        BufferedImage svg = SvgRasterizer.rasterize(secureBuilder().parse(new InputSource(new StringReader(large.svg(latex)))));
        assertEquals(png.getWidth(), svg.getWidth());
        assertEquals(png.getHeight(), svg.getHeight());
        Ink a = ink(png);
        Ink b = ink(svg);
        assertTrue(Math.abs(a.left() - b.left()) <= 2 && Math.abs(a.right() - b.right()) <= 2
                && Math.abs(a.top() - b.top()) <= 2 && Math.abs(a.bottom() - b.bottom()) <= 2, a + " vs " + b);
        assertTrue(Math.abs(a.pixels() - b.pixels()) < a.pixels() / 10, a + " vs " + b);
        double d = distance(png, svg);
        assertTrue(d < 5, "mean alpha distance " + d);
        // the same measure tells a shifted drawing apart: the PNG against itself moved 3 pixels
        BufferedImage shifted = new BufferedImage(png.getWidth(), png.getHeight(), BufferedImage.TYPE_INT_ARGB);
        shifted.createGraphics().drawImage(png, 3, 0, null);
        assertTrue(distance(png, shifted) > d, "distance " + distance(png, shifted) + " after a shift");
    }

    @Test
    void svgOfAFormulaWithoutAmpersandRenders() throws Exception {
        Document doc = secureBuilder().parse(new InputSource(new StringReader(renderer.svg("x^{2} < y"))));
        assertTrue(doc.getElementsByTagNameNS("*", "path").getLength() >= 3);
    }

    static DocumentBuilder secureBuilder() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\frac{", "}", "\\foo", "x^", "\\frac{a}", "\\sqrt[3", "\\left( x", "a & b", "x \\right)", "", "  "})
    void malformedInputGivesOurExceptionWithAMessage(String latex) {
        RenderException e = assertThrows(RenderException.class, () -> renderer.png(latex));
        assertNotNull(e.getMessage());
        assertFalse(e.getMessage().isBlank());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertThrows(RenderException.class, () -> renderer.svg(latex));
    }

    @Test
    void messagesNameTheProblem() {
        assertEquals("unknown command \\foo", message("x + \\foo"));
        assertTrue(message("\\frac{").contains("never closed"), message("\\frac{"));
        assertTrue(message("a }").contains("closing brace at character 3"), message("a }"));
        assertTrue(message("\\frac{a}").contains("denominator"), message("\\frac{a}"));
    }

    @Test
    void unpairedDelimitersAndEnvironmentsAreNamed() {
        assertEquals("\\right at character 1 has no \\left", message("\\right)"));
        assertEquals("\\left at character 1 is never closed by \\right", message("\\left( x"));
        assertEquals("\\end{pmatrix} at character 3 has no \\begin", message("a \\end{pmatrix}"));
        assertEquals("\\end{bmatrix} at character 19 does not match \\begin{pmatrix} at character 1",
                message("\\begin{pmatrix} a \\end{bmatrix}"));
        assertEquals("} at character 12 comes before the \\left opened at character 3 is closed", message("{ \\left( x }"));
        assertEquals("\\limits at character 1 must follow an operator such as \\sum", message("\\limits"));
        assertTrue(message("\\char{}").startsWith("cannot use \\char there"), message("\\char{}"));
    }

    /** Random token soup: the renderer either draws it or throws its own exception, never anything else. */
    @Test
    void randomInputNeverEscapesAsAnotherException() {
        String[] pool = {"x", "2", "+", "{", "}", "^", "_", "\\frac", "\\sqrt", "[", "]", "\\left(", "\\right)",
            "\\left.", "\\right|", "\\begin{pmatrix}", "\\end{pmatrix}", "&", "\\\\", "\\sum", "\\limits", "\\alpha",
            "\\foo", "(", ")", "\\begin{array}{cc}", "\\end{array}", "'", "$", "\\,"};
        java.util.Random random = new java.util.Random(20261123);
        int rendered = 0;
        for (int i = 0; i < 2000; i++) {
            StringBuilder latex = new StringBuilder();
            for (int n = 1 + random.nextInt(12); n > 0; n--) {
                latex.append(pool[random.nextInt(pool.length)]).append(' ');
            }
            try {
                renderer.image(latex.toString());
                rendered++;
            } catch (RenderException e) {
                assertFalse(e.getMessage().isBlank());
            } catch (RuntimeException | Error e) {
                throw new AssertionError("'" + latex + "' escaped as " + e, e);
            }
        }
        assertTrue(rendered > 50, "the soup should render sometimes: " + rendered);
    }

    private String message(String latex) {
        return assertThrows(RenderException.class, () -> renderer.image(latex)).getMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\newcommand{\\x}{\\x}\\x", "\\includegraphics{/etc/passwd}", "\\definecolor{c}{rgb}{1,0,0}",
        "\\magnification{3}", "\\jlmXML{x}"})
    void commandsThatReadFilesOrChangeGlobalStateAreRefused(String latex) {
        assertTrue(message(latex).contains("is not allowed"), message(latex));
    }

    @Test
    void absurdInputIsRefusedNotRendered() {
        String tooLong = "x+".repeat(RenderInputCheck.MAX_LENGTH);
        assertTrue(message(tooLong).contains("too long"), message(tooLong));
        String deep = "{".repeat(500) + "x" + "}".repeat(500);
        assertTrue(message(deep).contains("nests more than"), message(deep));
        LatexRenderer huge = new LatexRenderer(RenderOptions.defaults().withSize(RenderOptions.MAX_SIZE));
        String wide = "x+".repeat(2000) + "x";
        String m = assertThrows(RenderException.class, () -> huge.image(wide)).getMessage();
        assertTrue(m.contains("pixels"), m);
    }

    @Test
    void optionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> RenderOptions.defaults().withSize(0));
        assertThrows(IllegalArgumentException.class, () -> RenderOptions.defaults().withSize(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> RenderOptions.defaults().withPadding(-1));
    }

    // ---- what jlatexmath makes of the constructs of GRAMMAR.md ----

    @ParameterizedTest
    @ValueSource(strings = {
        "\\sum\\limits_{i=1}^{n} i", "\\int\\limits_{0}^{1} x", "\\lim\\limits_{x \\rightarrow 0} x",
        "\\left. \\frac{a}{b} \\right|", "\\left\\{ x \\right\\}", "\\left[ 0 , 1 \\right)", "\\sqrt[3]{x}",
        "\\sqrt [ { \\sqrt [ 3 ] { x } } ] { y }",
        "\\begin{matrix} a & b \\\\ c & d \\end{matrix}", "\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}",
        "\\begin{bmatrix} a & b \\\\ c & d \\end{bmatrix}", "\\begin{array}{l|r} a & b \\\\ c & d \\end{array}",
        "\\begin{array} { c c } 1 & 2 \\end{array}", "\\begin{cases} 1 & x > 0 \\\\ 0 & x \\leq 0 \\end{cases}",
        "{ } ^ { 2 }", "[ 0 , 1 )", "x ^ { \\prime }"})
    void everyConstructOfTheGrammarRenders(String latex) throws Exception {
        assertTrue(ink(renderer.image(latex)).pixels() > 10);
    }

    @Test
    void aFractionIsTallerThanItsNumeratorAlone() throws Exception {
        Ink numerator = ink(renderer.image("a+b"));
        Ink fraction = ink(renderer.image("\\frac{a+b}{c}"));
        assertTrue(fraction.height() > 2 * numerator.height() - 5, numerator + " vs " + fraction);
    }

    @Test
    void aSuperscriptRaisesInkAboveTheBase() throws Exception {
        // same padding and size: the base x sits lower in x^{2}, its top is now the 2's top
        BufferedImage base = renderer.image("x");
        BufferedImage raised = renderer.image("x^{2}");
        BufferedImage lowered = renderer.image("x_{2}");
        int baseHeight = ink(base).height();
        Ink sup = ink(raised);
        Ink sub = ink(lowered);
        assertTrue(sup.height() > baseHeight + 3, baseHeight + " " + sup);
        assertTrue(sub.height() > baseHeight + 2, baseHeight + " " + sub);
        // the ink of the superscript is in the top right: the top rows of the ink hold nothing left of centre
        int topRowLeftmost = Integer.MAX_VALUE;
        for (int x = 0; x < raised.getWidth(); x++) {
            if ((raised.getRGB(x, sup.top()) >>> 24) > 128) {
                topRowLeftmost = Math.min(topRowLeftmost, x);
            }
        }
        assertTrue(topRowLeftmost > sup.left() + sup.width() / 2, "topmost ink should be the superscript: " + topRowLeftmost + " " + sup);
    }

    @Test
    void limitsGoBelowAndAboveInDisplayStyleAndBesideInTextStyle() throws Exception {
        LatexRenderer text = new LatexRenderer(RenderOptions.defaults().withStyle(RenderStyle.TEXT));
        Ink display = ink(renderer.image("\\sum_{i=1}^{n}"));
        Ink inline = ink(text.image("\\sum_{i=1}^{n}"));
        Ink forced = ink(text.image("\\sum\\limits_{i=1}^{n}"));
        assertTrue(display.height() > inline.height() && display.width() < inline.width(), display + " " + inline);
        assertTrue(forced.height() > inline.height(), "\\limits puts limits below and above");
    }

    @Test
    void anInvisibleDelimiterDrawsNothing() throws Exception {
        Ink invisible = ink(renderer.image("\\left. x \\right|"));
        Ink bars = ink(renderer.image("\\left| x \\right|"));
        assertTrue(invisible.pixels() < bars.pixels() && invisible.width() < bars.width());
    }

    @Test
    void fencedMatricesAreWiderThanABareMatrix() throws Exception {
        int bare = ink(renderer.image("\\begin{matrix} a & b \\\\ c & d \\end{matrix}")).width();
        int paren = ink(renderer.image("\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}")).width();
        int brackets = ink(renderer.image("\\begin{bmatrix} a & b \\\\ c & d \\end{bmatrix}")).width();
        assertTrue(paren > bare && brackets > bare, bare + " " + paren + " " + brackets);
        // a rule in the column spec adds ink (a thin one: count all of the alpha, not only dark pixels)
        long plain = inkMass(renderer.image("\\begin{array}{lr} a & b \\\\ c & d \\end{array}"));
        long ruled = inkMass(renderer.image("\\begin{array}{l|r} a & b \\\\ c & d \\end{array}"));
        assertTrue(ruled > plain + 255 * 10, plain + " vs " + ruled);
    }

    @Test
    void aRootIndexAddsInkLeftOfTheRadical() throws Exception {
        Ink square = ink(renderer.image("\\sqrt{x}"));
        Ink cube = ink(renderer.image("\\sqrt[3]{x}"));
        assertTrue(cube.pixels() > square.pixels() && cube.width() >= square.width());
    }

    @Test
    void bracketsInsideARootIndexEndItOnlyAsInLatex() throws Exception {
        // jlatexmath pairs brackets and ignores braces in an index; LaTeX ends it at the first ] outside braces
        assertEquals(0.0, distance(renderer.image("{\\sqrt [ [ ] x }"), renderer.image("\\sqrt[\\lbrack]{x}")), 0.5);
        assertEquals(0.0, distance(renderer.image("\\sqrt [ { ] } ] { x }"), renderer.image("\\sqrt[\\rbrack]{x}")), 0.5);
        assertTrue(ink(renderer.image("\\sqrt [ { \\sqrt [ 3 ] { [ } } ] { y }")).pixels() > 0);
        assertTrue(ink(renderer.image("\\sqrt [ a \\left[ b \\right. ] { y }")).pixels() > 0);
    }

    @Test
    void oneFormulaDoesNotChangeHowTheNextRenders() throws Exception {
        // jlatexmath writes to its shared symbol atoms when a group holds a single symbol
        BufferedImage sumBefore = renderer.image("\\sum_{i=1}^{n}");
        BufferedImage plusBefore = renderer.image("a+b");
        renderer.image("x{\\sum}");
        renderer.image("x{+}y");
        assertEquals(0.0, distance(sumBefore, renderer.image("\\sum_{i=1}^{n}")), 0.0);
        assertEquals(0.0, distance(plusBefore, renderer.image("a+b")), 0.0);
    }

    /** Golden-image checks whose golden is another rendering that LaTeX says must look the same. */
    @Test
    void equivalentSpellingsRenderAlike() throws Exception {
        assertEquals(0.0, distance(renderer.image("x _ { a } ^ { b }"), renderer.image("x ^ { b } _ { a }")), 0.5);
        assertEquals(0.0, distance(renderer.image("\\frac{1}{2}"), renderer.image("\\frac 1 2")), 0.5);
        assertEquals(0.0, distance(renderer.image("\\left. x \\right."), renderer.image("x")), 0.5);
        assertTrue(distance(renderer.image("x^{2}"), renderer.image("x_{2}")) > 1, "different formulas must differ");
    }

    @Test
    void backgroundPaddingAndSizeAreApplied() throws Exception {
        BufferedImage transparent = renderer.image("x");
        assertEquals(0, transparent.getRGB(0, 0) >>> 24);
        BufferedImage white = new LatexRenderer(RenderOptions.defaults().withBackground(Color.WHITE)).image("x");
        assertEquals(Color.WHITE.getRGB(), white.getRGB(0, 0));
        BufferedImage padded = new LatexRenderer(RenderOptions.defaults().withPadding(20)).image("x");
        assertEquals(transparent.getWidth() + 32, padded.getWidth());
        BufferedImage big = new LatexRenderer(RenderOptions.defaults().withSize(80)).image("x+y");
        double ratio = (double) ink(big).width() / ink(renderer.image("x+y")).width();
        assertTrue(ratio > 3.5 && ratio < 4.5, "4x the size, about 4x the width: " + ratio);
        BufferedImage red = new LatexRenderer(RenderOptions.defaults().withForeground(Color.RED)).image("x");
        Ink redInk = ink(red);
        int argb = red.getRGB(redInk.left() + redInk.width() / 2, redInk.top() + redInk.height() / 2);
        assertTrue(((argb >> 16) & 0xff) >= ((argb >> 8) & 0xff), "red ink");
    }

    @Test
    void writeChoosesTheFormatByExtensionAndLeavesNoFileOnFailure(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("f.PNG");
        renderer.write("x^{2}", png);
        assertNotNull(ImageIO.read(png.toFile()));
        Path svg = dir.resolve("f.svg");
        renderer.write("x^{2}", svg);
        assertTrue(Files.readString(svg).contains("<svg"));
        assertThrows(IllegalArgumentException.class, () -> renderer.write("x", dir.resolve("f.gif")));
        Path bad = dir.resolve("bad.png");
        assertThrows(RenderException.class, () -> renderer.write("\\frac{", bad));
        assertFalse(Files.exists(bad));
        assertThrows(IOException.class, () -> renderer.write("x", dir.resolve("missing-folder/f.png")));
    }

    @Test
    void renderingIsDeterministic() throws Exception {
        assertArrayEquals(renderer.png("\\sum_{i}^{n} x_{i}"), renderer.png("\\sum_{i}^{n} x_{i}"));
    }

    @Test
    void oneRendererServesSeveralThreadsAlike() throws Exception {
        List<String> formulas = List.of("x^{2}", "\\frac{a}{b}", "\\sqrt[3]{x}", "\\sum_{i=1}^{n} i",
                "\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}", "\\left( x \\right)", "\\alpha + \\beta");
        List<byte[]> serial = new ArrayList<>();
        for (String f : formulas) {
            serial.add(renderer.png(f));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 10; round++) {
                        for (int i = 0; i < formulas.size(); i++) {
                            if (!java.util.Arrays.equals(serial.get(i), renderer.png(formulas.get(i)))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> r : results) {
                assertTrue(r.get(), "a concurrent rendering differs from the serial one");
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void imageFormatsFollowExtensions() {
        assertEquals(ImageFormat.SVG, ImageFormat.fromFileName(Path.of("a/b.Svg")).orElseThrow());
        assertTrue(ImageFormat.fromFileName(Path.of("noext")).isEmpty());
        assertEquals(".png, .svg", ImageFormat.acceptedExtensions());
    }
}
