package org.inkmath.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.inkmath.recognizer.ModelInput;
import org.inkmath.recognizer.Recognition;
import org.inkmath.recognizer.Recognizer;
import org.inkmath.recognizer.RecognizerOptions;
import org.inkmath.recognizer.decode.Decoder.Strategy;
import org.inkmath.recognizer.model.TorchEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inkmath recognize FILE...}: handwriting to LaTeX, one line per file.
 *
 * <pre>
 * $ inkmath recognize formula.inkml photo.png
 * \frac { d y } { d x }
 * x ^ { 2 } + 1
 * $ inkmath recognize --nbest 3 formula.inkml
 * </pre>
 */
@Command(name = "recognize",
        description = {
            "Reads handwritten formulas and prints each as LaTeX, one line per file, in the order given.",
            "FILE may be InkML, JSON strokes ([[[x,y,t],...],...]) or a picture (PNG, JPEG, BMP, photos "
                    + "included); the format is told from the content.",
            "The default decoding is the bidirectional beam search (10 hypotheses each way, rescored by the "
                    + "opposite direction). Output that does not validate is repaired (fewest token edits); "
                    + "--json says when.",
            "A file that cannot be read gets a message on standard error and no output line; the others go on "
                    + "(use --json to pair results with files).",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every file was recognized",
            "2:bad usage",
            "3:some file could not be read, or no model could be loaded",
        })
public final class RecognizeCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "InkML, JSON strokes or picture files.")
    private List<Path> files;

    @Option(names = "--model", paramLabel = "FILE",
            description = "A model file (.safetensors, see recognizer/MODEL-FORMAT.md) instead of the default model.")
    private Path model;

    @Mixin
    private DecodingOptions decoding;

    @Option(names = "--greedy", description = "Same as --strategy greedy.")
    private boolean greedy;

    @Option(names = "--nbest", paramLabel = "K", defaultValue = "1",
            description = "Print the K best results per file: rank, score and LaTeX, tab-separated, then a blank "
                    + "line (default: ${DEFAULT-VALUE}).")
    private int nbest;

    @Option(names = "--json",
            description = "Print one JSON object per file (JSON Lines): file, latex, tokens, score, confidence, "
                    + "valid, repaired, alternatives, timings in ms; or file and error.")
    private boolean json;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Intra-op threads of the tensor library; 0 one per core (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RecognizerOptions options;
        try {
            options = decoding.apply(RecognizerOptions.defaults()).withAlternatives(Math.max(nbest, 1));
            if (greedy) {
                options = options.withStrategy(Strategy.GREEDY);
            }
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (threads < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must not be negative");
        }
        TorchEngine.setThreads(threads);
        Optional<Recognizer> loaded = ModelChoice.load(model, options, err);
        if (loaded.isEmpty()) {
            return InkMath.EXIT_ERROR;
        }
        try (Recognizer recognizer = loaded.get()) {
            return recognizeAll(recognizer, out, err);
        }
    }

    private int recognizeAll(Recognizer recognizer, PrintWriter out, PrintWriter err) {
        boolean allRead = true;
        try (ProgressBar progress = new ProgressBar(err, "files", files.size(),
                files.size() > 1 ? ProgressBar.onStandardError(ProgressBar.Display.OFF) : ProgressBar.Display.OFF)) {
            for (Path file : files) {
                Recognition r;
                try {
                    r = recognizer.recognize(file);
                } catch (IOException | ModelInput.InputFormatException e) {
                    allRead = false;
                    progress.clearLine();
                    if (json) {
                        out.println(JSON.createObjectNode().put("file", file.toString()).put("error", e.getMessage()));
                    }
                    err.println("inkmath: " + e.getMessage());
                    progress.step();
                    continue;
                }
                progress.clearLine();
                print(file, r, out);
                out.flush();
                progress.step();
            }
        }
        out.flush();
        return allRead ? 0 : InkMath.EXIT_ERROR;
    }

    private void print(Path file, Recognition r, PrintWriter out) {
        if (json) {
            out.println(toJson(file, r));
        } else if (nbest <= 1) {
            out.println(r.latex());
        } else {
            for (int i = 0; i < r.alternatives().size(); i++) {
                Recognition.Alternative a = r.alternatives().get(i);
                out.printf(Locale.ROOT, "%d\t%.4f\t%s%n", i + 1, a.score(), a.latex());
            }
            out.println();
        }
    }

    static ObjectNode toJson(Path file, Recognition r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("file", file.toString());
        o.put("latex", r.latex());
        ArrayNode tokens = o.putArray("tokens");
        r.tokens().forEach(tokens::add);
        o.put("score", r.score());
        o.put("confidence", r.confidence());
        ArrayNode tokenConfidence = o.putArray("tokenConfidence");
        r.tokenConfidence().forEach(tokenConfidence::add);
        o.put("valid", r.valid());
        o.put("repaired", r.repaired());
        ArrayNode alternatives = o.putArray("alternatives");
        for (Recognition.Alternative a : r.alternatives()) {
            alternatives.addObject().put("latex", a.latex()).put("score", a.score()).put("repaired", a.repaired());
        }
        ObjectNode t = o.putObject("timings");
        t.put("prepareMs", r.timings().prepareMs());
        t.put("encodeMs", r.timings().encodeMs());
        t.put("decodeMs", r.timings().decodeMs());
        t.put("checkMs", r.timings().checkMs());
        t.put("totalMs", r.timings().totalMs());
        return o;
    }
}
