package org.inkmath.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.inkmath.eval.Evaluation;
import org.inkmath.eval.EvaluationSettings;
import org.inkmath.eval.EvaluationTruth;
import org.inkmath.eval.ImageFolderInputs;
import org.inkmath.eval.InkMlSet;
import org.inkmath.eval.ModelInputs;
import org.inkmath.eval.PredictionException;
import org.inkmath.eval.PredictionFile;
import org.inkmath.eval.PredictionSource;
import org.inkmath.eval.RecognizerSource;
import org.inkmath.eval.report.EvaluationReport;
import org.inkmath.eval.report.HtmlReport;
import org.inkmath.eval.report.MarkdownReport;
import org.inkmath.eval.report.ReportComparison;
import org.inkmath.eval.report.ReportJson;
import org.inkmath.recognizer.Recognizer;
import org.inkmath.recognizer.RecognizerOptions;
import org.inkmath.recognizer.model.TorchEngine;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code inkmath eval}: CROHME-style evaluation of a model (or of a file of predictions) against
 * captions, written as JSON, Markdown and one self-contained HTML page; or two such reports
 * compared. A thin shell over {@link Evaluation}, {@link RecognizerSource}, the report writers
 * and {@link ReportComparison}.
 *
 * <pre>
 * inkmath eval --model m.safetensors --images 2014/img --captions 2014/caption.txt --out run1
 * inkmath eval --model m.safetensors --inkml 2014/inkml --strategy greedy --out run2
 * inkmath eval --predictions pred.txt --captions 2014/caption.txt --images 2014/img --out run3
 * inkmath eval --compare run1/report.json run2/report.json --out cmp
 * </pre>
 */
@Command(name = "eval",
        sortOptions = false,
        description = {
            "Evaluates a model (or a file of its predictions) against the truth the way",
            "CROHME results are reported: expression rate (exact token match), at most 1, 2,",
            "3 token edits, structure rate (layout right, symbols ignored), validity, symbol",
            "and relation precision and recall, figures by length, the most frequent token",
            "confusions and, for a model, latency, expressions per second and peak memory.",
            "Writes report.json, report.md and report.html (self-contained: images inlined)",
            "into --out and prints the summary table. With --compare, puts two report.json",
            "side by side instead (compare.md, compare.html).",
            "",
            "Inputs: CROHME's offline images (--images DIR with --captions FILE), or InkML",
            "files drawn by the rasteriser (--inkml DIR; the truth is each file's annotation,",
            "normalised, unless --captions is given). Both are prepared exactly as the",
            "trainer's validation prepares its images.",
            "",
        },
        footer = {
            "",
            "Without --predictions the model is run: --model FILE, else the default model of",
            "this build. Its LaTeX always validates (invalid output is repaired); the",
            "validity rate counts the decoder's own output. The same model, inputs and",
            "settings give the same report (timings aside; see --deterministic), whatever",
            "--workers as long as the threads per worker (--threads / --workers) are equal.",
            "",
            "A predictions file has the caption format, NAME<TAB>tokens a line. A caption",
            "without a prediction (or whose input cannot be read) counts as wrong; names",
            "that are not in the captions are reported. See README.md for the metric",
            "definitions and how they differ from the official CROHME tools.",
            "",
            "Examples:",
            "  inkmath eval --model model.safetensors --images 2014/img \\",
            "      --captions 2014/caption.txt --out eval-2014",
            "  inkmath eval --model model.safetensors --inkml 2019/inkml --strategy greedy",
            "  inkmath eval --predictions pred.txt --captions 2014/caption.txt \\",
            "      --images 2014/img --out eval-file",
            "  inkmath eval --compare eval-a/report.json eval-b/report.json --out compare-ab",
            "",
            "Exit codes: 0 done; 1 a --names file names expressions not in the truth;",
            "2 bad usage; 3 an input could not be read, or no model could be loaded.",
        })
public final class EvalCommand implements Callable<Integer> {

