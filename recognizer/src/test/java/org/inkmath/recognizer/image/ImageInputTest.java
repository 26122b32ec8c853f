package org.inkmath.recognizer.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageInputTest {

    @TempDir
    Path tmp;

    /** A "photo": noisy light-gray paper, uneven by a gradient, with a dark-blue "x". */
    static BufferedImage photo(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = 200 + x * 30 / w + r.nextInt(15);
                img.setRGB(x, y, new Color(v, v, Math.min(255, v + 5)).getRGB());
            }
        }
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(20, 30, 90));
        g.setStroke(new BasicStroke(6));
        g.drawLine(w / 3, h / 3, 2 * w / 3, 2 * h / 3);
        g.drawLine(2 * w / 3, h / 3, w / 3, 2 * h / 3);
        g.dispose();
        return img;
    }

    @Test
    void darkInkOnLightPaperIsInvertedCroppedAndScaled() throws Exception {
        for (String format : new String[] {"jpg", "png", "bmp"}) {
            Path f = tmp.resolve("photo." + format);
            assertTrue(ImageIO.write(photo(1200, 900), format, f.toFile()));
            GrayImage norm = ImageInput.readNormalised(f);
            // cropped to the x (400 x 300 px, plus the pen) with 12-pixel margins
            assertEquals(400 + 6 + 24, norm.width(), 6, format);
            assertEquals(300 + 6 + 24, norm.height(), 6, format);
            assertEquals(0, norm.get(0, 0), "background is dark after inversion");
            assertEquals(255, norm.get(norm.width() / 2, norm.height() / 2), "the crossing is ink");
            GrayImage input = ImageInput.read(f);
            assertTrue(input.height() <= 256 && input.width() <= 1024 && input.height() >= 16);
        }
    }

    @Test
    void lightInkOnDarkIsKept() throws Exception {
        BufferedImage img = new BufferedImage(100, 60, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(20, 20, 50, 4);
        g.dispose();
        Path f = tmp.resolve("published-style.png");
        ImageIO.write(img, "png", f.toFile());
        GrayImage norm = ImageInput.readNormalised(f);
        assertEquals(50 + 24, norm.width());
        assertEquals(4 + 24, norm.height());
        assertEquals(norm, ImageInput.read(f)); // already in the model's range: unchanged
    }

    @Test
    void emptyUnknownAndHugeImagesGiveClearErrors() throws Exception {
        BufferedImage blank = new BufferedImage(50, 50, BufferedImage.TYPE_BYTE_GRAY);
        Path f = tmp.resolve("blank.png");
        ImageIO.write(blank, "png", f.toFile());
        assertTrue(assertThrows(ImageFormatException.class, () -> ImageInput.read(f)).getMessage().contains("empty"));
        Path empty = tmp.resolve("empty.png");
        Files.write(empty, new byte[0]);
        assertTrue(assertThrows(ImageFormatException.class, () -> ImageInput.read(empty)).getMessage().endsWith("file is empty"));
        Path text = tmp.resolve("text.png");
        Files.writeString(text, "not an image");
        assertTrue(assertThrows(ImageFormatException.class, () -> ImageInput.read(text)).getMessage().contains("known format"));
        // a PNG header claiming 100000 x 100000 pixels: refused from the header, no pixels decoded
        Path huge = tmp.resolve("huge.png");
        Files.write(huge, pngHeaderOnly(100_000, 100_000));
        String m = assertThrows(ImageFormatException.class, () -> ImageInput.read(huge)).getMessage();
        assertTrue(m.contains("100000x100000 pixels is more than the limit"), m);
    }

    private static byte[] pngHeaderOnly(int w, int h) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream c = new DataOutputStream(chunk);
        c.writeBytes("IHDR");
        c.writeInt(w);
        c.writeInt(h);
        c.write(new byte[] {8, 0, 0, 0, 0});
        byte[] data = chunk.toByteArray();
        out.writeInt(13);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(data);
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }

    @Test
    void modelRangeRules() {
        assertEquals(java.util.List.of(256, 512), list(ImageOps.modelRangeSize(512, 1024)));
        assertEquals(java.util.List.of(100, 1024), list(ImageOps.modelRangeSize(200, 2048)));
        assertEquals(java.util.List.of(16, 80), list(ImageOps.modelRangeSize(8, 40)));
        assertEquals(java.util.List.of(100, 300), list(ImageOps.modelRangeSize(100, 300)));
        // a sliver: growing to 16 high would pass 1024 wide, so the upper limit wins
        assertEquals(java.util.List.of(8, 1024), list(ImageOps.modelRangeSize(4, 512)));
        GrayImage img = InkRasterizerTest.letters(1).strokeCount() > 0 ? InkRasterizer.render(InkRasterizerTest.letters(1)) : null;
        GrayImage half = ImageOps.scale(img, 0.5);
        assertEquals(Math.round(img.width() * 0.5), half.width());
        assertTrue(half.countAtLeast(1) > 0);
    }

    private static java.util.List<Integer> list(int[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }
}
