package org.inkmath.recognizer.ink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InkMlWriterTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {
        "train/inkml/HAMEX/formulaire001-equation001.inkml",
        "train/inkml/KAIST/KME1G3_0_sub_10.inkml",
        "train/inkml/MathBrush/2009210-947-0.inkml",
        "train/inkml/MfrDB/MfrDB0002.inkml",
        "train/inkml/MfrDB/MfrDB0104.inkml",
        "train/inkml/expressmatch/101_Fabricio.inkml",
        "train/inkml/extension/10_em_81.inkml",
        "2014/inkml/18_em_0.inkml",
    })
    void crohmeFilesSurviveWriteAndRead(String relative) throws Exception {
        InkDocument original = InkMlReader.read(CrohmeData.dir().resolve(relative));
        Path out = tmp.resolve("out.inkml");
        InkMlWriter.write(original, out);
        assertEquals(original, InkMlReader.read(out));
    }

    @Test
    void awkwardTextIdsAndNumbersSurvive() throws Exception {
        Ink ink = new Ink(List.of(
                new Stroke(List.of(new InkPoint(0.1, -2.5e-7, 3), new InkPoint(1e20, 3.141592653589793, 4))),
                new Stroke(List.of(new InkPoint(-7, 8, 5)))));
        TraceGroup sym = new TraceGroup("a<&>\"b", List.of(new InkAnnotation("truth", "<")), List.of(1, 0), "x&y",
                List.of());
        TraceGroup outer = new TraceGroup("", List.of(new InkAnnotation("", "Segmentation")), List.of(), "", List.of(sym));
        InkDocument doc = new InkDocument(ink, List.of("t 1", "t&2"),
                List.of(new InkAnnotation("truth", "$a < b & c$"), new InkAnnotation("writer", "ü ∑")), List.of(outer));
        String xml = InkMlWriter.write(doc);
        assertTrue(xml.contains("<channel name=\"T\""));
        assertEquals(doc, InkMlReader.readString(xml, "w"));
    }

    @Test
    void timesAreLeftOutUnlessEveryPointHasOne() throws Exception {
        Ink mixed = new Ink(List.of(new Stroke(List.of(new InkPoint(1, 2, 3), new InkPoint(4, 5)))));
        InkDocument back = InkMlReader.readString(InkMlWriter.write(InkDocument.of(mixed, "x")), "w");
        assertEquals(List.of(new InkPoint(1, 2), new InkPoint(4, 5)), back.ink().strokes().get(0).points());
        assertEquals("x", back.truth().orElseThrow());
    }
}
