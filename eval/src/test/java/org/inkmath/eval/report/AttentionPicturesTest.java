package org.inkmath.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.inkmath.recognizer.Recognition;
import org.inkmath.recognizer.image.GrayImage;
import org.junit.jupiter.api.Test;

/** Heatmaps drawn from hand-made attention maps. */
class AttentionPicturesTest {

    /** A blank 32 x 64 input: a grid of 2 x 4 cells of 16 pixels. */
    static final GrayImage BLANK = new GrayImage(64, 32, new byte[64 * 32]);

    static Recognition.AttentionMaps maps(float[]... perToken) {
        return new Recognition.AttentionMaps(2, 4, 64, 32, List.of(perToken));
    }

    static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    static int red(BufferedImage img, int x, int y) {
        return (img.getRGB(x, y) >> 16) & 0xff;
    }

    static int green(BufferedImage img, int x, int y) {
        return (img.getRGB(x, y) >> 8) & 0xff;
    }

    @Test
    void theHeatSitsWhereTheTokenLooked() throws IOException {
        float[] right = new float[8];
        right[7] = 1; // row 1, column 3: the bottom right cell
        float[] left = new float[8];
        left[0] = 1; // the top left cell
        List<AttentionPictures.Thumbnail> t = AttentionPictures.thumbnails(
                new AttentionView(BLANK, maps(right, left), List.of("x", "y")), 10);
        assertEquals(List.of("x", "y"), t.stream().map(AttentionPictures.Thumbnail::label).toList());
        BufferedImage x = decode(t.get(0).png());
        assertEquals(64, x.getWidth(), "small inputs are not scaled");
        assertEquals(32, x.getHeight());
        // red where it looked (more red than green), white where it did not
        assertTrue(red(x, 56, 24) - green(x, 56, 24) > 100, "hot at the bottom right");
        assertEquals(255, green(x, 4, 4), "untouched at the top left");
        BufferedImage y = decode(t.get(1).png());
        assertTrue(red(y, 4, 4) - green(y, 4, 4) > 100, "the second token looked at the top left");
    }

    @Test
    void aUniformMapShowsNoHeat() throws IOException {
        float[] uniform = new float[8];
        java.util.Arrays.fill(uniform, 1 / 8f);
        BufferedImage img = decode(AttentionPictures.thumbnails(new AttentionView(BLANK, maps(uniform), List.of("x")), 1)
                .get(0).png());
        for (int yy = 0; yy < 32; yy += 5) {
            for (int xx = 0; xx < 64; xx += 5) {
                assertEquals(0xffffff, img.getRGB(xx, yy) & 0xffffff, "white at " + xx + "," + yy);
            }
        }
    }

    @Test
    void largeInputsShrinkToThumbnailsAndLabelsFollowTheMaps() throws IOException {
        GrayImage wide = new GrayImage(960, 128, new byte[960 * 128]);
        Recognition.AttentionMaps m = new Recognition.AttentionMaps(8, 60, 960, 128,
                List.of(new float[480], new float[480], new float[480]));
        List<AttentionPictures.Thumbnail> t = AttentionPictures.thumbnails(new AttentionView(wide, m, List.of("a", "b")), 2);
        assertEquals(2, t.size(), "at most the tokens asked for");
        BufferedImage first = decode(t.get(0).png());
        assertEquals(AttentionPictures.THUMB_WIDTH, first.getWidth());
        assertEquals(32, first.getHeight(), "the aspect kept");
        assertEquals("step 1", t.get(0).label(), "three maps for two printed tokens (a repair): labelled by step");

        Recognition.AttentionMaps wrong = new Recognition.AttentionMaps(2, 4, 64, 32, List.of(new float[5]));
        assertThrows(IllegalArgumentException.class,
                () -> AttentionPictures.thumbnails(new AttentionView(BLANK, wrong, List.of("x")), 1));
    }
}
