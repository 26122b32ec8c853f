package org.inkmath.recognizer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.inkmath.latex.Vocabulary;
import org.inkmath.recognizer.image.RasterStyle;
import org.inkmath.recognizer.ink.CrohmeData;
import org.junit.jupiter.api.Test;

class CrohmeDatasetsTest {

    @Test
    void test2014AsInkAndAsPublishedImages() throws Exception {
        Path dir = CrohmeData.dir();
        CrohmeDatasets.Loaded ink = CrohmeDatasets.test2014Ink(dir);
        CrohmeDatasets.Loaded img = CrohmeDatasets.test2014Images(dir);
        assertEquals(986, ink.samples().size());
        assertEquals(986, img.samples().size());
        assertTrue(ink.skipped().isEmpty() && img.skipped().isEmpty());
        Map<String, Sample> byName = img.samples().stream().collect(Collectors.toMap(Sample::name, Function.identity()));
        Sample a = ink.samples().get(0);
        assertEquals(a.caption(), byName.get(a.name()).caption());
        assertTrue(a.source() instanceof Sample.InkSource);
        // the published images batch under the same rules
        DataPipeline pipe = new DataPipeline(img.samples().subList(0, 60), Vocabulary.crohme(), RasterStyle.crohme(),
                Augmentation.comer(), BatchRules.comer(), 1, false);
        pipe.epoch(0).forEachRemaining(b -> assertTrue(b.size() <= 8 && b.paddedPixels() <= 320_000));
    }

    @Test
    void filesWithoutCaptionAreListed(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        java.nio.file.Files.createDirectories(tmp.resolve("inkml/src"));
        java.nio.file.Files.writeString(tmp.resolve("inkml/src/a.inkml"), "<ink><trace>1 2, 3 4</trace></ink>");
        java.nio.file.Files.writeString(tmp.resolve("inkml/src/b.inkml"), "<ink><trace>1 2, 3 4</trace></ink>");
        java.nio.file.Files.writeString(tmp.resolve("inkml/src/c.inkml"), "<ink><trace>1 x</trace></ink>");
        java.nio.file.Files.writeString(tmp.resolve("caption.txt"), "a\tx ^ { ' }\nc\t1\n");
        CrohmeDatasets.Loaded l = CrohmeDatasets.ink(tmp.resolve("inkml"), tmp.resolve("caption.txt"));
        assertEquals(1, l.samples().size());
        assertEquals("x ^ { \\prime }", l.samples().get(0).caption().toString());
        assertEquals("no caption in caption.txt", l.skipped().get("b"));
        assertTrue(l.skipped().get("c").contains("is not a number"));
    }
}
