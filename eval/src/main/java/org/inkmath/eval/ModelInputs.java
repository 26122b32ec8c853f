package org.inkmath.eval;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.inkmath.latex.TokenSequence;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.image.RasterStyle;
import org.inkmath.recognizer.train.Augmentation;
import org.inkmath.recognizer.train.Sample;
import org.inkmath.recognizer.train.SamplePreparer;

/**
 * The inputs of an evaluation, by expression name: a folder of CROHME's offline images
 * ({@link ImageFolderInputs}) or of InkML files drawn by the rasteriser ({@link InkMlSet}). Each
 * gives its input as read ({@link #source}: ink, or a picture); the recognizer prepares it for its
 * model exactly as the trainer's validation does, at the model's input scale, so that an
 * evaluation's greedy expression rate is the validation's.
 *
 * <pre>{@code
 * ModelInputs inputs = new ImageFolderInputs(Path.of("2014/img"));
 * Sample.Source source = inputs.source("18_em_0"); // the picture as published
 * GrayImage input = inputs.read("18_em_0");        // as a model of input scale 1 reads it
 * }</pre>
 *
 * Implementations are immutable and safe to call from several threads.
 */
public interface ModelInputs {

    /** What the inputs are, for the report ({@code "images 2014/img/NAME.png"}). */
    String description();

    /** The names that have an input, for messages about those that do not. */
    Set<String> names();

    /**
     * The input for {@code name} as read: ink, or a picture (ink 255 on 0) at its own size. A
     * {@link org.inkmath.recognizer.Recognizer} prepares it for its model, drawing ink directly at
     * the model's input scale.
     *
     * @throws IOException naming the file when there is none for the name or it cannot be read
     */
    Sample.Source source(String name) throws IOException;

    /**
     * The picture a model of input scale 1 reads for {@code name}: ink 255 on 0, within the
     * model's size range (the picture on a report's card).
     */
    default GrayImage read(String name) throws IOException {
        return prepare(source(name));
    }

    /** {@link #read} as a PNG (white ink on black, as CROHME's images), for a report's card. */
    default byte[] png(String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(read(name).toBufferedImage(), "png", out);
        return out.toByteArray();
    }

    /**
     * A picture or ink as the model input, prepared as the trainer's validation prepares its
     * samples: no augmentation, the CROHME raster style, fitted into the model's size range.
     */
    static GrayImage prepare(Sample.Source source) {
        // the caption plays no part in preparing the picture
        Sample sample = new Sample("input", source, new TokenSequence(List.of()));
        return new SamplePreparer(RasterStyle.crohme(), Augmentation.none()).prepare(sample, SamplePreparer.Draw.IDENTITY);
    }
}
