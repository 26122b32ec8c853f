package org.inkmath.recognizer.ink;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An InkML {@code <traceGroup>}: typically one symbol (its truth label and the strokes that draw
 * it), or a container of such groups (CROHME files wrap the symbols in a "Segmentation" group).
 * {@code strokeIndices} are indices into {@link Ink#strokes()} of the same document.
 * Example: {@code group.truth()} is {@code Optional.of("x")} for a symbol drawn with strokes 6 and 7.
 *
 * @param id          the group's {@code xml:id}, or empty
 * @param annotations the group's own annotations, in document order
 * @param strokeIndices the strokes its {@code <traceView traceDataRef>} elements name, in order
 * @param href        the {@code href} of its {@code <annotationXML>} (the MathML node it draws), or empty
 * @param children    nested groups
 */
public record TraceGroup(String id, List<InkAnnotation> annotations, List<Integer> strokeIndices,
                         String href, List<TraceGroup> children) {

    public TraceGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(href, "href");
        annotations = List.copyOf(annotations);
        strokeIndices = List.copyOf(strokeIndices);
        children = List.copyOf(children);
    }

    /** The text of the first annotation of type "truth", if any. */
    public Optional<String> truth() {
        return annotations.stream().filter(a -> a.type().equals("truth")).map(InkAnnotation::text).findFirst();
    }

    /** This group and all nested ones that reference strokes directly (the symbols), depth first. */
    public List<TraceGroup> leaves() {
        List<TraceGroup> out = new ArrayList<>();
        collectLeaves(this, out);
        return out;
    }

    private static void collectLeaves(TraceGroup g, List<TraceGroup> out) {
        if (!g.strokeIndices.isEmpty()) {
            out.add(g);
        }
        for (TraceGroup c : g.children) {
            collectLeaves(c, out);
        }
    }
}
