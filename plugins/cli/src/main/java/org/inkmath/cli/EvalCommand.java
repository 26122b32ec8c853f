package org.inkmath.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.inkmath.eval.Evaluation;
import org.inkmath.eval.EvaluationSettings;
import org.inkmath.eval.EvaluationTruth;
import org.inkmath.eval.PredictionException;
import org.inkmath.eval.PredictionFile;
import org.inkmath.eval.PredictionSource;
import org.inkmath.eval.report.EvaluationReport;
import org.inkmath.eval.report.HtmlReport;
import org.inkmath.eval.report.MarkdownReport;
import org.inkmath.eval.report.ReportComparison;
import org.inkmath.eval.report.ReportJson;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code inkmath eval}: CROHME-style evaluation of predictions against captions, written as
 * JSON, Markdown and one self-contained HTML page; or two such reports compared. A thin shell
 * over {@link Evaluation}, the report writers and {@link ReportComparison}.
 *
 * <pre>
 * inkmath eval --predictions pred.txt --captions 2014/caption.txt --images 2014/img --out run1
 * inkmath eval --compare run1/report.json run2/report.json --out cmp
 * </pre>
 *
 * The predictions come from a {@link PredictionSource}; today a file ({@code --predictions}).
 * A recognizer-backed source will add {@code --model FILE} (reading {@code --images} or
 * {@code --inkml}) beside it, as another member of the same exclusive group of sources.
 */
@Command(name = "eval",
        sortOptions = false,
        description = {
            "Evaluates predictions against captions the way CROHME results are reported:",
            "expression rate (exact token match), at most 1, 2, 3 token edits, structure rate",
            "(layout right, symbols ignored), validity, symbol and relation precision and",
            "recall, figures by length and the most frequent token confusions. Writes",
            "report.json, report.md and report.html (self-contained: images inlined) into",
            "--out and prints the summary table. With --compare, puts two report.json side",
            "by side instead (compare.md, compare.html).",
            "",
        },
        footer = {
            "",
            "A predictions file has the caption format, NAME<TAB>tokens a line. A caption",
            "without a prediction counts as an empty (wrong) prediction; names that are not",
            "in the captions are reported. See README.md for the metric definitions and how",
            "they differ from the official CROHME tools.",
            "",
            "Examples:",
            "  inkmath eval --predictions pred.txt --captions 2014/caption.txt \\",
            "      --images 2014/img --out eval-2014",
            "  inkmath eval --compare eval-a/report.json eval-b/report.json --out compare-ab",
            "",
            "Exit codes: 0 done; 1 a --names file names expressions not in the captions;",
            "2 bad usage; 3 an input could not be read.",
        })
