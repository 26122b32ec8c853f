package org.inkmath.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.inkmath.latex.TokenSequence;

/**
 * The expressions to evaluate, with their truth: a caption file, or a chosen part of it.
 *
 * <pre>{@code
 * EvaluationTruth all = EvaluationTruth.read(Path.of("2014/caption.txt"));
 * EvaluationTruth some = all.first(100);          // the first 100 in file order
 * EvaluationTruth listed = all.named(List.of("18_em_0", "18_em_1"), "names in picked.txt");
 * }</pre>
 *
 * @param description what the truth is, for the report ({@code caption.txt (986 expressions)})
 * @param all         every expression of the truth, name to tokens, in file order
 * @param selected    the names evaluated, in order, all of them in {@code all}
 * @param selection   how they were chosen ({@code all}, {@code first 100}, ...)
 */
public record EvaluationTruth(String description, Map<String, TokenSequence> all, List<String> selected,
                              String selection) {

    public EvaluationTruth {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(selection, "selection");
        all = Collections.unmodifiableMap(new LinkedHashMap<>(all));
        selected = List.copyOf(selected);
        for (String name : selected) {
            if (!all.containsKey(name)) {
                throw new IllegalArgumentException("no truth for " + name);
            }
        }
    }

    /** Every expression of a caption file, in file order. */
    public static EvaluationTruth read(Path captions) throws IOException {
        Map<String, TokenSequence> all = CaptionInput.read(captions);
        return new EvaluationTruth(captions.getFileName() + " (" + all.size() + " expressions)", all,
                new ArrayList<>(all.keySet()), "all");
    }

    /** The first {@code n} expressions in file order (all when there are fewer). */
    public EvaluationTruth first(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("subset size must not be negative: " + n);
        }
        return new EvaluationTruth(description, all, selected.subList(0, Math.min(n, selected.size())), "first " + n);
    }

    /**
     * The expressions named, in the order given, each once.
     *
     * @throws IllegalArgumentException naming the first few names the truth lacks
     */
    public EvaluationTruth named(List<String> names, String selectionDescription) {
        Set<String> unique = new LinkedHashSet<>(names);
        List<String> unknown = unique.stream().filter(n -> !all.containsKey(n)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(unknown.size() + " names not in " + description + ": "
                    + String.join(", ", unknown.subList(0, Math.min(5, unknown.size())))
                    + (unknown.size() > 5 ? ", ..." : ""));
        }
        return new EvaluationTruth(description, all, new ArrayList<>(unique), selectionDescription);
    }

    /** Reads names, one a line (blank lines and {@code #} comments skipped). */
    public static List<String> readNames(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
