package org.inkmath.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.inkmath.latex.Vocabulary;
import org.inkmath.recognizer.ink.Ink;
import org.inkmath.recognizer.ink.InkDocument;
import org.inkmath.recognizer.ink.InkMlWriter;
import org.inkmath.recognizer.ink.InkPoint;
import org.inkmath.recognizer.ink.Stroke;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.ModelConfig;
import org.inkmath.recognizer.model.WeightPrecision;

/**
 * What the model-driven evaluation tests read: a tiny random model saved to a file, and small
 * synthetic inputs (offline images white on black with a caption file, InkML with truths).
 */
public final class TinyEvalInputs {

    /** The six captions of the synthetic images e0..e5, in file order. */
    public static final List<String> CAPTIONS = List.of("x ^ { 2 }", "1 + 1", "\\frac { a } { b }", "x", "y - 3",
            "\\sqrt { 2 }");

    private TinyEvalInputs() {
    }

    /** A tiny random network (seed fixed), saved as {@code tiny.safetensors} in {@code dir}. */
    public static Path tinyModel(Path dir) throws IOException {
        Path file = dir.resolve("tiny.safetensors");
        try (ComerModel m = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 7)) {
            m.save(file, WeightPrecision.FLOAT32);
        }
        return file;
    }

    /** Images {@code e0.png..e5.png} (different scribbles) in {@code dir/img} and {@code dir/caption.txt}. */
    public static void images(Path dir) throws IOException {
        Path img = Files.createDirectories(dir.resolve("img"));
        StringBuilder captions = new StringBuilder();
        for (int i = 0; i < CAPTIONS.size(); i++) {
            BufferedImage b = new BufferedImage(60 + 20 * i, 50, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = b.createGraphics();
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(3));
            for (int s = 0; s <= i; s++) {
                g.drawLine(8 + 18 * s, 10 + (s % 2) * 20, 20 + 18 * s, 40 - (s % 3) * 10);
            }
            g.dispose();
            ImageIO.write(b, "png", img.resolve("e" + i + ".png").toFile());
            captions.append('e').append(i).append('\t').append(CAPTIONS.get(i)).append('\n');
        }
        Files.writeString(dir.resolve("caption.txt"), captions);
    }

    /** InkML files with truth annotations (LaTeX as CROHME writes it) in {@code dir/inkml}. */
    public static Path inkml(Path dir, List<String> truths) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("inkml"));
        for (int i = 0; i < truths.size(); i++) {
            InkMlWriter.write(InkDocument.of(scribble(i), truths.get(i)), folder.resolve("i" + i + ".inkml"));
        }
        return folder;
    }

    /** A few zigzag strokes; {@code variant} changes their number. */
    public static Ink scribble(int variant) {
        List<Stroke> strokes = new ArrayList<>();
        for (int s = 0; s <= variant % 4 + 1; s++) {
            List<InkPoint> points = new ArrayList<>();
            for (int i = 0; i <= 8; i++) {
                points.add(new InkPoint(s * 12 + i, (s % 2 == 0 ? i : 8 - i) * 1.5, i));
            }
            strokes.add(new Stroke(points));
        }
        return new Ink(strokes);
    }
}
