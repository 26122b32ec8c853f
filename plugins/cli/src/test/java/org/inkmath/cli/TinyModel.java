package org.inkmath.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.inkmath.latex.Vocabulary;
import org.inkmath.recognizer.ink.Ink;
import org.inkmath.recognizer.ink.InkPoint;
import org.inkmath.recognizer.ink.Stroke;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.ModelConfig;
import org.inkmath.recognizer.model.WeightPrecision;

/**
 * What the command tests feed the commands that run or train a model: a tiny network (random
 * weights, loads and decodes in milliseconds) and a scribble of ink for it to read.
 *
 * <pre>
 * Path model = TinyModel.save(dir.resolve("tiny.safetensors"), 4, WeightPrecision.FLOAT16);
 * Ink ink = TinyModel.scribble(1);
 * </pre>
 */
final class TinyModel {

    private TinyModel() {
    }

    /** The network with random weights drawn from {@code seed}, saved to {@code file}. */
    static Path save(Path file, long seed, WeightPrecision precision) throws IOException {
        try (ComerModel m = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), seed)) {
            m.save(file, precision);
        }
        return file;
    }

    /** {@code variant + 2} zigzag strokes side by side. */
    static Ink scribble(int variant) {
        List<Stroke> strokes = new ArrayList<>();
        for (int s = 0; s <= variant + 1; s++) {
            List<InkPoint> points = new ArrayList<>();
            for (int i = 0; i <= 8; i++) {
                points.add(new InkPoint(s * 12 + i, (s % 2 == 0 ? i : 8 - i) * 1.5, i));
            }
            strokes.add(new Stroke(points));
        }
        return new Ink(strokes);
    }
}
