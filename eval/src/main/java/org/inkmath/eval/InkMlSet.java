package org.inkmath.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.normalize.LatexNormalizer;
import org.inkmath.latex.normalize.Normalization;
import org.inkmath.recognizer.ink.Ink;
import org.inkmath.recognizer.ink.InkDocument;
import org.inkmath.recognizer.ink.InkFormatException;
import org.inkmath.recognizer.ink.InkMlReader;
import org.inkmath.recognizer.train.Sample;

/**
 * A folder of InkML files as evaluation inputs: any CROHME year, or a user's own ink. Each file
 * {@code NAME.inkml} (at any depth) is drawn by the calibrated rasteriser as the trainer draws
 * its validation ink; its truth is its {@code <annotation type="truth">} normalised into the
 * captions' tokens by {@link LatexNormalizer}. Files without a truth, unreadable files and a
 * second file of the same name are left out with the reason ({@link #skipped()}).
 *
 * <pre>{@code
 * InkMlSet set = InkMlSet.read(Path.of("../shared/crohme/2014/inkml"));
 * EvaluationTruth truth = set.truth();          // name -> normalised truth, sorted by name
 * GrayImage input = set.read("18_em_0");        // the model's input
 * set.skipped().forEach((name, why) -> System.err.println(name + ": " + why));
 * }</pre>
 *
 * Only the files' paths are kept: the ink is read again when the model needs it, so a large
 * folder does not stay in memory.
 *
 * @param folder       the folder read
 * @param files        name to file, sorted by name
 * @param truth        the normalised truths of the files that have one, sorted by name
 * @param skipped      name (or file) to why it was left out, sorted
 * @param unknownTruths names whose normalised truth has tokens outside the vocabulary (they are
 *                      kept: no prediction can match them, which the report should show)
 */
public record InkMlSet(Path folder, Map<String, Path> files, EvaluationTruth truth, Map<String, String> skipped,
                       List<String> unknownTruths) implements ModelInputs {

    public InkMlSet {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(truth, "truth");
        files = Collections.unmodifiableMap(new TreeMap<>(files));
        skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
        unknownTruths = List.copyOf(unknownTruths);
    }

    /** Reads the folder: every file's truth now, its ink later. */
    public static InkMlSet read(Path folder) throws IOException {
        return read(folder, true);
    }

    /**
     * The files of the folder as inputs for a truth given elsewhere (a caption file): no file
     * needs a truth annotation, and the truth returned is empty.
     */
    public static InkMlSet inputsOnly(Path folder) throws IOException {
        return read(folder, false);
    }

    private static InkMlSet read(Path folder, boolean withTruth) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("not a folder: " + folder);
        }
        List<Path> found;
        try (Stream<Path> walk = Files.walk(folder)) {
            found = walk.filter(p -> p.getFileName().toString().endsWith(".inkml") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(InkMlSet::nameOf).thenComparing(Path::toString)).toList();
        }
        Map<String, Path> files = new LinkedHashMap<>();
        Map<String, String> skipped = new TreeMap<>();
        Map<String, TokenSequence> truths = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        LatexNormalizer normalizer = LatexNormalizer.crohme();
        for (Path file : found) {
            String name = nameOf(file);
            if (files.containsKey(name)) {
                skipped.put(folder.relativize(file).toString(), "a second file named " + name + ".inkml (the first is "
                        + folder.relativize(files.get(name)) + ")");
                continue;
            }
            if (!withTruth) {
                files.put(name, file);
                continue;
            }
            try {
                String latex = InkMlReader.read(file).truth().filter(t -> !t.isBlank())
                        .orElseThrow(() -> new IOException("no truth annotation"));
                Normalization n = normalizer.normalize(latex);
                truths.put(name, n.tokens());
                files.put(name, file);
                if (!n.unknownTokens().isEmpty()) {
                    unknown.add(name);
                }
            } catch (IOException | IllegalArgumentException e) {
                skipped.put(name, e.getMessage());
            } catch (InkFormatException e) {
                skipped.put(name, e.problem());
            }
        }
        String description = "truth annotations of " + folder + " (" + truths.size() + " InkML files"
                + (skipped.isEmpty() ? "" : ", " + skipped.size() + " left out") + ")";
        EvaluationTruth truth = new EvaluationTruth(description, truths, new ArrayList<>(truths.keySet()), "all");
        return new InkMlSet(folder, files, truth, skipped, unknown);
    }

    @Override
    public String description() {
        return "InkML " + folder + " drawn by the rasteriser";
    }

    @Override
    public Set<String> names() {
        return files.keySet();
    }

    @Override
    public Sample.Source source(String name) throws IOException {
        Path file = files.get(name);
        if (file == null) {
            throw new IOException("no " + name + ".inkml in " + folder);
        }
        InkDocument doc;
        try {
            doc = InkMlReader.read(file);
        } catch (InkFormatException e) {
            throw new IOException(file + ": " + e.problem(), e);
        }
        Ink ink = doc.ink();
        if (ink.pointCount() == 0) {
            throw new IOException(file + ": the ink has no points");
        }
        return new Sample.InkSource(ink);
    }

    private static String nameOf(Path file) {
        String n = file.getFileName().toString();
        return n.substring(0, n.length() - ".inkml".length());
    }
}
