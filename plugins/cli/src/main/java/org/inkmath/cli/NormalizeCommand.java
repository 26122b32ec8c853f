package org.inkmath.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.inkmath.latex.CaptionFile;
import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.normalize.CaptionComparison;
import org.inkmath.latex.normalize.LatexNormalizer;
import org.inkmath.latex.normalize.Normalization;
import org.inkmath.recognizer.ink.InkFormatException;
import org.inkmath.recognizer.ink.InkMlReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inkmath normalize}: LaTeX as people write it to the caption token form, for strings,
 * InkML files (their truth annotation) or whole folders of InkML, optionally compared with a
 * caption file. A thin shell over {@link LatexNormalizer} and {@link CaptionComparison}.
 *
 * <pre>
 * inkmath normalize '$x^2 \lt 1$'                  prints  x ^ { 2 } &lt; 1
 * inkmath normalize --batch DIR --compare caption.txt --quiet
 * </pre>
 */
@Command(name = "normalize",
        sortOptions = false,
        description = {
            "Normalises LaTeX to the token form of the CROHME captions: drops $, spacing,",
            "\\left \\right and text wrappers; maps other spellings (\\lt to <, \\to to",
            "\\rightarrow, ...); braces every argument of ^ _ \\frac \\sqrt and drops every",
            "other group. Prints one token sequence a line. An argument ending in .inkml",
            "is read as an InkML file and its truth annotation is normalised. Tokens",
            "outside the vocabulary are kept and named on stderr.",
            "",
        },
        footer = {
            "",
            "Examples:",
            "  inkmath normalize '$\\frac12 + x^2 \\lt y$'",
            "  inkmath normalize --batch ../shared/crohme/2014/inkml",
            "  inkmath normalize --batch DIR --compare caption.txt --report diff.md --quiet",
            "",
            "Exit codes: 0 done; 1 an output has tokens outside the vocabulary (single",
            "inputs only); 2 bad usage; 3 an input could not be read (a batch goes on).",
        })
public final class NormalizeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--batch", paramLabel = "DIR",
            description = "Normalise the truth of every .inkml file under DIR (recursively, sorted by name),"
                    + " printing NAME<TAB>tokens. Repeatable.")
    private List<Path> batchDirs = new ArrayList<>();

    @Option(names = "--compare", paramLabel = "CAPTIONS",
            description = "With --batch: compare with this NAME<TAB>tokens caption file and print a summary"
                    + " (on stderr, or to --report). Repeatable; the files are merged.")
    private List<Path> captionFiles = new ArrayList<>();

    @Option(names = "--report", paramLabel = "FILE",
            description = "With --compare: write the summary and every difference to FILE as Markdown.")
    private Path reportFile;

    @Option(names = "--quiet", description = "With --batch: print no token lines, only the summary.")
    private boolean quiet;

    @Parameters(paramLabel = "LATEX|FILE.inkml", arity = "0..*",
            description = "LaTeX strings, or InkML files whose truth annotation is normalised.")
    private List<String> inputs = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (batchDirs.isEmpty() && (!captionFiles.isEmpty() || reportFile != null)) {
            err.println("inkmath: --compare and --report need --batch");
            return 2;
        }
        if (reportFile != null && captionFiles.isEmpty()) {
            err.println("inkmath: --report needs --compare");
            return 2;
        }
        if (batchDirs.isEmpty() && inputs.isEmpty()) {
            err.println("inkmath: nothing to normalise: give LaTeX, .inkml files or --batch DIR");
            return 2;
        }
        int status = 0;
        for (String input : inputs) {
            status = Math.max(status, normalizeOne(input, out, err));
        }
        if (!batchDirs.isEmpty()) {
            status = Math.max(status, runBatch(out, err));
        }
        out.flush();
        err.flush();
        return status;
    }

    private int normalizeOne(String input, PrintWriter out, PrintWriter err) {
        String latex;
        if (input.endsWith(".inkml")) {
            try {
                latex = readTruth(Path.of(input));
            } catch (IOException e) {
                err.println("inkmath: " + input + ": " + e.getMessage());
                return InkMath.EXIT_ERROR;
            }
        } else {
            latex = input;
        }
        Normalization result;
        try {
            result = LatexNormalizer.crohme().normalize(latex);
        } catch (IllegalArgumentException e) {
            err.println("inkmath: " + input + ": " + e.getMessage());
            return InkMath.EXIT_INVALID;
        }
        out.println(result.tokens());
        for (String warning : result.warnings()) {
            err.println("inkmath: " + input + ": " + warning);
        }
        if (!result.unknownTokens().isEmpty()) {
            err.println("inkmath: " + input + ": tokens outside the vocabulary: " + String.join(" ", result.unknownTokens()));
            return InkMath.EXIT_INVALID;
        }
        return 0;
    }

    private int runBatch(PrintWriter out, PrintWriter err) throws IOException {
        Map<String, TokenSequence> captions = new LinkedHashMap<>();
        for (Path file : captionFiles) {
            try {
                captions.putAll(CaptionFile.read(file));
            } catch (IOException e) {
                throw new IOException("cannot read captions " + file + ": " + e.getMessage(), e);
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path dir : batchDirs) {
            if (!Files.isDirectory(dir)) {
                throw new IOException("not a folder: " + dir);
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.getFileName().toString().endsWith(".inkml") && Files.isRegularFile(p))
                        .forEach(files::add);
            }
        }
        files.sort(Comparator.comparing(NormalizeCommand::nameOf).thenComparing(Path::toString));

        CaptionComparison.Builder comparison = CaptionComparison.builder(captions);
        // a progress line on a terminal, unless the token lines go to the same terminal
        ProgressBar progress = new ProgressBar(err, "files", files.size(),
                ProgressBar.isTerminal(2) && (quiet || !ProgressBar.isTerminal(1))
                        ? ProgressBar.Display.TERMINAL : ProgressBar.Display.OFF);
        int unreadable = 0;
        for (Path file : files) {
            String name = nameOf(file);
            try {
                String truth = readTruth(file);
                Normalization result = LatexNormalizer.crohme().normalize(truth);
                if (!quiet) {
                    out.println(name + "\t" + result.tokens());
                }
                comparison.add(name, truth, result);
            } catch (IOException | IllegalArgumentException e) {
                unreadable++;
                progress.clearLine();
                err.println("inkmath: " + file + ": " + e.getMessage());
            }
            progress.step();
        }
        progress.close();
        out.flush();
        if (!captionFiles.isEmpty()) {
            CaptionComparison result = comparison.build();
            String summary = result.summary() + (unreadable > 0 ? "unreadable files: " + unreadable + "\n" : "");
            if (reportFile != null) {
                String title = "Normalised truths against captions";
                Files.writeString(reportFile, result.markdownReport(title)
                        + (unreadable > 0 ? "\nUnreadable files: " + unreadable + " (named on stderr)\n" : ""));
                err.print(summary);
                err.println("report written to " + reportFile);
            } else {
                err.print(summary);
            }
        } else if (unreadable > 0) {
            err.println("inkmath: " + unreadable + " of " + files.size() + " files could not be read");
        }
        return unreadable > 0 ? InkMath.EXIT_ERROR : 0;
    }

    private static String nameOf(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.substring(0, fileName.length() - ".inkml".length());
    }

    /** The truth annotation of an InkML file, read with the project's InkML reader. */
    private static String readTruth(Path file) throws IOException {
        try {
            return InkMlReader.read(file).truth()
                    .orElseThrow(() -> new IOException("no <annotation type=\"truth\"> in the file"));
        } catch (InkFormatException e) {
            throw new IOException(e.problem(), e);
        }
    }
}