    /** Options that shape a model's run; refused with --predictions. */
    private static final List<String> MODEL_OPTIONS = List.of("--model", "--strategy", "--beam", "--constrained",
            "--max-length", "--length-penalty", "--threads", "--workers", "--attention");

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--model", paramLabel = "FILE",
            description = "The model to evaluate (.safetensors, see recognizer/MODEL-FORMAT.md); default: the"
                    + " default model of this build.")
    private Path model;

    @Option(names = "--predictions", paramLabel = "FILE",
            description = "Evaluate these predictions instead of running a model, NAME<TAB>tokens a line.")
    private Path predictions;

    @Option(names = "--captions", paramLabel = "FILE",
            description = "The truth, NAME<TAB>tokens a line, as in CROHME's caption files.")
    private Path captions;

    @Option(names = "--images", paramLabel = "DIR",
            description = "Offline images NAME.png, white ink on black as CROHME's: the model's input, and"
                    + " the pictures on the error cards of report.html.")
    private Path images;

    @Option(names = "--inkml", paramLabel = "DIR",
            description = "InkML files NAME.inkml (any depth), drawn by the rasteriser as the model's input;"
                    + " their truth annotations are the truth unless --captions is given.")
    private Path inkml;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "eval-report",
            description = "Folder for the reports, created if needed (default: ${DEFAULT-VALUE}).")
    private Path outDir;

    @ArgGroup(exclusive = true)
    private Selection selection;

    static final class Selection {
        @Option(names = "--subset", paramLabel = "N", description = "Only the first N expressions of the truth, in order.")
        Integer first;

        @Option(names = "--names", paramLabel = "FILE",
                description = "Only the expressions named in FILE, one name a line, in that order.")
        Path namesFile;
    }

    @Mixin
    private DecodingOptions decoding;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Processor threads for the model in all; 0: one per core (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--workers", paramLabel = "W", defaultValue = "1",
            description = "Expressions recognised at once, sharing the threads (default: ${DEFAULT-VALUE},"
                    + " the faster on two cores; see BENCHMARKS.md).")
    private int workers;

    @Option(names = "--attention",
            description = "Show on the first --attention-cards error cards where the model looked for each"
                    + " token (heatmaps over the input).")
    private boolean attention;

    @Option(names = "--attention-cards", paramLabel = "N", defaultValue = "50",
            description = "With --attention: how many error cards get heatmaps (default: ${DEFAULT-VALUE}).")
    private int attentionCards;

    @Option(names = "--max-error-cards", paramLabel = "N", defaultValue = "200",
            description = "At most N error cards in report.html, and N expressions per list in"
                    + " compare.md/html (default: ${DEFAULT-VALUE}).")
    private int maxErrorCards;

    @Option(names = "--confusions", paramLabel = "N", defaultValue = "20",
            description = "How many of the most frequent token confusions to list (default: ${DEFAULT-VALUE}).")
    private int confusions;

    @Option(names = "--deterministic",
            description = "Leave the date and timings out of the reports, so that the same inputs give"
                    + " byte-identical files.")
    private boolean deterministic;

    @Option(names = "--compare", arity = "2", paramLabel = "REPORT.json",
            description = "Compare two reports (A then B) instead: the change of each metric and the"
                    + " expressions one gets right and the other wrong.")
    private List<Path> compare;

    /** A usage error, with its message. */
    private static final class Usage extends Exception {
        private static final long serialVersionUID = 1L;

        Usage(String message) {
            super(message);
        }
    }

    /** An input that cannot be read (exit 3) or is invalid (exit 1), with its message (null when already printed). */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final int exitCode;

        Failure(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    /** What an evaluation scores against, and the pictures its cards show. */
    private record Inputs(EvaluationTruth truth, Optional<ModelInputs> modelInputs,
                          Optional<HtmlReport.InputPictures> pictures) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            checkUsage();
            if (compare != null) {
                return compare(out, err);
            }
            Inputs inputs = inputs(err);
            try (PredictionSource source = source(inputs, err)) {
                return evaluate(inputs, source, out, err);
            }
        } catch (Usage e) {
            err.println("inkmath: " + e.getMessage());
            err.flush();
            return 2;
        } catch (Failure e) {
            if (e.getMessage() != null) { // null: already said
                err.println("inkmath: " + e.getMessage());
            }
            err.flush();
            return e.exitCode;
        }
    }

    private void checkUsage() throws Usage {
        if (maxErrorCards < 0 || confusions < 0 || attentionCards < 0
                || (selection != null && selection.first != null && selection.first < 0)) {
            throw new Usage("--max-error-cards, --attention-cards, --confusions and --subset must not be negative");
        }
        if (compare != null) {
            if (predictions != null || captions != null || images != null || inkml != null || selection != null
                    || given(MODEL_OPTIONS)) {
                throw new Usage("--compare takes two reports and no --predictions, --model, --captions, --images,"
                        + " --inkml, --subset or --names");
            }
            return;
        }
        if (images != null && inkml != null) {
            throw new Usage("give --images DIR or --inkml DIR, not both");
        }
        if (predictions != null) {
            if (given(MODEL_OPTIONS)) {
                throw new Usage("--predictions evaluates a file; " + String.join(", ", MODEL_OPTIONS)
                        + " apply only when a model is run");
            }
            if (captions == null && inkml == null) {
                throw new Usage("give the truth: --captions FILE (or --inkml DIR with truth annotations)");
            }
            return;
        }
        if (images == null && inkml == null) {
            throw new Usage("give the model's input: --images DIR with --captions FILE, or --inkml DIR"
                    + " (or --predictions FILE, or --compare A.json B.json)");
        }
        if (images != null && captions == null) {
            throw new Usage("--images needs --captions FILE, the truth of the images");
        }
        if (threads < 0 || workers < 1 || decoding.beam < 1 || decoding.maxLength < 1) {
            throw new Usage("--threads must not be negative; --workers, --beam and --max-length must be at least 1");
        }
        if (given(List.of("--attention-cards")) && !attention) {
            throw new Usage("--attention-cards needs --attention");
        }
    }

    private boolean given(List<String> options) {
        return options.stream().anyMatch(o -> spec.commandLine().getParseResult().hasMatchedOption(o));
    }

    /** The truth (captions or InkML annotations, then the selection) and the model's inputs. */
    private Inputs inputs(PrintWriter err) throws Failure {
        if (images != null && !Files.isDirectory(images)) {
            throw new Failure(InkMath.EXIT_ERROR, "--images: not a folder: " + images);
        }
        EvaluationTruth truth = null;
        if (captions != null) {
            try {
                truth = EvaluationTruth.read(captions);
            } catch (IOException e) {
                throw new Failure(InkMath.EXIT_ERROR, "cannot read captions: " + message(e));
            }
        }
        Optional<ModelInputs> modelInputs = Optional.empty();
        Optional<HtmlReport.InputPictures> pictures = Optional.empty();
        if (images != null) {
            modelInputs = Optional.of(new ImageFolderInputs(images));
        } else if (inkml != null) {
            InkMlSet set;
            try {
                set = truth == null ? InkMlSet.read(inkml) : InkMlSet.inputsOnly(inkml);
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new Failure(InkMath.EXIT_ERROR, "--inkml: " + e.getMessage());
            }
            if (!set.skipped().isEmpty()) {
                err.println("inkmath: " + set.skipped().size() + " InkML files left out: " + firstFew(set.skipped()));
            }
            if (!set.unknownTruths().isEmpty()) {
                err.println("inkmath: " + set.unknownTruths().size() + " truths have tokens outside the vocabulary"
                        + " (no prediction can match them): " + firstFew(set.unknownTruths()));
            }
            if (truth == null) {
                truth = set.truth();
                if (truth.all().isEmpty()) {
                    throw new Failure(InkMath.EXIT_ERROR, "--inkml: no InkML file with a truth annotation in " + inkml);
                }
            }
            modelInputs = Optional.of(set);
            pictures = Optional.of(set::png);
        }
        if (images != null) {
            pictures = Optional.of(HtmlReport.InputPictures.folder(images, HtmlReport.Options.defaults().maxImageBytes()));
        }
        return new Inputs(select(truth), modelInputs, pictures);
    }

    private EvaluationTruth select(EvaluationTruth truth) throws Failure {
        if (selection == null) {
            return truth;
        }
        if (selection.first != null) {
            return truth.first(selection.first);
        }
        List<String> names;
        try {
            names = EvaluationTruth.readNames(selection.namesFile);
        } catch (IOException e) {
            throw new Failure(InkMath.EXIT_ERROR, "cannot read names: " + message(e));
        }
        try {
            return truth.named(names, "names in " + selection.namesFile.getFileName());
        } catch (IllegalArgumentException e) {
            throw new Failure(InkMath.EXIT_INVALID, selection.namesFile + ": " + e.getMessage());
        }
    }

    /** The predictions file, or the model over the inputs. */
    private PredictionSource source(Inputs inputs, PrintWriter err) throws Failure, Usage {
        if (predictions != null) {
            try {
                return PredictionFile.read(predictions);
            } catch (IOException e) {
                throw new Failure(InkMath.EXIT_ERROR, "cannot read predictions: " + message(e));
            }
        }
        RecognizerOptions options;
        try {
            options = decoding.apply(RecognizerOptions.defaults()).withAlternatives(1).withAttention(attention);
        } catch (IllegalArgumentException e) {
            throw new Usage(e.getMessage());
        }
        int total = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        int perWorker = Math.max(1, total / workers);
        long start = System.nanoTime();
        TorchEngine.setThreads(perWorker);
        // the same checks, messages and default-model warning as recognize and serve
        Recognizer recognizer = ModelChoice.load(model, options, err)
                .orElseThrow(() -> new Failure(InkMath.EXIT_ERROR, null));
        String name;
        try {
            name = model == null ? recognizer.model().name() + " (default model)" : RecognizerSource.describe(model);
        } catch (IOException e) {
            recognizer.close();
            throw new Failure(InkMath.EXIT_ERROR, "cannot read the model: " + message(e));
        }
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        return new RecognizerSource(recognizer, name, inputs.modelInputs().orElseThrow(),
                new RecognizerSource.Config(options, workers, perWorker), loadSeconds);
    }

    private int evaluate(Inputs inputs, PredictionSource source, PrintWriter out, PrintWriter err) throws Failure, IOException {
        EvaluationTruth truth = inputs.truth();
        EvaluationReport report;
        ProgressBar progress = new ProgressBar(err, "expressions", truth.selected().size(),
                ProgressBar.onStandardError(ProgressBar.Display.LOG));
        try (progress) {
            report = Evaluation.run(truth, source, EvaluationSettings.defaults().withConfusionLimit(confusions),
                    codeVersion(), done -> progress.step());
        } catch (PredictionException e) {
            progress.clearLine();
            throw new Failure(InkMath.EXIT_ERROR, e.getMessage());
        }
        if (deterministic) {
            report = report.withoutRunFacts();
        }

        createFolder(outDir);
        write(outDir.resolve("report.json"), ReportJson.write(report));
        write(outDir.resolve("report.md"), MarkdownReport.write(report));
        HtmlReport.Options html = HtmlReport.Options.defaults().withMaxErrorCards(maxErrorCards);
        if (inputs.pictures().isPresent()) {
            html = html.withInputs(inputs.pictures().get());
        }
        if (source instanceof RecognizerSource recognizerSource && attention) {
            html = html.withAttention(recognizerSource::attention, attentionCards);
        }
        write(outDir.resolve("report.html"), HtmlReport.write(report, html));

        out.print(MarkdownReport.summaryTable(report));
        out.flush();
        if (!source.failures().isEmpty()) {
            err.println("inkmath: " + source.failures().size() + " inputs could not be read (counted wrong): "
                    + firstFew(source.failures()));
        }
        int missing = report.summary().missingPredictions() - source.failures().size();
        if (missing > 0) {
            err.println("inkmath: " + missing + " expressions have no prediction (counted wrong)");
        }
        if (!report.unknownNames().isEmpty()) {
            List<String> unknown = report.unknownNames();
            err.println("inkmath: " + unknown.size() + " predictions name expressions not in the truth: "
                    + firstFew(unknown));
        }
        err.println("reports written to " + outDir + " (report.json, report.md, report.html)");
        err.flush();
        return 0;
    }

    private static String firstFew(Map<String, String> reasons) {
        return reasons.entrySet().stream().limit(5).map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", ")) + (reasons.size() > 5 ? ", ..." : "");
    }

    private static String firstFew(List<String> names) {
        return String.join(", ", names.subList(0, Math.min(5, names.size()))) + (names.size() > 5 ? ", ..." : "");
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
