package org.inkmath.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.automaton.PrefixAutomaton.Mode;
import org.inkmath.latex.automaton.Repair;
import org.inkmath.latex.automaton.RepairResult;
import org.inkmath.latex.grammar.SyntaxError;
import org.inkmath.latex.grammar.Validation;
import org.inkmath.latex.grammar.Validator;
import org.inkmath.latex.normalize.LatexNormalizer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
 * $ inkmath check --repair 'x^{2' '\\frac{a}'
 * x ^ { 2 }
 * { a }
 * </pre>
 */
@Command(name = "check",
        description = {
            "Checks LaTeX formulas against the grammar of inkmath (latex-grammar/GRAMMAR.md).",
            "Prints 'ok' for each valid formula; for an invalid one, the formula after 'invalid:', then one "
                    + "line per error: a caret under the part in question and what is wrong, naming tokens "
                    + "by their index ('`\\frac` at 0' is the first token).",
            "With --repair, prints each formula repaired instead: one LaTeX line per input, the edits on "
                    + "standard error.",
            "With no LATEX arguments, reads one formula per line from standard input.",
            "Put -- before a formula that starts with '-': inkmath check -- '-x'.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every formula is valid",
            "1:some formula is invalid (with --repair: some formula needed a repair)",
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

    @Option(names = "--repair",
            description = "Print each formula repaired instead of its errors: a valid formula as it is, an invalid "
                    + "one as the nearest valid token sequence (fewest token insertions and deletions; tokens "
                    + "outside the vocabulary are deleted). The edits go to standard error.")
    private boolean repair;

    @Option(names = "--canonical",
            description = "With --repair: normalise each formula (as 'inkmath normalize' does: x^2 becomes "
                    + "x ^ { 2 }, \\lt becomes <) and repair it into the canonical form of the captions (every "
                    + "argument braced, no empty group), as the recognizer writes.")
    private boolean canonical;

    @Spec
    private CommandSpec spec;

    private InputStream standardInput = System.in;

    /** Where formulas come from when none are given; tests pass their own stream. */
    void readStandardInputFrom(InputStream in) {
        this.standardInput = in;
    }

    @Override
    public Integer call() {
        if (canonical && !repair) {
            throw new ParameterException(spec.commandLine(), "--canonical needs --repair");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Repair repairer = repair ? Repair.crohme(canonical ? Mode.CANONICAL : Mode.LATEX) : null;
        boolean allValid = true;
        if (formulas.isEmpty()) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(standardInput, StandardCharsets.UTF_8));
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    allValid &= check(line, repairer, out, err);
                }
            } catch (IOException e) {
                out.flush();
                spec.commandLine().getErr().println("inkmath: cannot read standard input: " + e.getMessage());
                return InkMath.EXIT_ERROR;
            }
        } else {
            for (String latex : formulas) {
                allValid &= check(latex, repairer, out, err);
            }
        }
        out.flush();
        return allValid ? 0 : InkMath.EXIT_INVALID;
    }

    /**
     * Prints the verdict on one formula, or with a repairer the formula repaired; whether it was
     * valid (in canonical form, when the repair is canonical).
     */
    private static boolean check(String latex, Repair repairer, PrintWriter out, PrintWriter err) {
        Validation validation = Validator.validate(latex);
        if (repairer == null) {
            if (validation.isValid()) {
                out.println("ok");
            } else {
                out.print(report(latex, validation.errors()));
            }
            return validation.isValid();
        }
        TokenSequence tokens = repairer.automaton().mode() == Mode.CANONICAL
                ? LatexNormalizer.crohme().normalize(latex).tokens()
                : validation.tokens();
        RepairResult result = repairer.repair(tokens);
        boolean valid = validation.isValid() && !result.wasRepaired() && tokens.equals(validation.tokens());
        out.println(valid ? latex : result.repaired().toString());
        if (!valid) {
            out.flush();
            err.println(result.wasRepaired()
                    ? "inkmath: repaired '" + latex + "' with " + result.editCount()
                            + (result.editCount() == 1 ? " edit: " : " edits: ")
                            + String.join(", ", result.edits().stream().map(Object::toString).toList())
                    : "inkmath: normalised '" + latex + "'");
            err.flush();
        }
        return valid;
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
