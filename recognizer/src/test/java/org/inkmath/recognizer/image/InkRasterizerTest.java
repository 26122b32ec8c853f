package org.inkmath.recognizer.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.inkmath.recognizer.ink.CrohmeData;
import org.inkmath.recognizer.ink.Ink;
import org.inkmath.recognizer.ink.InkMlReader;
import org.inkmath.recognizer.ink.InkPoint;
import org.inkmath.recognizer.ink.Stroke;
import org.junit.jupiter.api.Test;

class InkRasterizerTest {

    static Ink letters(double unit) {
        // an "l", a "-" and a dot, in arbitrary units
        return new Ink(List.of(
                new Stroke(List.of(new InkPoint(0, 0), new InkPoint(0, 10 * unit))),
                new Stroke(List.of(new InkPoint(3 * unit, 5 * unit), new InkPoint(9 * unit, 5 * unit))),
                new Stroke(List.of(new InkPoint(12 * unit, 10 * unit)))));
    }

    @Test
    void twoValuesMarginsAndSizeSetByStrokeHeight() {
        GrayImage img = InkRasterizer.render(letters(1));
        // the "l" is the only stroke that counts: it becomes 28.1 px tall; pen 3.25; margins 12
        assertEquals(24 + 28 + 3, img.height(), 1);
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                int v = img.get(x, y);
                assertTrue(v == 0 || v == 255, "two values only");
                boolean inMargin = x < 12 || y < 12 || x >= img.width() - 12 || y >= img.height() - 12;
                if (inMargin) {
                    assertEquals(0, v);
                }
            }
        }
        // ink touches each side of the inner box
        assertTrue(rowHasInk(img, 12) && rowHasInk(img, img.height() - 13));
    }

    private static boolean rowHasInk(GrayImage img, int y) {
        for (int x = 0; x < img.width(); x++) {
            if (img.get(x, y) != 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void unitsDoNotMatterAndScaleDoes() {
        assertEquals(InkRasterizer.render(letters(1)), InkRasterizer.render(letters(1000)));
        GrayImage big = InkRasterizer.render(letters(1), RasterStyle.crohme().withScale(2));
        GrayImage normal = InkRasterizer.render(letters(1));
        assertEquals(2.0, (big.height() - 24.0) / (normal.height() - 24.0), 0.1);
        GrayImage thick = InkRasterizer.render(letters(1), RasterStyle.crohme().withStrokeWidth(6));
        assertTrue(thick.countAtLeast(128) > 1.5 * normal.countAtLeast(128));
    }

    @Test
    void stylesOutOfRangeAreRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> RasterStyle.crohme().withStrokeWidth(1e6));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> RasterStyle.crohme().withScale(0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> RasterStyle.crohme().withMargin(-1));
    }

    @Test
    void dotsAndDashesOnlyStillRender() {
        GrayImage dot = InkRasterizer.render(new Ink(List.of(new Stroke(List.of(new InkPoint(5, 5))))));
        assertTrue(dot.countAtLeast(255) > 0);
        GrayImage dash = InkRasterizer.render(new Ink(List.of(new Stroke(List.of(new InkPoint(0, 5), new InkPoint(50, 5))))));
        assertTrue(dash.width() > dash.height());
    }

    @Test
    void iouWithTolerance() {
        GrayImage a = InkRasterizer.render(letters(1));
        assertEquals(1.0, RasterCalibration.tolerantIou(a, a, 0));
        GrayImage shifted = ImageOps.cropToInk(a, 13); // ink one pixel lower and to the right
        double strict = RasterCalibration.tolerantIou(a, shifted, 0);
        double tolerant = RasterCalibration.tolerantIou(a, shifted, 1);
        assertTrue(strict < 0.7, "strict " + strict);
        assertEquals(1.0, tolerant, 1e-9);
    }

    /** A sampled calibration (every 40th 2014 file); the full run is in BENCHMARKS.md. */
    @Test
    void closeToThePublishedImages() throws Exception {
        Path dir = CrohmeData.dir().resolve("2014");
        RasterCalibration.Result r = RasterCalibration.run(dir, RasterStyle.crohme(), 40, null);
        assertTrue(r.compared() >= 24);
        assertEquals(1.0, r.medianHeightRatio(), 0.03);
        assertEquals(1.0, r.medianWidthRatio(), 0.03);
        assertTrue(r.medianIou() > 0.95, "IoU " + r.medianIou());
        assertTrue(r.failures().isEmpty());
        GrayImage published = RasterCalibration.readPublished(dir.resolve("img/18_em_0.png"));
        GrayImage ours = InkRasterizer.render(InkMlReader.read(dir.resolve("inkml/18_em_0.inkml")).ink());
        assertEquals(published.height(), ours.height(), 3);
        assertEquals(published.width(), ours.width(), 3);
    }
}
