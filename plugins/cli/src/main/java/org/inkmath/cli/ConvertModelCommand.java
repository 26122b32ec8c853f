package org.inkmath.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.ModelFormatException;
import org.inkmath.recognizer.model.TorchEngine;
import org.inkmath.recognizer.model.WeightPrecision;
import org.inkmath.recognizer.train.NormRecalibration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inkmath convert-model IN... OUT}: rewrites a model file, by default with 16-bit weights
 * (half the size; computation stays float32), e.g. to ship a training checkpoint; several inputs
 * are averaged into one (checkpoint averaging), and {@code --norm-batches} measures the mean's
 * BatchNorm statistics anew on training batches.
 */
@Command(name = "convert-model",
        mixinStandardHelpOptions = true,
        description = {
            "Reads a model file (a training checkpoint's model.safetensors, best.safetensors, or a converted "
                    + "reference checkpoint) and writes it again with the chosen weight precision: float16 halves "
                    + "the file (about 1e-3 relative rounding; values beyond the float16 range stay float32), "
                    + "float32 keeps every bit. The configuration and vocabulary travel with the weights.",
            "With several inputs (snapshots of one run, e.g. its last few epochs) it writes the mean of their "
                    + "weights, which often decodes better than any one of them; they must share configuration "
                    + "and vocabulary.",
            "A mean carries the mean of its inputs' BatchNorm running statistics, which fit the averaged network "
                    + "only roughly; --norm-batches N measures them anew on N training batches (forward passes in "
                    + "training mode, drawn as training draws them, from --crohme).",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:bad usage", "3:the input could not be read or the output written"})
public final class ConvertModelCommand implements Callable<Integer> {

    @Parameters(arity = "2..*", paramLabel = "FILE",
            description = "The model files to read (one, or several to average), then the file to write (.safetensors).")
    private List<Path> files;

    @Option(names = "--input-scale", paramLabel = "S",
            description = "Record this input scale instead of the input's: the size the recognizer draws and "
                    + "resizes inputs to, as a factor of the reference's (the weights do not depend on it).")
    private Double inputScale;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "float16",
            description = "float16 or float32 (default: ${DEFAULT-VALUE}).")
    private String precision;

    @Option(names = "--norm-batches", paramLabel = "N", defaultValue = "0",
            description = "Measure the BatchNorm statistics anew on N batches of the training set; 0 keeps "
                    + "the inputs' (mean) statistics (default: ${DEFAULT-VALUE}).")
    private int normBatches;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Chooses the training batches, their augmentation and dropout for --norm-batches "
                    + "(default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Processor threads for --norm-batches; 0: one per core (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Mixin
    private CrohmeOption crohme;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        WeightPrecision p = switch (precision.toLowerCase(Locale.ROOT)) {
            case "float16" -> WeightPrecision.FLOAT16;
            case "float32" -> WeightPrecision.FLOAT32;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--precision must be float16 or float32, not '" + precision + "'");
        };
        if (inputScale != null && !(inputScale > 0 && inputScale <= 4)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--input-scale must be in (0, 4], not " + inputScale);
        }
        if (normBatches < 0 || threads < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--norm-batches and --threads must not be negative");
        }
        if (normBatches > 0 && !crohme.check(err)) {
            return InkMath.EXIT_ERROR;
        }
        List<Path> in = files.subList(0, files.size() - 1);
        Path out = files.get(files.size() - 1);
        if (in.stream().anyMatch(f -> f.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize()))) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "the output " + out + " is also an input; write to another file");
        }
        try (ComerModel model = in.size() == 1 ? ComerModel.load(in.get(0)) : ComerModel.average(in)) {
            String measured = "";
            if (normBatches > 0) {
                Optional<Integer> batches = measureNorms(model, err);
                if (batches.isEmpty()) {
                    return InkMath.EXIT_ERROR;
                }
                measured = String.format(Locale.ROOT, "BatchNorm statistics from %d training batch%s, ", batches.get(),
                        batches.get() == 1 ? "" : "es");
            }
            double scale = inputScale != null ? inputScale : model.config().inputScale();
            model.save(out, p, scale);
            err.printf(Locale.ROOT, "inkmath: wrote %s (%s%s%,d weights, %s, input scale %s, %.1f MB)%n", out,
                    in.size() == 1 ? "" : "mean of " + in.size() + " models, ", measured, model.parameterCount(),
                    precision, scale, Files.size(out) / 1e6);
            return 0;
        } catch (ModelFormatException e) {
            err.println("inkmath: " + e.getMessage());
            return InkMath.EXIT_ERROR;
        } catch (IOException e) {
            err.println("inkmath: cannot convert " + String.join(", ", in.stream().map(Path::toString).toList())
                    + ": " + e.getMessage());
            return InkMath.EXIT_ERROR;
        }
    }

    /** The model's BatchNorm statistics measured anew on training batches; the number measured, or empty without data. */
    private Optional<Integer> measureNorms(ComerModel model, PrintWriter err) throws IOException {
        Optional<CrohmeOption.Data> data = crohme.load(0, 0, err);
        if (data.isEmpty()) {
            return Optional.empty();
        }
        TorchEngine.setThreads(threads);
        try (ProgressBar bar = new ProgressBar(err, "batches", normBatches,
                ProgressBar.onStandardError(ProgressBar.Display.LOG))) {
            return Optional.of(NormRecalibration.run(model, data.get().trainSamples(), normBatches, seed,
                    done -> bar.step()));
        }
    }
}
