package org.inkmath.recognizer.ink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InkMlReaderTest {

    @TempDir
    Path tmp;

    /** One file of each source: its format, its truth, its symbol groups. */
    @ParameterizedTest
    @CsvSource({
        "train/inkml/HAMEX/formulaire001-equation001.inkml, false, '$\\phi(x)$'",
        "train/inkml/KAIST/KME1G3_0_sub_10.inkml, false, ",
        "train/inkml/MathBrush/2009210-947-0.inkml, false, ",
        "train/inkml/MfrDB/MfrDB0001.inkml, false, '$1 + 2$'",
        "train/inkml/MfrDB/MfrDB0002.inkml, true, '$2 + 3$'",
        "train/inkml/expressmatch/101_Fabricio.inkml, false, ",
        "train/inkml/extension/10_em_81.inkml, false, ",
        "2014/inkml/18_em_0.inkml, false, ",
    })
    void readsOneFileOfEachSource(String relative, boolean timed, String truth) throws Exception {
        Path file = CrohmeData.dir().resolve(relative);
        assertTrue(Files.exists(file), "missing sample " + file);
        InkDocument doc = InkMlReader.read(file);
        assertTrue(doc.ink().strokeCount() > 0);
        assertTrue(doc.truth().isPresent(), "truth annotation");
        if (truth != null) {
            assertEquals(truth, doc.truth().get());
        }
        assertEquals(timed, doc.ink().strokes().get(0).get(0).hasTime());
        List<TraceGroup> symbols = doc.symbols();
        assertFalse(symbols.isEmpty(), "symbol groups");
        for (TraceGroup s : symbols) {
            assertTrue(s.truth().isPresent(), "each symbol has truth");
        }
        // every stroke is drawn by some symbol in these files
        long covered = symbols.stream().flatMap(s -> s.strokeIndices().stream()).distinct().count();
        assertEquals(doc.ink().strokeCount(), covered);
    }

    @Test
    void hamexKeepsDecimalTabletCoordinates() throws Exception {
        InkDocument doc = InkMlReader.read(CrohmeData.dir().resolve("train/inkml/HAMEX/formulaire001-equation001.inkml"));
        InkPoint first = doc.ink().strokes().get(0).get(0);
        assertEquals(11.7004, first.x(), 1e-9);
        assertEquals(15.5288, first.y(), 1e-9);
        assertEquals("\\phi", doc.symbols().get(0).truth().orElseThrow());
    }

    @Test
    void mathBrushHasNoTraceFormatAndSymbolsWithSeveralStrokes() throws Exception {
        InkDocument doc = InkMlReader.read(CrohmeData.dir().resolve("train/inkml/MathBrush/2009210-947-0.inkml"));
        assertTrue(doc.symbols().stream().anyMatch(s -> s.strokeIndices().size() > 1));
        assertFalse(doc.symbols().get(0).href().isEmpty());
    }

    @Test
    void sampleOfEveryFolderLoads() throws Exception {
        // a sampled version of the full-data integration test: every 50th file of each folder
        Path dir = CrohmeData.dir();
        List<Path> files;
        try (var s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".inkml")).sorted().toList();
        }
        List<Path> sample = new java.util.ArrayList<>();
        for (int i = 0; i < files.size(); i += 50) {
            sample.add(files.get(i));
        }
        InkMlReader.Batch batch = InkMlReader.readAll(sample);
        assertEquals(sample.size(), batch.documents().size() + batch.failures().size());
        batch.failures().forEach((f, why) -> assertTrue(f.getFileName().toString().equals("MfrDB3088.inkml"),
                f + ": " + why));
        assertTrue(batch.documents().size() > 190);
    }

    private static String doc(String traces) {
        return "<ink xmlns=\"http://www.w3.org/2003/InkML\">" + traces + "</ink>";
    }

    @Test
    void readsPrefixedNamespacesTimeChannelsAndExtraChannels() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <inkml:ink xmlns:inkml="http://www.w3.org/2003/InkML">
                  <inkml:definitions><inkml:context xml:id="c"><inkml:traceFormat>
                    <inkml:channel name="X" type="decimal"/><inkml:channel name="Y" type="decimal"/>
                    <inkml:channel name="F" type="decimal"/><inkml:channel name="T" type="integer"/>
                  </inkml:traceFormat></inkml:context></inkml:definitions>
                  <inkml:annotation type="truth">  x  </inkml:annotation>
                  <inkml:trace xml:id="a">1 2 0.5 100,
                     3 4 0.6 110,5	6 0.7 120</inkml:trace>
                </inkml:ink>""";
        InkDocument d = InkMlReader.readString(xml, "prefixed.inkml");
        assertEquals("x", d.truth().orElseThrow());
        assertEquals(List.of("a"), d.traceIds());
        assertEquals(List.of(new InkPoint(1, 2, 100), new InkPoint(3, 4, 110), new InkPoint(5, 6, 120)),
                d.ink().strokes().get(0).points());
    }

    @Test
    void readsXytWithoutTraceFormatAndDifferenceEncoding() throws Exception {
        InkDocument d = InkMlReader.readString(doc("<trace>10 20 5, 11 22 6</trace><trace>10 10, '1 '2, 1 2, \"0 \"-1</trace>"), "t");
        assertEquals(new InkPoint(11, 22, 6), d.ink().strokes().get(0).get(1));
        List<InkPoint> diff = d.ink().strokes().get(1).points();
        assertEquals(List.of(new InkPoint(10, 10), new InkPoint(11, 12), new InkPoint(12, 14), new InkPoint(13, 15)), diff);
        assertEquals(new InkPoint(-3, -4), InkMlReader.readString(doc("<trace>-3-4</trace>"), "t").ink().strokes().get(0).get(0));
    }

    @Test
    void traceGroupsReferToTracesWrittenAfterThem() throws Exception {
        InkDocument d = InkMlReader.readString(doc("""
                <traceGroup xml:id="g"><annotation type="truth">=</annotation>
                  <traceView traceDataRef="#t2"/><traceView traceDataRef="t1"/></traceGroup>
                <trace id="t1">0 0, 1 0</trace><trace id="t2">0 1, 1 1</trace>"""), "t");
        assertEquals(List.of(1, 0), d.traceGroups().get(0).strokeIndices());
        assertEquals("=", d.symbols().get(0).truth().orElseThrow());
    }

    @Test
    void tracesWrittenInsideTheirGroupBelongToIt() throws Exception {
        InkDocument d = InkMlReader.readString(doc("""
                <traceGroup xml:id="g"><annotation type="truth">x</annotation>
                  <trace>0 0, 1 1</trace><trace>1 0, 0 1</trace></traceGroup><trace>5 5</trace>"""), "t");
        assertEquals(3, d.ink().strokeCount());
        assertEquals(List.of(0, 1), d.symbols().get(0).strokeIndices());
    }

    private static InkFormatException bad(String xml) {
        return assertThrows(InkFormatException.class, () -> InkMlReader.readString(xml, "bad.inkml"));
    }

    @Test
    void badFilesGiveCheckedErrorsNamingFileAndProblem() {
        InkFormatException truncated = bad("<ink xmlns=\"http://www.w3.org/2003/InkML\"><trace>1 2, 3");
        assertTrue(truncated.getMessage().startsWith("bad.inkml: malformed XML"), truncated.getMessage());
        InkFormatException number = bad(doc("<trace>1 2, 3 x4</trace>"));
        assertEquals("trace 0, point 2: 'x4' is not a number", number.problem());
        assertEquals("bad.inkml", number.source());
        assertEquals("trace 7 has no points", bad(doc("<trace id=\"7\"></trace>")).problem());
        assertEquals("trace 7 has no points", bad(doc("<trace id=\"7\">  \n </trace>")).problem());
        assertEquals("trace 0, point 2 is empty", bad(doc("<trace>1 2,,3 4</trace>")).problem());
        assertEquals("no traces", bad(doc("<annotation type=\"truth\">x</annotation>")).problem());
        assertTrue(bad("<svg/>").problem().contains("not <ink>"));
        assertEquals("file is empty", bad("  ").problem());
        assertTrue(bad(doc("<trace>1 2 3 4</trace>")).problem().contains("has 4 values"));
        assertTrue(bad(doc("<trace>1e999 2</trace>")).problem().contains("finite"));
        assertTrue(bad(doc("<traceGroup><traceView traceDataRef=\"9\"/></traceGroup><trace>1 2</trace>")).problem()
                .contains("trace 9, which does not exist"));
    }

    @Test
    void externalEntitiesAndDtdsAreNeverResolved() throws Exception {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        try (ServerSocket server = new ServerSocket(0)) {
            server.setSoTimeout(300);
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/evil.dtd";
            String fileXxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE ink [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                    + doc("<annotation type=\"truth\">&xxe;</annotation><trace>1 2</trace>");
            InkFormatException e = bad(fileXxe);
            assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
            String remote = "<?xml version=\"1.0\"?>\n<!DOCTYPE ink SYSTEM \"" + url + "\">\n"
                    + doc("<trace>1 2</trace>");
            String remoteParam = "<?xml version=\"1.0\"?>\n<!DOCTYPE ink [<!ENTITY % r SYSTEM \"" + url + "\"> %r;]>\n"
                    + doc("<trace>1 2</trace>");
            for (String xml : List.of(remote, remoteParam)) {
                try {
                    InkDocument d = InkMlReader.readString(xml, "remote.inkml");
                    assertEquals(1, d.ink().strokeCount()); // read without the DTD is fine
                } catch (InkFormatException refused) {
                    // refusing is fine too
                }
            }
            Path file = tmp.resolve("xxe.inkml");
            Files.writeString(file, fileXxe);
            InkMlReader.Batch batch = InkMlReader.readAll(List.of(file));
            assertFalse(batch.failures().get(file).contains("TOP-SECRET"));
            assertThrows(SocketTimeoutException.class, server::accept, "the parser connected to fetch a DTD");
        }
    }

    @Test
    void oneBadFileNeverStopsTheBatch() throws IOException {
        Path good = tmp.resolve("good.inkml");
        Path broken = tmp.resolve("broken.inkml");
        Path missing = tmp.resolve("missing.inkml");
        Files.writeString(good, doc("<trace>1 2, 3 4</trace>"));
        Files.writeString(broken, doc("<trace>1 2, 3 ?</trace>"));
        InkMlReader.Batch b = InkMlReader.readAll(List.of(broken, missing, good));
        assertEquals(List.of(good), List.copyOf(b.documents().keySet()));
        assertEquals(List.of(broken, missing), List.copyOf(b.failures().keySet()));
        assertTrue(b.failures().get(broken).contains("'?' is not a number"), b.failures().get(broken));
    }
}
