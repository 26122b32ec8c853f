package org.inkmath.recognizer.ink;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an InkML file holds: the ink, the id of each trace (parallel to {@link Ink#strokes()}),
 * the document-level annotations and the trace groups. Example:
 * <pre>{@code
 * InkDocument doc = InkMlReader.read(Path.of("formula.inkml"));
 * Ink ink = doc.ink();
 * String latex = doc.truth().orElse("");           // e.g. "$x^2$"
 * for (TraceGroup symbol : doc.symbols()) { ... }  // per-symbol truth and strokes
 * }</pre>
 */
public record InkDocument(Ink ink, List<String> traceIds, List<InkAnnotation> annotations,
                          List<TraceGroup> traceGroups) {

    public InkDocument {
        Objects.requireNonNull(ink, "ink");
        traceIds = List.copyOf(traceIds);
        annotations = List.copyOf(annotations);
        traceGroups = List.copyOf(traceGroups);
        if (traceIds.size() != ink.strokeCount()) {
            throw new IllegalArgumentException("one trace id per stroke: " + traceIds.size() + " ids, "
                    + ink.strokeCount() + " strokes");
        }
        for (TraceGroup g : traceGroups) {
            checkIndices(g, ink.strokeCount());
        }
    }

    /** Plain ink: trace ids "0", "1", ..., no annotations, no groups. */
    public static InkDocument of(Ink ink) {
        return new InkDocument(ink, defaultIds(ink.strokeCount()), List.of(), List.of());
    }

    /** Ink with a document-level truth annotation. */
    public static InkDocument of(Ink ink, String truth) {
        return new InkDocument(ink, defaultIds(ink.strokeCount()), List.of(new InkAnnotation("truth", truth)), List.of());
    }

    /** The text of the first document-level annotation of type "truth" (raw, e.g. with $ signs). */
    public Optional<String> truth() {
        return annotation("truth");
    }

    /** The text of the first document-level annotation of the given type. */
    public Optional<String> annotation(String type) {
        return annotations.stream().filter(a -> a.type().equals(type)).map(InkAnnotation::text).findFirst();
    }

    /** The groups that reference strokes directly (one per symbol in CROHME files), depth first. */
    public List<TraceGroup> symbols() {
        List<TraceGroup> out = new ArrayList<>();
        for (TraceGroup g : traceGroups) {
            out.addAll(g.leaves());
        }
        return out;
    }

    private static List<String> defaultIds(int n) {
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(Integer.toString(i));
        }
        return ids;
    }

    private static void checkIndices(TraceGroup g, int strokes) {
        for (int i : g.strokeIndices()) {
            if (i < 0 || i >= strokes) {
                throw new IllegalArgumentException("trace group " + g.id() + " names stroke " + i + " of " + strokes);
            }
        }
        for (TraceGroup c : g.children()) {
            checkIndices(c, strokes);
        }
    }
}
