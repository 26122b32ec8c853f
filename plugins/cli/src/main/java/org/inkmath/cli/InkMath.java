package org.inkmath.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The {@code inkmath} command: one sub-command per class, each a thin shell over a public API.
 * Exit codes: 0 success, 1 the input was read but found wanting (invalid LaTeX, a failed
 * check), 2 bad usage, 3 unreadable input or another error that names its cause.
 */
@Command(name = "inkmath",
        mixinStandardHelpOptions = true,
        version = "inkmath 0.1.0-SNAPSHOT",
        description = "Handwritten mathematics to LaTeX.",
        subcommands = {
            HelpCommand.class,
            RecognizeCommand.class,
            NormalizeCommand.class,
            RasterizeCommand.class,
            RenderCommand.class,
            CheckCommand.class,
            EvalCommand.class,
            TrainCommand.class,
            ConvertModelCommand.class,
            ExportDataCommand.class,
            PadCommand.class,
            ServeCommand.class,
        })
public final class InkMath {

    /** Exit code when the input was read but found wanting. */
    public static final int EXIT_INVALID = 1;
    /** Exit code when input could not be read or another named error stopped the work. */
    public static final int EXIT_ERROR = 3;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests call {@code execute} on it directly. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new InkMath());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // Users see the message of what went wrong, never a stack trace.
            commandLine.getErr().println("inkmath: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return EXIT_ERROR;
        });
        return cli;
    }
}
