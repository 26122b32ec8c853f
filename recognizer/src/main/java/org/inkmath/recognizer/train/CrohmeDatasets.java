package org.inkmath.recognizer.train;

import org.inkmath.latex.CaptionFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.inkmath.latex.TokenSequence;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.image.RasterCalibration;
import org.inkmath.recognizer.ink.InkDocument;
import org.inkmath.recognizer.ink.InkMlReader;
import org.inkmath.recognizer.ink.TraceGroup;

/**
 * The CROHME data of {@code ../shared/crohme} as samples: the training ink with
 * {@code train/caption.txt}, and the 2014 test set as ink or as the published images with
 * {@code 2014/caption.txt}. Files without a caption and files that fail to load are left out
 * and listed with the reason. Example:
 * <pre>{@code
 * CrohmeDatasets.Loaded train = CrohmeDatasets.trainInk(Path.of("../shared/crohme"));
 * train.skipped().forEach((name, why) -> System.err.println(name + ": " + why));
 * }</pre>
 */
public final class CrohmeDatasets {

    private CrohmeDatasets() {
    }

    /** The samples read, and per name left out, why. */
    public record Loaded(List<Sample> samples, Map<String, String> skipped) {
        public Loaded {
            samples = List.copyOf(samples);
            skipped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        }
    }

    /** {@code train/inkml/<source>/*.inkml} with {@code train/caption.txt}. */
    public static Loaded trainInk(Path crohme) throws IOException {
        return ink(crohme.resolve("train/inkml"), crohme.resolve("train/caption.txt"));
    }

    /** {@code 2014/inkml/*.inkml} with {@code 2014/caption.txt}. */
    public static Loaded test2014Ink(Path crohme) throws IOException {
        return ink(crohme.resolve("2014/inkml"), crohme.resolve("2014/caption.txt"));
    }

    /** {@code 2014/img/*.png} (the published offline images) with {@code 2014/caption.txt}. */
    public static Loaded test2014Images(Path crohme) throws IOException {
        Map<String, TokenSequence> captions = CaptionFile.read(crohme.resolve("2014/caption.txt"));
        List<Sample> samples = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (Map.Entry<String, TokenSequence> e : captions.entrySet()) {
            Path png = crohme.resolve("2014/img").resolve(e.getKey() + ".png");
            try {
                GrayImage img = RasterCalibration.readPublished(png);
                samples.add(new Sample(e.getKey(), new Sample.ImageSource(img), e.getValue()));
            } catch (IOException ex) {
                skipped.put(e.getKey(), "cannot read " + png + ": " + ex.getMessage());
            }
        }
        return new Loaded(samples, skipped);
    }

    /** Every .inkml under {@code inkmlDir} (any depth) that has a caption, sorted by path. */
    public static Loaded ink(Path inkmlDir, Path captionFile) throws IOException {
        Map<String, TokenSequence> captions = CaptionFile.read(captionFile);
        List<Path> files;
        try (Stream<Path> s = Files.walk(inkmlDir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".inkml")).sorted().toList();
        }
        List<Path> captioned = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (Path f : files) {
            if (captions.containsKey(stem(f))) {
                captioned.add(f);
            } else {
                skipped.put(stem(f), "no caption in " + captionFile.getFileName());
            }
        }
        InkMlReader.Batch read = InkMlReader.readAll(captioned);
        read.failures().forEach((f, why) -> skipped.put(stem(f), why));
        List<Sample> samples = new ArrayList<>();
        read.documents().forEach((f, doc) ->
                samples.add(new Sample(stem(f), new Sample.InkSource(doc.ink(), symbols(doc)), captions.get(stem(f)))));
        return new Loaded(samples, skipped);
    }

    /** The document's labelled symbol groups (CROHME's per-symbol truth); none where it has no segmentation. */
    static List<Sample.Symbol> symbols(InkDocument doc) {
        List<Sample.Symbol> out = new ArrayList<>();
        for (TraceGroup g : doc.symbols()) {
            g.truth().filter(t -> !t.isBlank()).ifPresent(t -> out.add(new Sample.Symbol(t.strip(), g.strokeIndices())));
        }
        return out;
    }

    private static String stem(Path f) {
        String n = f.getFileName().toString();
        return n.substring(0, n.length() - ".inkml".length());
    }
}
