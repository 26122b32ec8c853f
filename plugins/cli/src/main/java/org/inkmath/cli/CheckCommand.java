package org.inkmath.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import org.inkmath.latex.grammar.SyntaxError;
import org.inkmath.latex.grammar.Validation;
import org.inkmath.latex.grammar.Validator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inkmath check [LATEX ...]}: validates formulas against the grammar of
 * {@code latex-grammar/GRAMMAR.md} and prints {@code ok} or the errors of each, the source
 * with a caret under each error.
 *
 * <pre>
 * $ inkmath check 'x^{2}' '\frac{a} }'
 * ok
 * invalid: \frac{a} }
 *          ^^^^^ `\frac` at 0 has one argument, needs two
 *                   ^ `}` at 4 closes nothing
 * </pre>
 */
@Command(name = "check",
        description = {
            "Checks LaTeX formulas against the grammar of inkmath (latex-grammar/GRAMMAR.md).",
            "Prints 'ok' for each valid formula; for an invalid one, the formula after 'invalid:', then one "
                    + "line per error: a caret under the part in question and what is wrong, naming tokens "
                    + "by their index ('`\\frac` at 0' is the first token).",
            "With no LATEX arguments, reads one formula per line from standard input.",
            "Put -- before a formula that starts with '-': inkmath check -- '-x'.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every formula is valid",
            "1:some formula is invalid",
            "2:bad usage",
            "3:standard input could not be read",
        })
public final class CheckCommand implements Callable<Integer> {

    private static final String INVALID = "invalid: ";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Parameters(paramLabel = "LATEX", arity = "0..*",
            description = "formulas to check, e.g. '\\frac{a}{b}' (quote them for the shell)")
    private List<String> formulas = List.of();

    // ------------------------------------------------------------------------------------------
    // Repair (to come): the lead adds a `--repair` option here once latex-grammar's repair
    // exists. It plugs in at the line marked "--repair" in check(), which then also prints the
    // repaired formula of an invalid input. This class implements no repair of its own.
    // ------------------------------------------------------------------------------------------

    @Spec
    private CommandSpec spec;

    private InputStream standardInput = System.in;

    /** Where formulas come from when none are given; tests pass their own stream. */
    void readStandardInputFrom(InputStream in) {
        this.standardInput = in;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean allValid = true;
        if (formulas.isEmpty()) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(standardInput, StandardCharsets.UTF_8));
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    allValid &= check(line, out);
                }
            } catch (IOException e) {
                out.flush();
                spec.commandLine().getErr().println("inkmath: cannot read standard input: " + e.getMessage());
                return InkMath.EXIT_ERROR;
            }
        } else {
            for (String latex : formulas) {
                allValid &= check(latex, out);
            }
        }
        out.flush();
        return allValid ? 0 : InkMath.EXIT_INVALID;
    }

    /** Prints the verdict on one formula; whether it was valid. */
    private static boolean check(String latex, PrintWriter out) {
        Validation validation = Validator.validate(latex);
        if (validation.isValid()) {
            out.println("ok");
            return true;
        }
        out.print(report(latex, validation.errors()));
        // --repair: print the repaired formula here.
        return false;
    }

    /**
     * The formula after {@code invalid: }, then for each error a line with carets under its
     * characters and the message.
     */
    static String report(String latex, List<SyntaxError> errors) {
        // Tabs, line breaks and other control characters would shift the carets or disturb the
        // terminal; shown as spaces, every character takes one column.
        String shown = latex.replaceAll("\\p{Cntrl}", " ");
        StringBuilder report = new StringBuilder(INVALID).append(shown).append(System.lineSeparator());
        for (SyntaxError error : errors) {
            int start = Math.min(error.start(), shown.length());
            int width = Math.max(1, Math.min(error.end(), shown.length()) - start);
            report.append(" ".repeat(INVALID.length() + start)).append("^".repeat(width)).append(' ')
                    .append(error.message()).append(System.lineSeparator());
        }
        return report.toString();
    }
}