public final class EvalCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--predictions", paramLabel = "FILE",
            description = "Predictions to evaluate, NAME<TAB>tokens a line.")
    private Path predictions;

    @Option(names = "--captions", paramLabel = "FILE",
            description = "The truth, NAME<TAB>tokens a line, as in CROHME's caption files.")
    private Path captions;

    @Option(names = "--images", paramLabel = "DIR",
            description = "Input images NAME.png, shown on the error cards of report.html.")
    private Path images;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "eval-report",
            description = "Folder for the reports, created if needed (default: ${DEFAULT-VALUE}).")
    private Path outDir;

    @Option(names = "--max-error-cards", paramLabel = "N", defaultValue = "200",
            description = "At most N error cards in report.html, and N expressions per list in"
                    + " compare.md/html (default: ${DEFAULT-VALUE}).")
    private int maxErrorCards;

    @Option(names = "--confusions", paramLabel = "N", defaultValue = "20",
            description = "How many of the most frequent token confusions to list (default: ${DEFAULT-VALUE}).")
    private int confusions;

    @ArgGroup(exclusive = true)
    private Selection selection;

    static final class Selection {
        @Option(names = "--subset", paramLabel = "N", description = "Only the first N captions, in file order.")
        Integer first;

        @Option(names = "--names", paramLabel = "FILE",
                description = "Only the captions named in FILE, one name a line, in that order.")
        Path namesFile;
    }

    @Option(names = "--deterministic",
            description = "Leave the date and timings out of the reports, so that the same inputs give"
                    + " byte-identical files.")
    private boolean deterministic;

    @Option(names = "--compare", arity = "2", paramLabel = "REPORT.json",
            description = "Compare two reports (A then B) instead: the change of each metric and the"
                    + " expressions one gets right and the other wrong.")
    private List<Path> compare;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxErrorCards < 0 || confusions < 0 || (selection != null && selection.first != null && selection.first < 0)) {
            err.println("inkmath: --max-error-cards, --confusions and --subset must not be negative");
            return 2;
        }
        if (compare != null) {
            if (predictions != null || captions != null || images != null || selection != null) {
                err.println("inkmath: --compare takes two reports and no --predictions, --captions, --images,"
                        + " --subset or --names");
                return 2;
            }
            return compare(out, err);
        }
        if (predictions == null || captions == null) {
            err.println("inkmath: give --predictions FILE and --captions FILE (or --compare A.json B.json)");
            return 2;
        }
        if (images != null && !Files.isDirectory(images)) {
            err.println("inkmath: --images: not a folder: " + images);
            return InkMath.EXIT_ERROR;
        }

        EvaluationTruth truth;
        try {
            truth = EvaluationTruth.read(captions);
        } catch (IOException e) {
            err.println("inkmath: cannot read captions: " + message(e));
            return InkMath.EXIT_ERROR;
        }
        if (selection != null && selection.first != null) {
            truth = truth.first(selection.first);
        } else if (selection != null) {
            List<String> names;
            try {
                names = EvaluationTruth.readNames(selection.namesFile);
            } catch (IOException e) {
                err.println("inkmath: cannot read names: " + message(e));
                return InkMath.EXIT_ERROR;
            }
            try {
                truth = truth.named(names, "names in " + selection.namesFile.getFileName());
            } catch (IllegalArgumentException e) {
                err.println("inkmath: " + selection.namesFile + ": " + e.getMessage());
                return InkMath.EXIT_INVALID;
            }
        }
        PredictionFile source;
        try {
            source = PredictionFile.read(predictions);
        } catch (IOException e) {
            err.println("inkmath: cannot read predictions: " + message(e));
            return InkMath.EXIT_ERROR;
        }

        EvaluationReport report;
        ProgressBar progress = new ProgressBar(err, "expressions", truth.selected().size(),
                ProgressBar.onStandardError(ProgressBar.Display.LOG));
        try (source; progress) {
            report = Evaluation.run(truth, source, EvaluationSettings.defaults().withConfusionLimit(confusions),
                    codeVersion(), done -> progress.step());
        } catch (PredictionException e) {
            progress.clearLine();
            err.println("inkmath: " + e.getMessage());
            return InkMath.EXIT_ERROR;
        }
        if (deterministic) {
            report = report.withoutRunFacts();
        }

        createFolder(outDir);
        write(outDir.resolve("report.json"), ReportJson.write(report));
        write(outDir.resolve("report.md"), MarkdownReport.write(report));
        HtmlReport.Options html = HtmlReport.Options.defaults().withMaxErrorCards(maxErrorCards);
        write(outDir.resolve("report.html"), HtmlReport.write(report, images == null ? html : html.withImages(images)));

        out.print(MarkdownReport.summaryTable(report));
        out.flush();
        if (report.summary().missingPredictions() > 0) {
            err.println("inkmath: " + report.summary().missingPredictions() + " captions have no prediction"
                    + " (counted wrong)");
        }
        if (!report.unknownNames().isEmpty()) {
            List<String> unknown = report.unknownNames();
            err.println("inkmath: " + unknown.size() + " predictions name expressions not in the captions: "
                    + String.join(", ", unknown.subList(0, Math.min(5, unknown.size()))) + (unknown.size() > 5 ? ", ..." : ""));
        }
        err.println("reports written to " + outDir + " (report.json, report.md, report.html)");
        err.flush();
        return 0;
    }

    private int compare(PrintWriter out, PrintWriter err) throws IOException {
        EvaluationReport a;
        EvaluationReport b;
        try {
            a = ReportJson.read(compare.get(0));
            b = ReportJson.read(compare.get(1));
        } catch (IOException e) {
            err.println("inkmath: " + e.getMessage());
            return InkMath.EXIT_ERROR;
        }
        ReportComparison comparison = ReportComparison.of(a, b);
        String markdown = ReportComparison.markdown(comparison, maxErrorCards);
        createFolder(outDir);
        write(outDir.resolve("compare.md"), markdown);
        write(outDir.resolve("compare.html"), ReportComparison.html(comparison, maxErrorCards));
        out.print(markdown);
        out.flush();
        err.println("comparison written to " + outDir + " (compare.md, compare.html)");
        err.flush();
        return 0;
    }

    private static void createFolder(Path folder) throws IOException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IOException("cannot create the folder " + folder + (Files.exists(folder) ? ": a file is in the way" : ""), e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + message(e), e);
        }
    }

    private static String message(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file: " + e.getMessage() : e.getMessage();
    }

    /**
     * The program's version and, when it runs from a git work tree (the launcher builds it in
     * one), the commit: {@code inkmath 0.1.0-SNAPSHOT (90c3e10)}; a changed tree adds
     * {@code -dirty}.
     */
    static String codeVersion() {
        String version = InkMath.class.getAnnotation(Command.class).version()[0];
        try {
            Path classes = Path.of(EvalCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(classes) ? classes : classes.getParent();
            Process git = new ProcessBuilder("git", "-C", dir.toString(), "describe", "--always", "--dirty", "--abbrev=10")
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            git.getOutputStream().close();
            if (!git.waitFor(5, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return version;
            }
            String commit = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.exitValue() == 0 && commit.matches("[0-9A-Za-z._-]{4,80}") ? version + " (" + commit + ")" : version;
        } catch (IOException | URISyntaxException | SecurityException | IllegalArgumentException
                 | UnsupportedOperationException e) {
            return version;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return version;
        }
    }
}
