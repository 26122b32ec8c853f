package org.inkmath.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.inkmath.latex.CaptionFile;
import org.inkmath.latex.TokenSequence;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.image.RasterCalibration;
import org.inkmath.recognizer.image.RasterStyle;
import org.inkmath.recognizer.train.Augmentation;
import org.inkmath.recognizer.train.CrohmeDatasets;
import org.inkmath.recognizer.train.Sample;
import org.inkmath.recognizer.train.SamplePreparer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The evaluation's inputs are the trainer's validation inputs, pixel for pixel, on real CROHME
 * 2014 files (read in place): so the evaluation's greedy ExpRate is the validation's.
 */
class ModelInputsCrohmeTest {

    static final List<String> NAMES = List.of("18_em_0", "18_em_1", "RIT_2014_100");

    static Path crohme() {
        Path dir = Path.of(System.getProperty("crohme.dir", "../shared/crohme"));
        Assumptions.assumeTrue(Files.isDirectory(dir.resolve("2014/img")), "CROHME data not found at " + dir);
        return dir;
    }

    @Test
    void imagesArePreparedAsTheTrainersValidationPreparesThem() throws IOException {
        Path crohme = crohme();
        ImageFolderInputs inputs = new ImageFolderInputs(crohme.resolve("2014/img"));
        SamplePreparer validation = new SamplePreparer(RasterStyle.crohme(), Augmentation.none());
        for (String name : NAMES) {
            GrayImage published = RasterCalibration.readPublished(crohme.resolve("2014/img/" + name + ".png"));
            GrayImage expected = validation.prepare(new Sample(name, new Sample.ImageSource(published),
                    TokenSequence.of("x")), SamplePreparer.Draw.IDENTITY);
            assertEquals(expected, inputs.read(name), name);
        }
    }

    @Test
    void inkIsDrawnAsTheTrainerDrawsItAndTheTruthIsTheCaption() throws IOException {
        Path crohme = crohme();
        Path folder = Files.createTempDirectory("inkml");
        try {
            for (String name : NAMES) {
                Files.copy(crohme.resolve("2014/inkml/" + name + ".inkml"), folder.resolve(name + ".inkml"));
            }
            InkMlSet set = InkMlSet.read(folder);
            assertEquals(NAMES, set.truth().selected());
            SamplePreparer validation = new SamplePreparer(RasterStyle.crohme(), Augmentation.none());
            List<Sample> samples = CrohmeDatasets.ink(folder, crohme.resolve("2014/caption.txt")).samples();
            var captions = CaptionFile.read(crohme.resolve("2014/caption.txt"));
            for (Sample s : samples) {
                assertEquals(validation.prepare(s, SamplePreparer.Draw.IDENTITY), set.read(s.name()), s.name());
                // the normaliser's truth matches the published caption on these files
                assertEquals(captions.get(s.name()), set.truth().all().get(s.name()), s.name());
            }
            assertTrue(set.skipped().isEmpty(), set.skipped().toString());
        } finally {
            try (var files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(folder);
        }
    }
}
