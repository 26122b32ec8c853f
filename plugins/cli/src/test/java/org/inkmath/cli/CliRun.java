package org.inkmath.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/**
 * Runs the command line in-process, the way a person's shell would, and keeps what it printed.
 * What several runs print accumulates, as on a terminal.
 */
final class CliRun {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Runs {@code inkmath ARGS...} and returns its exit code. */
    int run(String... args) {
        return execute(InkMath.commandLine(), args);
    }

    /** Runs a command line that a test configured further (standard input, say). */
    int execute(CommandLine cli, String... args) {
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    /** One run's exit code and output, for tests that look at runs one by one. */
    record Result(int exitCode, String out, String err) {
    }

    static Result once(String... args) {
        CliRun run = new CliRun();
        int code = run.run(args);
        return new Result(code, run.out.toString(), run.err.toString());
    }
}
