package org.inkmath.recognizer.ink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an {@link InkDocument} as InkML that {@link InkMlReader} reads back to an equal document:
 * a trace format of X Y (and T when every point has a time; otherwise times are left out), the
 * annotations, the traces with their ids, and the trace groups with their annotations, trace
 * references and annotationXML href. Numbers are written exactly (shortest round-trip form).
 * Example: {@code Files.writeString(path, InkMlWriter.write(InkDocument.of(ink, "$x^2$")));}
 */
public final class InkMlWriter {

    private InkMlWriter() {
    }

    /** The document as an InkML string. */
    public static String write(InkDocument doc) {
        boolean timed = doc.ink().strokes().stream().allMatch(s -> s.points().stream().allMatch(InkPoint::hasTime));
        StringBuilder sb = new StringBuilder(doc.ink().pointCount() * 16 + 256);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<ink xmlns=\"http://www.w3.org/2003/InkML\">\n");
        sb.append("  <traceFormat>\n    <channel name=\"X\" type=\"decimal\"/>\n    <channel name=\"Y\" type=\"decimal\"/>\n");
        if (timed) {
            sb.append("    <channel name=\"T\" type=\"decimal\"/>\n");
        }
        sb.append("  </traceFormat>\n");
        annotations(sb, doc.annotations(), "  ");
        List<Stroke> strokes = doc.ink().strokes();
        for (int i = 0; i < strokes.size(); i++) {
            sb.append("  <trace xml:id=\"").append(escape(doc.traceIds().get(i))).append("\">");
            List<InkPoint> pts = strokes.get(i).points();
            for (int j = 0; j < pts.size(); j++) {
                InkPoint p = pts.get(j);
                if (j > 0) {
                    sb.append(", ");
                }
                sb.append(number(p.x())).append(' ').append(number(p.y()));
                if (timed) {
                    sb.append(' ').append(number(p.time()));
                }
            }
            sb.append("</trace>\n");
        }
        for (TraceGroup g : doc.traceGroups()) {
            group(sb, g, doc.traceIds(), "  ");
        }
        sb.append("</ink>\n");
        return sb.toString();
    }

    /** Writes the document to a file (UTF-8). */
    public static void write(InkDocument doc, Path file) throws IOException {
        Files.writeString(file, write(doc), StandardCharsets.UTF_8);
    }

    private static void group(StringBuilder sb, TraceGroup g, List<String> ids, String indent) {
        sb.append(indent).append("<traceGroup");
        if (!g.id().isEmpty()) {
            sb.append(" xml:id=\"").append(escape(g.id())).append('"');
        }
        sb.append(">\n");
        annotations(sb, g.annotations(), indent + "  ");
        for (int i : g.strokeIndices()) {
            sb.append(indent).append("  <traceView traceDataRef=\"").append(escape(ids.get(i))).append("\"/>\n");
        }
        if (!g.href().isEmpty()) {
            sb.append(indent).append("  <annotationXML href=\"").append(escape(g.href())).append("\"/>\n");
        }
        for (TraceGroup c : g.children()) {
            group(sb, c, ids, indent + "  ");
        }
        sb.append(indent).append("</traceGroup>\n");
    }

    private static void annotations(StringBuilder sb, List<InkAnnotation> list, String indent) {
        for (InkAnnotation a : list) {
            sb.append(indent).append("<annotation");
            if (!a.type().isEmpty()) {
                sb.append(" type=\"").append(escape(a.type())).append('"');
            }
            sb.append('>').append(escape(a.text())).append("</annotation>\n");
        }
    }

    /** Shortest text that parses back to the same double; integers without a fraction. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
