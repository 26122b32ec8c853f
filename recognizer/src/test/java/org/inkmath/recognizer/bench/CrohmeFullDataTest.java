package org.inkmath.recognizer.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.inkmath.recognizer.image.RasterCalibration;
import org.inkmath.recognizer.image.RasterStyle;
import org.inkmath.recognizer.ink.CrohmeData;
import org.inkmath.recognizer.ink.InkMlReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Whole-data runs: every InkML file, and the full rasteriser calibration (mvn -Pintegration test). */
@Tag("integration")
class CrohmeFullDataTest {

    @Test
    void everyInkmlFileLoadsOrIsReportedWithAReason() throws Exception {
        Path dir = CrohmeData.dir();
        List<Path> files;
        try (var s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".inkml")).sorted().toList();
        }
        long t0 = System.nanoTime();
        InkMlReader.Batch b = InkMlReader.readAll(files);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("InkML: %d files, %d loaded, %d reported, %.1f s%n", files.size(), b.documents().size(),
                b.failures().size(), secs);
        b.failures().forEach((f, why) -> System.out.println("  " + dir.relativize(f) + ": " + why));
        assertEquals(9822, files.size());
        assertEquals(9821, b.documents().size());
        assertEquals("file is empty", b.failures().get(dir.resolve("train/inkml/MfrDB/MfrDB3088.inkml")));
        assertTrue(b.documents().values().stream().allMatch(d -> d.truth().isPresent()));
    }

    @Test
    void trainingSamples() throws Exception {
        org.inkmath.recognizer.train.CrohmeDatasets.Loaded train =
                org.inkmath.recognizer.train.CrohmeDatasets.trainInk(CrohmeData.dir());
        assertEquals(8835, train.samples().size());
        assertEquals(java.util.Map.of("MfrDB3088", "no caption in caption.txt"), train.skipped());
    }

    @Test
    void fullCalibration() throws Exception {
        RasterCalibration.Result r = RasterCalibration.run(CrohmeData.dir().resolve("2014"), RasterStyle.crohme(), 1, null);
        System.out.printf("calibration: %d files, height ratio %.3f, width ratio %.3f, IoU(1px) %.3f, resized %.3f%n",
                r.compared(), r.medianHeightRatio(), r.medianWidthRatio(), r.medianIou(), r.medianIouResized());
        assertEquals(986, r.compared());
        assertEquals(1.0, r.medianHeightRatio(), 0.02);
        assertEquals(1.0, r.medianWidthRatio(), 0.02);
        assertTrue(r.medianIou() > 0.98);
    }
}
