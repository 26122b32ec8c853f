package org.inkmath.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ReportWritersTest {

    @Test
    void jsonRoundTripsAndIsDeterministic() throws IOException {
        EvaluationReport report = Reports.sample();
        assertNotNull(report.run());
        String json = ReportJson.write(report);
        assertEquals(report, ReportJson.parse(json));
        assertTrue(json.contains("\"exprate\""), json);
        assertFalse(json.contains("\r"));
        // a second run of the same inputs: the same bytes once the date and timings are left out
        String first = ReportJson.write(report.withoutRunFacts());
        String second = ReportJson.write(Reports.sample().withoutRunFacts());
        assertEquals(first, second);
        assertFalse(first.contains("\"run\""));
        assertNull(ReportJson.parse(first).run());
    }

    @Test
    void jsonReaderNamesWhatIsWrong(@TempDir Path dir) throws IOException {
        IOException garbage = assertThrows(IOException.class, () -> ReportJson.parse("{not json"));
        assertTrue(garbage.getMessage().startsWith("not an evaluation report"), garbage.getMessage());
        IOException other = assertThrows(IOException.class, () -> ReportJson.parse("{\"format\":\"x/9\"}"));
        assertTrue(other.getMessage().contains("format: x/9"), other.getMessage());
        Path missing = dir.resolve("none.json");
        IOException absent = assertThrows(IOException.class, () -> ReportJson.read(missing));
        assertTrue(absent.getMessage().contains("none.json"), absent.getMessage());
    }

    @Test
    void countsAndNamesAreInTheReport() {
        EvaluationReport r = Reports.sample();
        assertEquals(6, r.summary().expressions());
        assertEquals(2, r.summary().exact());
        assertEquals(1, r.summary().missingPredictions());
        assertEquals(java.util.List.of("stray"), r.unknownNames());
        assertEquals(java.util.List.of("e3", "e4", "e5", "e6"), r.errors().stream().map(ExpressionOutcome::name).toList());
    }

    @Test
    void markdownHasTheSummaryBesideThePublishedResults() {
        EvaluationReport r = Reports.sample();
        String table = MarkdownReport.summaryTable(r);
        assertTrue(table.startsWith("| metric | ours | BTTR | CoMER | CoMER (scale aug.) |\n| --- | ---: |"), table);
        assertTrue(table.contains("| ExpRate (exact) | 33.33 (2/6) | 53.96 | 58.38 | 59.33 |\n"), table);
        assertTrue(table.contains("| ≤ 1 token edit | 66.67 (4/6) | – | – | – |\n"), table);
        String page = MarkdownReport.write(r);
        assertTrue(page.contains("| substitute | `y` | `z` | 1 |"), page);
        assertTrue(page.contains("names in the predictions but not in the truth: 1 (stray)"), page);
        assertTrue(page.contains("1 without a prediction"), page);
        assertTrue(page.contains("### Run"), page);
        assertFalse(MarkdownReport.write(r.withoutRunFacts()).contains("### Run"));
        assertEquals(MarkdownReport.write(r.withoutRunFacts()), MarkdownReport.write(Reports.sample().withoutRunFacts()));
        // every table row has as many cells as its header
        for (String line : table.split("\n")) {
            assertEquals(6, line.chars().filter(c -> c == '|').count(), line);
        }
    }

    @Test
    void htmlIsWellFormedEscapedAndSelfContained(@TempDir Path images) throws Exception {
        BufferedImage png = new BufferedImage(8, 4, BufferedImage.TYPE_BYTE_GRAY);
        ImageIO.write(png, "png", images.resolve("e3.png").toFile());
        String page = HtmlReport.write(Reports.sample(), HtmlReport.Options.defaults().withImages(images));

        Document doc = parseXml(page);
        NodeList divs = doc.getElementsByTagName("div");
        int cards = 0;
        for (int i = 0; i < divs.getLength(); i++) {
            cards += "card".equals(divs.item(i).getAttributes().getNamedItem("class") == null ? null
                    : divs.item(i).getAttributes().getNamedItem("class").getNodeValue()) ? 1 : 0;
        }
        assertEquals(4, cards, "one card per error");

        assertFalse(page.contains("<script>"), "markup in a prediction is escaped");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(page.contains("x &lt; z"));
        assertTrue(page.contains("<code>y → z</code>"), "the card names the edit");
        assertFalse(page.contains("src=\"http"), "nothing is fetched");
        assertFalse(page.contains("href=\"http"), "nothing is fetched");
        // the unclosed brace cannot be drawn: its text and the reason are shown
        assertTrue(page.contains("cannot be drawn: "), page);
        assertTrue(page.contains("\\sqrt { x</div>"), page);
        // the input image, inlined as is; e4 has none
        String inlined = Base64.getEncoder().encodeToString(Files.readAllBytes(images.resolve("e3.png")));
        assertTrue(page.contains("data:image/png;base64," + inlined));
        assertTrue(page.contains("no input image e4.png"));
        // every data URI decodes to a PNG
        Matcher m = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(page);
        int uris = 0;
        while (m.find()) {
            uris++;
            assertNotNull(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1)))));
        }
        // at least the truths of e3 to e5, the prediction of e3 and one input image
        assertTrue(uris >= 5, "data URIs: " + uris);
        assertTrue(page.contains("a &amp; b"));
    }

    @Test
    void htmlReadsNoImageOutsideTheImagesFolder(@TempDir Path root) throws Exception {
        Path images = Files.createDirectories(root.resolve("img"));
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY), "png", root.resolve("secret.png").toFile());
        String page = HtmlReport.write(Reports.run("../secret", "x", "y"), HtmlReport.Options.defaults().withImages(images));
        assertTrue(page.contains("no input image ../secret.png"), page);
        assertFalse(page.contains(Base64.getEncoder().encodeToString(Files.readAllBytes(root.resolve("secret.png")))));
    }

    @Test
    void htmlCapsTheErrorCards() throws Exception {
        String page = HtmlReport.write(Reports.sample(), HtmlReport.Options.defaults().withMaxErrorCards(1));
        assertEquals(1, page.split("class=\"card\"", -1).length - 1);
        assertTrue(page.contains("4 expressions are not exact; the first 1 are shown"));
        parseXml(page);
    }

    @Test
    void comparisonListsWhatOneGetsRightAndTheOtherWrong() throws Exception {
        EvaluationReport a = Reports.run("e1", "x", "x", "e2", "y", "y", "e3", "z", "q");
        EvaluationReport b = Reports.run("e1", "x", "x", "e2", "y", "w", "e3", "z", "z", "e4", "1", "1");
        ReportComparison c = ReportComparison.of(a, b);
        assertEquals(1, c.bothRight());
        assertEquals("e2", c.onlyARight().get(0).name());
        assertEquals("w", c.onlyARight().get(0).predictedB());
        assertEquals("e3", c.onlyBRight().get(0).name());
        assertEquals(0, c.onlyInA());
        assertEquals(1, c.onlyInB());
        ReportComparison.MetricDelta exprate = c.deltas().get(0);
        assertEquals(100.0 * 2 / 3, exprate.a(), 1e-9);
        assertEquals(75.0 - 100.0 * 2 / 3, exprate.delta(), 1e-9);
        String md = ReportComparison.markdown(c, 10);
        assertTrue(md.contains("| ExpRate (exact) | 66.67 | 75.00 | +8.33 |"), md);
        assertTrue(md.contains("### Right in A, wrong in B (1)"), md);
        assertTrue(md.contains("| e2 | `y` | `y` | `w` |"), md);
        assertTrue(md.contains("1 only in B"), md);
        String html = ReportComparison.html(c, 10);
        parseXml(html);
        assertTrue(html.contains("<td>e3</td>"), html);
    }

    @Test
    void comparisonSaysWhetherTheDifferenceCouldBeChance() {
        // 30 expressions: 8 only A reads, 1 only B reads, 10 both, 11 neither
        List<String> a = new ArrayList<>(), b = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String name = "e" + i;
            boolean aRight = i < 18, bRight = i >= 8 && i < 19;
            a.addAll(List.of(name, "x", aRight ? "x" : "y"));
            b.addAll(List.of(name, "x", bRight ? "x" : "y"));
        }
        ReportComparison c = ReportComparison.of(Reports.run(a.toArray(String[]::new)), Reports.run(b.toArray(String[]::new)));
        assertEquals(8, c.onlyARight().size());
        assertEquals(1, c.onlyBRight().size());
        assertEquals(30, c.compared());
        // two-sided: 2 P(X <= 1), X ~ binomial(9, 1/2) = 2 (1 + 9) / 512
        assertEquals(20.0 / 512, c.mcNemarP(), 1e-12);
        double[] ci = c.exactRateInterval();
        assertEquals(-41.07, ci[0], 0.01);
        assertEquals(-5.60, ci[1], 0.01);
        String md = ReportComparison.markdown(c, 10);
        assertTrue(md.contains("-23.33 points, 95% interval -41.07 to -5.60"), md);
        assertTrue(md.contains("p = 0.039 (unlikely to be chance)"), md);

        ReportComparison same = ReportComparison.of(Reports.run("e1", "x", "x"), Reports.run("e1", "x", "x"));
        assertEquals(1.0, same.mcNemarP());
        assertTrue(ReportComparison.markdown(same, 10).contains("p = 1.000 (could well be chance"));
    }

    /** A strict XML parse, with DTDs and external entities off: the page is XHTML-clean. */
    static Document parseXml(String page) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b.parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
    }
}
