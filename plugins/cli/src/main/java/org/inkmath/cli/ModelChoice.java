package org.inkmath.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.inkmath.recognizer.Recognizer;
import org.inkmath.recognizer.RecognizerOptions;
import org.inkmath.recognizer.model.ModelFormatException;

/**
 * The model a command runs: {@code --model FILE}, or the default model of this build. Commands
 * share the checks, the messages and the warning that the default model is not released yet.
 */
final class ModelChoice {

    private ModelChoice() {
    }

    /** What stands in the way of loading, told without loading anything; empty when nothing does. */
    static Optional<String> problem(Path model) {
        if (model == null && !Recognizer.hasDefaultModel()) {
            return Optional.of("no model: this build has no default model yet; give a model file with --model FILE");
        }
        if (model != null && !Files.isRegularFile(model)) {
            return Optional.of("cannot load the model: " + model + ": no such file");
        }
        return Optional.empty();
    }

    /**
     * Loads the model, or says on {@code err} why not (then empty). Warns when the default model
     * is not a released one.
     */
    static Optional<Recognizer> load(Path model, RecognizerOptions options, PrintWriter err) {
        Optional<String> problem = problem(model);
        if (problem.isPresent()) {
            err.println("inkmath: " + problem.get());
            return Optional.empty();
        }
        Recognizer recognizer;
        try {
            recognizer = model == null ? Recognizer.loadDefault(options) : Recognizer.load(model, options);
        } catch (IOException | ModelFormatException e) {
            err.println("inkmath: cannot load the model: " + e.getMessage());
            return Optional.empty();
        }
        if (model == null && !recognizer.model().isReleased()) {
            err.println("inkmath: warning: the default model is " + recognizer.model().summary());
        }
        return Optional.of(recognizer);
    }
}
