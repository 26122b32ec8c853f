package org.inkmath.recognizer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.ModelFormatException;
import org.inkmath.recognizer.train.Augmentation;
import org.inkmath.recognizer.train.CrohmeDatasets;
import org.inkmath.recognizer.train.Sample;
import org.inkmath.recognizer.train.SamplePreparer;
import org.inkmath.recognizer.image.RasterStyle;

/**
 * What the recognition benchmarks read: the model of {@code -Dinkmath.model=FILE} (else the
 * default model) and the first {@code -Dinkmath.images=N} CROHME 2014 images, prepared as the
 * trainer's validation prepares them.
 */
public final class BenchmarkInputs {

    private BenchmarkInputs() {
    }

    public static Path crohme() {
        Path dir = Path.of(System.getProperty("crohme.dir", "../shared/crohme"));
        assumeTrue(Files.isDirectory(dir.resolve("2014/img")), "CROHME data not found at " + dir);
        return dir;
    }

    /** The model file named by -Dinkmath.model, or null for the default model. */
    public static Path modelFile() {
        String file = System.getProperty("inkmath.model", "");
        if (file.isEmpty()) {
            assumeTrue(Recognizer.hasDefaultModel(), "no -Dinkmath.model=FILE and no default model");
            return null;
        }
        return Path.of(file);
    }

    public static ComerModel model() throws IOException, ModelFormatException {
        Path file = modelFile();
        if (file != null) {
            return ComerModel.load(file);
        }
        Path temp = Files.createTempFile("inkmath-default", ".safetensors");
        try (var in = Recognizer.class.getResourceAsStream(Recognizer.DEFAULT_MODEL)) {
            Files.copy(in, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return ComerModel.load(temp);
        } finally {
            Files.delete(temp);
        }
    }

    public static int imageCount(int otherwise) {
        return Integer.getInteger("inkmath.images", otherwise);
    }

    /** The first {@code count} 2014 images (in caption-file order) as model input. */
    public static List<GrayImage> images2014(int count) throws IOException {
        List<Sample> samples = CrohmeDatasets.test2014Images(crohme()).samples();
        SamplePreparer preparer = new SamplePreparer(RasterStyle.crohme(), Augmentation.none());
        List<GrayImage> out = new ArrayList<>();
        for (Sample s : samples.subList(0, Math.min(count, samples.size()))) {
            out.add(preparer.prepare(s, SamplePreparer.Draw.IDENTITY));
        }
        return out;
    }

    /** Peak resident memory of this process in MiB (VmHWM), or -1 where /proc is missing. */
    public static double peakResidentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** The q-quantile (0..1) of sorted values, nearest rank. */
    public static double quantile(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
