package org.inkmath.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.inkmath.latex.Vocabulary;
import org.inkmath.recognizer.image.RasterStyle;
import org.inkmath.recognizer.train.Sample;
import org.inkmath.recognizer.train.TrainingPack;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code inkmath export-data}: the data pack of the GPU training path (training/gpu/README.md),
 * a thin shell over {@link TrainingPack}.
 *
 * <pre>
 * inkmath export-data --out training/gpu/data/pack.npz
 * inkmath export-data --subset 16 --validation-subset 8 --out tiny.npz
 * </pre>
 */
@Command(name = "export-data",
        sortOptions = false,
        description = {
            "Writes the data pack of the GPU training path (training/gpu): the CROHME",
            "training ink rendered once by the rasteriser at the calibrated size, 1 bit a",
            "pixel, and the CROHME 2014 images prepared as validation prepares them, with",
            "the captions as token ids and the vocabulary, in one numpy .npz archive.",
            "Augmentation (scale) is left to the training script. Prints the pack's size.",
            "",
        },
        footer = {
            "",
            "The pack holds CROHME data: research use only (Creative Commons",
            "Attribution-NonCommercial-ShareAlike). Keep it out of git; training/gpu/data/",
            "is ignored.",
            "",
            "Examples:",
            "  inkmath export-data",
            "  inkmath export-data --subset 16 --validation-subset 8 --out tiny.npz",
            "",
            "Exit codes: 0 written; 2 bad usage; 3 missing data, a caption outside the",
            "vocabulary, or a write error.",
        })
public final class ExportDataCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Mixin
    private CrohmeOption crohme;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "training/gpu/data/pack.npz",
            description = "The pack to write (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--subset", paramLabel = "N", defaultValue = "0",
            description = "Only the first N training expressions; 0 all (default: ${DEFAULT-VALUE}).")
    private int subset;

    @Option(names = "--validation-subset", paramLabel = "N", defaultValue = "0",
            description = "Only the first N CROHME 2014 images; 0 all 986 (default: ${DEFAULT-VALUE}).")
    private int validationSubset;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (subset < 0 || validationSubset < 0) {
            err.println("inkmath: --subset and --validation-subset must not be negative");
            return 2;
        }
        if (!crohme.check(err)) {
            return InkMath.EXIT_ERROR;
        }
        try {
            long start = System.nanoTime();
            Optional<CrohmeOption.Data> loaded = crohme.load(subset, validationSubset, err);
            if (loaded.isEmpty()) {
                return InkMath.EXIT_ERROR;
            }
            CrohmeOption.Data data = loaded.get();
            List<Sample> trainSamples = data.trainSamples();
            List<Sample> validSamples = data.validationSamples();
            err.printf(Locale.ROOT, "inkmath: %d of %d training expressions (%d left out), %d of %d"
                    + " validation images (%d left out)%n", trainSamples.size(), data.train().samples().size(),
                    data.train().skipped().size(), validSamples.size(), data.validation().samples().size(),
                    data.validation().skipped().size());
            TrainingPack.Summary summary;
            try (ProgressBar bar = new ProgressBar(err, "images", trainSamples.size() + validSamples.size(),
                    ProgressBar.onStandardError(ProgressBar.Display.LOG))) {
                summary = TrainingPack.write(out, trainSamples, validSamples, Vocabulary.crohme(), RasterStyle.crohme(),
                        bar::step);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            stdout.printf(Locale.ROOT, "%s: %d training images (%.1f Mpixels, 1 bit each), %d validation images,"
                    + " %.1f MiB, %.0f s%n", out, summary.trainImages(), summary.trainPixels() / 1e6,
                    summary.validationImages(), summary.bytes() / (1024.0 * 1024.0), seconds);
            if (summary.greyPixels() > 0) {
                err.printf(Locale.ROOT, "inkmath: warning: %d training pixels were grey and were thresholded at 128%n",
                        summary.greyPixels());
            }
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("inkmath: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return InkMath.EXIT_ERROR;
        }
    }
}
