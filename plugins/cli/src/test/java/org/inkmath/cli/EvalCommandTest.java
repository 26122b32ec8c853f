package org.inkmath.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.inkmath.eval.report.EvaluationReport;
import org.inkmath.eval.report.ReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inkmath eval}, run in-process on small files. */
class EvalCommandTest {

    @TempDir
    Path dir;

    Path captions() throws IOException {
        return Files.writeString(dir.resolve("caption.txt"), """
                a\tx ^ { 2 }
                b\t\\frac { 1 } { 2 }
                c\tx < y
                d\ta + b
                """);
    }

    Path predictions() throws IOException {
        // a right, b misread, c right, d missing, z unknown
        return Files.writeString(dir.resolve("pred.txt"), """
                a\tx ^ { 2 }
                b\t\\frac { 1 } { z }
                c\tx < y
                z\tq
                """);
    }

    @Test
    void writesTheThreeReportsAndPrintsTheSummary() throws IOException {
        Path out = dir.resolve("out");
        CliRun.Result r = CliRun.once("eval", "--predictions", predictions().toString(), "--captions",
                captions().toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("| ExpRate (exact) | 50.00 (2/4) | 53.96 | 58.38 | 59.33 |"), r.out());
        assertTrue(r.err().contains("1 expressions have no prediction (counted wrong)"), r.err());
        assertTrue(r.err().contains("1 predictions name expressions not in the truth: z"), r.err());
        EvaluationReport report = ReportJson.read(out.resolve("report.json"));
        assertEquals(4, report.summary().expressions());
        assertEquals(3, report.summary().within1());
        assertTrue(report.provenance().codeVersion().startsWith("inkmath "), report.provenance().codeVersion());
        assertTrue(Files.readString(out.resolve("report.md")).contains("## Evaluation: predictions file pred.txt"));
        String html = Files.readString(out.resolve("report.html"));
        assertEquals(2, html.split("class=\"card\"", -1).length - 1, "b and d are wrong");
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void deterministicRunsGiveIdenticalFiles() throws IOException {
        String[] common = {"eval", "--deterministic", "--predictions", predictions().toString(),
                "--captions", captions().toString(), "--out"};
        for (String run : new String[] {"one", "two"}) {
            String[] args = java.util.Arrays.copyOf(common, common.length + 1);
            args[common.length] = dir.resolve(run).toString();
            assertEquals(0, CliRun.once(args).exitCode());
        }
        for (String file : new String[] {"report.json", "report.md", "report.html"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("one").resolve(file)),
                    Files.readAllBytes(dir.resolve("two").resolve(file)), file);
        }
        assertFalse(Files.readString(dir.resolve("one/report.json")).contains("\"date\""));
    }

    @Test
    void subsetAndNamesChooseTheExpressions() throws IOException {
        CliRun.Result first = CliRun.once("eval", "--subset", "2", "--predictions", predictions().toString(),
                "--captions", captions().toString(), "--out", dir.resolve("s").toString());
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(2, ReportJson.read(dir.resolve("s/report.json")).summary().expressions());

        Path names = Files.writeString(dir.resolve("names.txt"), "# picked\nc\nd\n");
        CliRun.Result named = CliRun.once("eval", "--names", names.toString(), "--predictions", predictions().toString(),
                "--captions", captions().toString(), "--out", dir.resolve("n").toString());
        assertEquals(0, named.exitCode(), named.err());
        EvaluationReport r = ReportJson.read(dir.resolve("n/report.json"));
        assertEquals(java.util.List.of("c", "d"), r.expressions().stream().map(e -> e.name()).toList());
        assertEquals("names in names.txt", r.provenance().selection());

        Path bad = Files.writeString(dir.resolve("bad.txt"), "c\nnope\n");
        CliRun.Result unknown = CliRun.once("eval", "--names", bad.toString(), "--predictions", predictions().toString(),
                "--captions", captions().toString(), "--out", dir.resolve("x").toString());
        assertEquals(InkMath.EXIT_INVALID, unknown.exitCode());
        assertTrue(unknown.err().contains("1 names not in caption.txt (4 expressions): nope"), unknown.err());
    }

