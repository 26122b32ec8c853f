package org.inkmath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** {@code inkmath check}, run in-process. */
class CheckCommandTest {

    private final CliRun run = new CliRun();
    private final StringWriter out = run.out;
    private final StringWriter err = run.err;

    private int run(InputStream stdin, String... args) {
        CommandLine cli = InkMath.commandLine();
        if (stdin != null) {
            ((CheckCommand) cli.getSubcommands().get("check").getCommand()).readStandardInputFrom(stdin);
        }
        return run.execute(cli, args);
    }

    private static String lines(String... lines) {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    @Test
    void validFormulasPrintOkAndExitZero() {
        assertEquals(0, run(null, "check", "x^{2}", "\\frac{a}{b}", "\\sqrt[3]{x}"));
        assertEquals(lines("ok", "ok", "ok"), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void invalidFormulasShowTheSourceWithCaretsAndExitOne() {
        assertEquals(1, run(null, "check", "x^{2}", "\\frac{a} }"));
        assertEquals(lines(
                "ok",
                "invalid: \\frac{a} }",
                "         ^^^^^ `\\frac` at 0 has one argument, needs two",
                "                  ^ `}` at 4 closes nothing"), out.toString());
    }

    @Test
    void errorsAtTheEndPointPastTheLastCharacter() {
        assertEquals(1, run(null, "check", "a\t<\\lt"));
        assertEquals(lines(
                "invalid: a <\\lt",
                "            ^^^ unknown command `\\lt` at 2"), out.toString());
    }

    @Test
    void readsOneFormulaPerLineFromStandardInput() {
        InputStream stdin = new ByteArrayInputStream("x _ { a } ^ { b }\n\n^ { 2 }\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, run(stdin, "check"));
        assertEquals(lines(
                "ok",
                "ok",
                "invalid: ^ { 2 }",
                "         ^ `^` at 0 has no base"), out.toString());
        assertEquals(0, run(new ByteArrayInputStream("\\sum \\limits _ { i }\n".getBytes(StandardCharsets.UTF_8)), "check"));
    }

    @Test
    void unreadableInputIsANamedErrorWithoutAStackTrace() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("device gone");
            }
        };
        assertEquals(InkMath.EXIT_ERROR, run(broken, "check"));
        assertEquals(lines("inkmath: cannot read standard input: device gone"), err.toString());
    }

    @Test
    void helpExplainsTheCommand() {
        assertEquals(0, run(null, "check", "--help"));
        String help = out.toString();
        assertTrue(help.contains("Usage: inkmath check"), help);
        assertTrue(help.contains("standard input"), help);
        assertTrue(help.contains("1   some formula is invalid"), help);
    }

    @Test
    void formulasStartingWithAMinusFollowDoubleDash() {
        assertEquals(0, run(null, "check", "--", "-x", "- 1"));
        assertEquals(lines("ok", "ok"), out.toString());
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        assertEquals(2, run(null, "check", "--frobnicate"));
        assertTrue(err.toString().contains("Unknown option"), err.toString());
    }

    @Test
    void repairPrintsTheNearestValidFormulaAndTheEditsOnStandardError() {
        assertEquals(1, run(null, "check", "--repair", "x^{2", "\\frac{a}{b}", "x^{a}^{b}"));
        assertEquals(lines("x ^ { 2 }", "\\frac{a}{b}", "x ^ { a } { b }"), out.toString());
        assertTrue(err.toString().contains("repaired 'x^{2' with 1 edit: insert '}' at 4"), err.toString());
        assertFalse(err.toString().contains("\\frac{a}{b}"), "a valid formula needs no note");
    }

    @Test
    void repairOfValidInputExitsZero() {
        assertEquals(0, run(null, "check", "--repair", "x_{i}^{2}"));
        assertEquals(lines("x_{i}^{2}"), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void canonicalRepairNormalisesFirst() {
        assertEquals(1, run(null, "check", "--repair", "--canonical", "x^2 \\lt y", "\\sqrt{"));
        assertEquals(lines("x ^ { 2 } < y", "\\sqrt { \\ldots }"), out.toString());
        assertTrue(err.toString().contains("normalised 'x^2 \\lt y'"), err.toString());
    }

    @Test
    void canonicalWithoutRepairIsAUsageError() {
        assertEquals(2, run(null, "check", "--canonical", "x"));
        assertTrue(err.toString().contains("--canonical needs --repair"), err.toString());
    }
}
