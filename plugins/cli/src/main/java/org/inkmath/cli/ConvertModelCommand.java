package org.inkmath.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.ModelFormatException;
import org.inkmath.recognizer.model.WeightPrecision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inkmath convert-model IN OUT}: rewrites a model file, by default with 16-bit weights
 * (half the size; computation stays float32), e.g. to ship a training checkpoint.
 */
@Command(name = "convert-model",
        mixinStandardHelpOptions = true,
        description = {
            "Reads a model file (a training checkpoint's model.safetensors, best.safetensors, or a converted "
                    + "reference checkpoint) and writes it again with the chosen weight precision: float16 halves "
                    + "the file (about 1e-3 relative rounding; values beyond the float16 range stay float32), "
                    + "float32 keeps every bit. The configuration and vocabulary travel with the weights.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:bad usage", "3:the input could not be read or the output written"})
public final class ConvertModelCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "The model file to read.")
    private Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The model file to write (.safetensors).")
    private Path out;

    @Option(names = "--precision", paramLabel = "P", defaultValue = "float16",
            description = "float16 or float32 (default: ${DEFAULT-VALUE}).")
    private String precision;

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
        try (ComerModel model = ComerModel.load(in)) {
            model.save(out, p);
            err.printf(Locale.ROOT, "inkmath: wrote %s (%,d weights, %s, %.1f MB)%n", out, model.parameterCount(),
                    precision, Files.size(out) / 1e6);
            return 0;
        } catch (ModelFormatException e) {
            err.println("inkmath: " + e.getMessage());
            return InkMath.EXIT_ERROR;
        } catch (IOException e) {
            err.println("inkmath: cannot convert " + in + ": " + e.getMessage());
            return InkMath.EXIT_ERROR;
        }
    }
}