    @Test
    void badUsageExitsWithTwo() throws IOException {
        assertEquals(2, CliRun.once("eval").exitCode());
        CliRun.Result both = CliRun.once("eval", "--subset", "1", "--names", "n.txt",
                "--predictions", "p", "--captions", "c");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
        CliRun.Result mixed = CliRun.once("eval", "--compare", "a.json", "b.json", "--predictions", "p");
        assertEquals(2, mixed.exitCode());
        assertTrue(mixed.err().contains("--compare takes two reports"), mixed.err());
        assertEquals(2, CliRun.once("eval", "--predictions", "p", "--captions", "c", "--subset", "-1").exitCode());
    }

    @Test
    void unreadableInputIsNamedWithoutAStackTrace() throws IOException {
        CliRun.Result missing = CliRun.once("eval", "--predictions", dir.resolve("none.txt").toString(),
                "--captions", captions().toString(), "--out", dir.resolve("o").toString());
        assertEquals(InkMath.EXIT_ERROR, missing.exitCode());
        assertTrue(missing.err().startsWith("inkmath: cannot read predictions: no such file"), missing.err());

        Path broken = Files.writeString(dir.resolve("broken.txt"), "a\tx\nno tab here\n");
        CliRun.Result malformed = CliRun.once("eval", "--predictions", broken.toString(),
                "--captions", captions().toString(), "--out", dir.resolve("o").toString());
        assertEquals(InkMath.EXIT_ERROR, malformed.exitCode());
        assertTrue(malformed.err().contains("line 2: expected NAME<TAB>tokens"), malformed.err());

        Path garbage = Files.writeString(dir.resolve("g.json"), "[1, 2");
        CliRun.Result notJson = CliRun.once("eval", "--compare", garbage.toString(), garbage.toString());
        assertEquals(InkMath.EXIT_ERROR, notJson.exitCode());
        assertTrue(notJson.err().contains("g.json: not an evaluation report"), notJson.err());
        Path file = Files.writeString(dir.resolve("afile"), "");
        CliRun.Result blocked = CliRun.once("eval", "--predictions", predictions().toString(),
                "--captions", captions().toString(), "--out", file.toString());
        assertEquals(InkMath.EXIT_ERROR, blocked.exitCode());
        assertTrue(blocked.err().contains("cannot create the folder " + file + ": a file is in the way"), blocked.err());
        assertFalse((missing.err() + malformed.err() + notJson.err() + blocked.err()).contains("Exception"));
    }

    @Test
    void comparesTwoReports() throws IOException {
        Path better = Files.writeString(dir.resolve("better.txt"), "a\tx ^ { 2 }\nb\t\\frac { 1 } { 2 }\nc\tx < z\nd\ta + b\n");
        assertEquals(0, CliRun.once("eval", "--predictions", predictions().toString(), "--captions",
                captions().toString(), "--out", dir.resolve("A").toString()).exitCode());
        assertEquals(0, CliRun.once("eval", "--predictions", better.toString(), "--captions",
                captions().toString(), "--out", dir.resolve("B").toString()).exitCode());
        CliRun.Result c = CliRun.once("eval", "--compare", dir.resolve("A/report.json").toString(),
                dir.resolve("B/report.json").toString(), "--out", dir.resolve("C").toString());
        assertEquals(0, c.exitCode(), c.err());
        assertTrue(c.out().contains("| ExpRate (exact) | 50.00 | 75.00 | +25.00 |"), c.out());
        assertTrue(c.out().contains("### Right in A, wrong in B (1)"), c.out());
        assertTrue(c.out().contains("### Right in B, wrong in A (2)"), c.out());
        assertTrue(Files.readString(dir.resolve("C/compare.html")).contains("<td>c</td>"));
        assertTrue(Files.exists(dir.resolve("C/compare.md")));
    }

    @Test
    void helpNamesTheOptions() {
        CliRun.Result r = CliRun.once("eval", "--help");
        assertEquals(0, r.exitCode());
        for (String option : new String[] {"--predictions", "--captions", "--images", "--out", "--max-error-cards",
                "--subset", "--names", "--compare", "--deterministic", "--model", "--inkml", "--strategy", "--beam",
                "--constrained", "--max-length", "--threads", "--workers", "--attention"}) {
            assertTrue(r.out().contains(option), option);
        }
    }
}
