package org.inkmath.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.inkmath.recognizer.train.CrohmeDatasets;
import org.inkmath.recognizer.train.Sample;

import picocli.CommandLine.Option;

/**
 * The {@code --crohme DIR} option of the commands that read the CROHME training ink and the 2014
 * images ({@code train}, {@code export-data}), mixed into each with {@code @Mixin}: one
 * definition of the option, of the check that the folder holds what they read, and of the loading.
 *
 * <pre>
 * if (!crohme.check(err)) {   // said, e.g. "inkmath: CROHME data folder not found: ..."
 *     return InkMath.EXIT_ERROR;
 * }
 * Optional&lt;CrohmeOption.Data&gt; data = crohme.load(16, 0, err);   // 16 training expressions, all images
 * </pre>
 */
final class CrohmeOption {

    /** What the commands read below the folder. */
    private static final List<String> PARTS = List.of("train/inkml", "train/caption.txt", "2014/img", "2014/caption.txt");

    @Option(names = "--crohme", paramLabel = "DIR", defaultValue = "../shared/crohme",
            description = "The CROHME data: train/inkml, train/caption.txt, 2014/img, 2014/caption.txt"
                    + " (default: ${DEFAULT-VALUE}).")
    Path dir;

    /**
     * The CROHME data as read: the training ink and the 2014 images, each with what was left out,
     * and the samples kept of each (the first N where a subset was asked for).
     */
    record Data(CrohmeDatasets.Loaded train, CrohmeDatasets.Loaded validation, List<Sample> trainSamples,
                List<Sample> validationSamples) {
    }

    /**
     * Whether the folder holds what the commands read, told without reading anything; when it does
     * not, says on {@code err} what is missing.
     */
    boolean check(PrintWriter err) {
        Optional<String> problem = problem();
        problem.ifPresent(p -> err.println("inkmath: " + p));
        return problem.isEmpty();
    }

    private Optional<String> problem() {
        if (!Files.isDirectory(dir)) {
            return Optional.of("CROHME data folder not found: " + dir.toAbsolutePath() + " (give --crohme DIR)");
        }
        for (String part : PARTS) {
            if (!Files.exists(dir.resolve(part))) {
                return Optional.of(dir.resolve(part) + " is missing (the CROHME folder needs train/inkml,"
                        + " train/caption.txt, 2014/img and 2014/caption.txt; give --crohme DIR)");
            }
        }
        return Optional.empty();
    }

    /**
     * Reads the training ink and the 2014 images, keeping only the first {@code trainSubset} and
     * {@code validationSubset} of them where those are above 0, and says on {@code err} what it
     * reads; or says on {@code err} that no training ink kept has a caption (then empty).
     *
     * @throws IOException when a file cannot be read
     */
    Optional<Data> load(int trainSubset, int validationSubset, PrintWriter err) throws IOException {
        err.println("inkmath: reading the CROHME training ink and the 2014 images from " + dir);
        err.flush();
        CrohmeDatasets.Loaded train = CrohmeDatasets.trainInk(dir);
        CrohmeDatasets.Loaded validation = CrohmeDatasets.test2014Images(dir);
        List<Sample> trainSamples = first(train.samples(), trainSubset);
        if (trainSamples.isEmpty()) {
            err.println("inkmath: no captioned training ink under " + dir.resolve("train/inkml"));
            return Optional.empty();
        }
        return Optional.of(new Data(train, validation, trainSamples, first(validation.samples(), validationSubset)));
    }

    private static List<Sample> first(List<Sample> samples, int n) {
        return n > 0 && samples.size() > n ? samples.subList(0, n) : samples;
    }
}
