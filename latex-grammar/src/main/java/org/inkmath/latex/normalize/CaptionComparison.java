package org.inkmath.latex.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.inkmath.latex.TokenSequence;

/**
 * Compares normalised truths with reference captions and sorts the differences into classes,
 * so that a measurement says not only how many differ but why.
 *
 * <pre>{@code
 * Map<String, TokenSequence> captions = CaptionFile.read(Path.of("caption.txt"));
 * CaptionComparison.Builder b = CaptionComparison.builder(captions);
 * b.add("formula1", "$x^2$", LatexNormalizer.crohme().normalize("$x^2$"));
 * CaptionComparison result = b.build();
 * result.equal();          // 1 if the caption of formula1 is x ^ { 2 }
 * }</pre>
 *
 * @param compared        truths that had a caption
 * @param equal           of those, the ones equal to their caption token for token
 * @param differences     the others, sorted by name
 * @param withoutCaption  names of truths that had no caption, sorted
 * @param withoutTruth    names of captions that had no truth, sorted
 */
public record CaptionComparison(int compared, int equal, List<Difference> differences,
                                List<String> withoutCaption, List<String> withoutTruth) {

    public CaptionComparison {
        differences = List.copyOf(differences);
        withoutCaption = List.copyOf(withoutCaption);
        withoutTruth = List.copyOf(withoutTruth);
    }

    /** Why a normalised truth and its caption differ. */
    public enum DifferenceClass {
        /** The normalised truth has tokens outside the vocabulary: markup or a misspelt command. */
        UNKNOWN_TOKENS("the truth has tokens outside the vocabulary (non-LaTeX markup, a misspelt command)"),
        /** The truth needed repairs: an unmatched brace, a missing argument. */
        MALFORMED_TRUTH("the truth is malformed LaTeX (unmatched brace, missing argument), repaired otherwise than the caption"),
        /** The truth spells a function as letters ({@code l o g}) where the caption has the command. */
        FUNCTION_AS_LETTERS("the truth spells a function name as letters, the caption has the command"),
        /** Truth and caption write different symbols: an annotation difference. */
        SYMBOLS("truth and caption have different symbols (annotation differences)"),
        /** The same symbols, placed otherwise (script order, grouping). */
        STRUCTURE("same symbols, different structure (order of sub- and superscript, grouping)");

        private final String description;

        DifferenceClass(String description) {
            this.description = description;
        }

        /** One line saying what the class means. */
        public String description() {
            return description;
        }
    }

    /** One truth whose normalised form differs from its caption. */
    public record Difference(String name, String truth, Normalization normalized, TokenSequence caption,
                             DifferenceClass kind) {
        public Difference {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(truth, "truth");
            Objects.requireNonNull(normalized, "normalized");
            Objects.requireNonNull(caption, "caption");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** Tokens that only shape the layout; what is left are the symbols. */
    private static final Set<String> STRUCTURE_TOKENS = Set.of("{", "}", "^", "_");
    /** The function commands, with their spelling as letters. */
    private static final Map<String, List<String>> FUNCTIONS = Map.of(
            "\\sin", List.of("s", "i", "n"), "\\cos", List.of("c", "o", "s"), "\\tan", List.of("t", "a", "n"),
            "\\log", List.of("l", "o", "g"), "\\lim", List.of("l", "i", "m"));

    /** The percentage of compared truths equal to their caption (100 when none were compared). */
    public double percentEqual() {
        return compared == 0 ? 100.0 : 100.0 * equal / compared;
    }

    /** The number of differences in each class, every class listed. */
    public Map<DifferenceClass, Integer> countsByClass() {
        Map<DifferenceClass, Integer> counts = new EnumMap<>(DifferenceClass.class);
        for (DifferenceClass c : DifferenceClass.values()) {
            counts.put(c, 0);
        }
        for (Difference d : differences) {
            counts.merge(d.kind(), 1, Integer::sum);
        }
        return counts;
    }

    /** The summary in a few lines of plain text. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "compared %d, equal %d (%.2f%%), different %d%n",
                compared, equal, percentEqual(), differences.size()));
        countsByClass().forEach((c, n) -> {
            if (n > 0) {
                out.append(String.format(Locale.ROOT, "  %-20s %5d  %s%n", c, n, c.description()));
            }
        });
        if (!withoutCaption.isEmpty()) {
            out.append("truths without a caption: ").append(withoutCaption.size()).append(System.lineSeparator());
        }
        if (!withoutTruth.isEmpty()) {
            out.append("captions without a truth: ").append(withoutTruth.size()).append(System.lineSeparator());
        }
        return out.toString();
    }

    /** A Markdown report: the figures, the classes, and every difference with its tokens. */
    public String markdownReport(String title) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(title).append("\n\n");
        out.append(String.format(Locale.ROOT, "Compared: %d. Equal to the caption: %d (%.2f%%). Different: %d.%n%n",
                compared, equal, percentEqual(), differences.size()));
        out.append("| class | count | meaning |\n| --- | ---: | --- |\n");
        countsByClass().forEach((c, n) -> out.append("| `").append(c).append("` | ").append(n).append(" | ")
                .append(c.description()).append(" |\n"));
        if (!withoutCaption.isEmpty()) {
            out.append("\nTruths without a caption (skipped): ").append(String.join(", ", withoutCaption)).append('\n');
        }
        if (!withoutTruth.isEmpty()) {
            out.append("\nCaptions without a truth: ").append(withoutTruth.size()).append('\n');
        }
        for (DifferenceClass c : DifferenceClass.values()) {
            List<Difference> ofClass = differences.stream().filter(d -> d.kind() == c).toList();
            if (ofClass.isEmpty()) {
                continue;
            }
            out.append("\n## ").append(c).append(" (").append(ofClass.size()).append(")\n\n");
            for (Difference d : ofClass) {
                out.append("- `").append(d.name()).append("`: truth `").append(code(d.truth().strip()))
                        .append("`\n  - normalised: `").append(code(d.normalized().tokens().toString()))
                        .append("`\n  - caption:    `").append(code(d.caption().toString())).append("`\n");
                if (!d.normalized().unknownTokens().isEmpty()) {
                    out.append("  - outside the vocabulary: ").append(String.join(" ", d.normalized().unknownTokens()))
                            .append('\n');
                }
                for (String warning : d.normalized().warnings()) {
                    out.append("  - ").append(warning).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String code(String text) {
        return text.replace("`", "'");
    }

    /** A builder over the reference captions. */
    public static Builder builder(Map<String, TokenSequence> captions) {
        return new Builder(captions);
    }

    /** Collects normalised truths one by one; not thread-safe. */
    public static final class Builder {
        private final Map<String, TokenSequence> captions;
        private final Set<String> seen = new TreeSet<>();
        private final Map<String, Difference> differences = new TreeMap<>();
        private final Set<String> withoutCaption = new TreeSet<>();
        private int compared;
        private int equal;

        private Builder(Map<String, TokenSequence> captions) {
            this.captions = Map.copyOf(captions);
        }

        /** Adds the truth of {@code name}, its source text and its normalisation. */
        public Builder add(String name, String truth, Normalization normalized) {
            TokenSequence caption = captions.get(name);
            if (caption == null) {
                withoutCaption.add(name);
                return this;
            }
            seen.add(name);
            compared++;
            if (normalized.tokens().equals(caption)) {
                equal++;
            } else {
                differences.put(name, new Difference(name, truth, normalized, caption, classify(normalized, caption)));
            }
            return this;
        }

        public CaptionComparison build() {
            List<String> withoutTruth = new ArrayList<>(new TreeSet<>(captions.keySet()));
            withoutTruth.removeAll(seen);
            return new CaptionComparison(compared, equal, new ArrayList<>(differences.values()),
                    new ArrayList<>(withoutCaption), withoutTruth);
        }
    }

    /** The class of a difference, the first that applies in the order of {@link DifferenceClass}. */
    static DifferenceClass classify(Normalization normalized, TokenSequence caption) {
        if (!normalized.unknownTokens().isEmpty()) {
            return DifferenceClass.UNKNOWN_TOKENS;
        }
        if (!normalized.warnings().isEmpty()) {
            return DifferenceClass.MALFORMED_TRUTH;
        }
        List<String> truthSymbols = symbols(normalized.tokens().tokens());
        List<String> captionSymbols = symbols(caption.tokens());
        if (sorted(truthSymbols).equals(sorted(captionSymbols))) {
            return DifferenceClass.STRUCTURE;
        }
        if (sorted(spelledOut(truthSymbols)).equals(sorted(spelledOut(captionSymbols)))) {
            return DifferenceClass.FUNCTION_AS_LETTERS;
        }
        return DifferenceClass.SYMBOLS;
    }

    private static List<String> sorted(List<String> tokens) {
        return tokens.stream().sorted().toList();
    }

    private static List<String> symbols(List<String> tokens) {
        return tokens.stream().filter(t -> !STRUCTURE_TOKENS.contains(t)).toList();
    }

    private static List<String> spelledOut(List<String> symbols) {
        List<String> out = new ArrayList<>();
        for (String s : symbols) {
            out.addAll(FUNCTIONS.getOrDefault(s, List.of(s)));
        }
        return out;
    }
}
