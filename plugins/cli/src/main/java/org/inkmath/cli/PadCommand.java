package org.inkmath.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.inkmath.desktop.PadWindow;
import org.inkmath.recognizer.Recognizer;
import org.inkmath.recognizer.RecognizerOptions;
import org.inkmath.recognizer.decode.Decoder.Strategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code inkmath pad}: a window to write formulas in by hand, read live (the desktop
 * {@link org.inkmath.desktop.InkPad}).
 *
 * <pre>
 * $ inkmath pad --model model.safetensors --greedy
 * </pre>
 */
@Command(name = "pad",
        mixinStandardHelpOptions = true,
        description = {
            "Opens a window to write formulas in by hand, read live as LaTeX.",
            "Write with the mouse or a pen. Shortly after the pen lifts, the formula is read in the background "
                    + "and shown as LaTeX (select or copy it), rendered, with the alternatives to pick from. Ctrl+Z "
                    + "undoes the last stroke (or a clear); the ink can be saved as InkML.",
            "Needs a display. Uses the model given with --model, otherwise the default model of this build; a "
                    + "model that is not released is named in a warning banner.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the window was closed", "2:bad usage", "3:no model could be loaded, or there is no display"})
public final class PadCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "FILE",
            description = "A model file (.safetensors, see recognizer/MODEL-FORMAT.md) instead of the default model.")
    private Path model;

    @Option(names = "--greedy",
            description = "Greedy decoding: the fastest answer, one result (the default is the bidirectional beam "
                    + "search with 5 alternatives).")
    private boolean greedy;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        // what can be told without loading anything comes first
        Optional<String> noModel = ModelChoice.problem(model);
        if (noModel.isPresent()) {
            err.println("inkmath: " + noModel.get());
            return InkMath.EXIT_ERROR;
        }
        Optional<String> noWindow = PadWindow.displayProblem();
        if (noWindow.isPresent()) {
            err.println("inkmath: " + noWindow.get());
            return InkMath.EXIT_ERROR;
        }
        RecognizerOptions options = greedy ? RecognizerOptions.defaults().withStrategy(Strategy.GREEDY)
                : RecognizerOptions.defaults();
        Optional<Recognizer> loaded = ModelChoice.load(model, options, err);
        if (loaded.isEmpty()) {
            return InkMath.EXIT_ERROR;
        }
        // the command owns the recognizer: closed once the window is
        try (Recognizer recognizer = loaded.get()) {
            PadWindow window = PadWindow.open(recognizer, options, "inkmath pad");
            err.println("inkmath: the pad is open; close its window to quit");
            err.flush();
            window.awaitClosed();
        }
        return 0;
    }
}
