package org.inkmath.recognizer.ink;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads InkML (W3C Ink Markup Language) as written by the CROHME databases and by other tools.
 * Elements are matched by local name, so any namespace or prefix works. The first
 * {@code <traceFormat>} met (top level, or inside {@code <definitions>}/{@code <context>}) names
 * the channels; X, Y and, when present, T are kept and other channels (pressure, "F", ...) are
 * skipped. Without a trace format a point is {@code x y} or {@code x y t}. Explicit values, the
 * InkML difference prefixes ({@code !} explicit, {@code '} first difference, {@code "} second
 * difference) and values written without separating spaces ({@code 10-5}) are understood.
 * Document-level {@code <annotation>}s (their text stripped of surrounding white space) and
 * {@code <traceGroup>}s with their annotations, trace references and annotationXML href are kept.
 *
 * <p>Safety: DTDs and external entities are never resolved (an entity reference is an error, a
 * DOCTYPE is not followed), and files above {@link #MAX_FILE_BYTES} or ink above
 * {@link #MAX_POINTS} points are refused. Example:
 * <pre>{@code
 * InkDocument doc = InkMlReader.read(Path.of("2014/inkml/18_em_0.inkml"));
 * InkMlReader.Batch all = InkMlReader.readAll(paths);   // one bad file never stops the batch
 * }</pre>
 */
public final class InkMlReader {

    /** Largest InkML file read, in bytes (CROHME files are under 200 KB). */
    public static final long MAX_FILE_BYTES = 32L << 20;
    /** Most points in one document. */
    public static final int MAX_POINTS = 2_000_000;

    private static final XMLInputFactory FACTORY = newSafeFactory();

    private InkMlReader() {
    }

    /** The outcome of reading many files: the documents read and, per failed file, why. */
    public record Batch(Map<Path, InkDocument> documents, Map<Path, String> failures) {
        public Batch {
            documents = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(documents));
            failures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failures));
        }
    }

    /** Reads one InkML file. */
    public static InkDocument read(Path file) throws IOException, InkFormatException {
        String name = file.toString();
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new InkFormatException(name, "file is " + size + " bytes, more than the limit of " + MAX_FILE_BYTES);
        }
        return read(Files.readAllBytes(file), name);
    }

    /** Reads InkML from a stream (at most {@link #MAX_FILE_BYTES}); {@code sourceName} names it in errors. */
    public static InkDocument read(InputStream in, String sourceName) throws IOException, InkFormatException {
        byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            throw new InkFormatException(sourceName, "more than the limit of " + MAX_FILE_BYTES + " bytes");
        }
        return read(bytes, sourceName);
    }

    /** Reads InkML from bytes; {@code sourceName} names it in error messages. */
    public static InkDocument read(byte[] bytes, String sourceName) throws InkFormatException {
        if (bytes.length == 0 || new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1).isBlank()) {
            throw new InkFormatException(sourceName, "file is empty");
        }
        XMLStreamReader xml = null;
        try {
            // Some CROHME files (MfrDB) are Windows-1252 without saying so: when the bytes are not
            // UTF-8 and no encoding is declared, read them as Windows-1252 rather than fail.
            if (!declaresEncoding(bytes) && !isUtf8(bytes)) {
                xml = FACTORY.createXMLStreamReader(new StringReader(new String(bytes, Charset.forName("windows-1252"))));
            } else {
                xml = FACTORY.createXMLStreamReader(new ByteArrayInputStream(bytes));
            }
            return new Parse(sourceName, xml).document();
        } catch (XMLStreamException e) {
            throw new InkFormatException(sourceName, "malformed XML: " + cleanMessage(e), e);
        } catch (IllegalArgumentException e) {
            throw new InkFormatException(sourceName, e.getMessage(), e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over an in-memory buffer; nothing to release
                }
            }
        }
    }

    private static boolean declaresEncoding(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        return head.startsWith("<?xml") && head.substring(0, Math.max(head.indexOf("?>"), 0)).contains("encoding");
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Reads InkML from a string (handy for tests and for documents sent over the network). */
    public static InkDocument readString(String inkml, String sourceName) throws InkFormatException {
        return read(inkml.getBytes(StandardCharsets.UTF_8), sourceName);
    }

    /** Reads every file; a file that fails is reported in {@link Batch#failures()} and the rest go on. */
    public static Batch readAll(Collection<Path> files) {
        Map<Path, InkDocument> docs = new LinkedHashMap<>();
        Map<Path, String> failures = new LinkedHashMap<>();
        for (Path f : files) {
            try {
                docs.put(f, read(f));
            } catch (InkFormatException e) {
                failures.put(f, e.problem());
            } catch (IOException e) {
                failures.put(f, "cannot read: " + e);
            } catch (RuntimeException e) {
                // a reader bug must not stop the batch either; report it with the file
                failures.put(f, "unexpected error: " + e);
            }
        }
        return new Batch(docs, failures);
    }

    private static XMLInputFactory newSafeFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLReporter((message, errorType, info, location) -> {
            // errors surface as exceptions with the file name; nothing is printed
        });
        // Nothing may be fetched: a resolver that refuses every external resource.
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return f;
    }

    private static String cleanMessage(XMLStreamException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        // The JDK prefixes "ParseError at [row,col]:[2,5]\nMessage: ..."; keep it on one line.
        return m.replace("\nMessage: ", " ").replace('\n', ' ').trim();
    }

    /** One parse of one document; holds the mutable state of the walk. */
    private static final class Parse {
        private final String source;
        private final XMLStreamReader xml;
        private List<String> channels; // upper-case channel names of the trace format, null until seen
        private boolean formatDone;
        private final List<Stroke> strokes = new ArrayList<>();
        private final List<String> traceIds = new ArrayList<>();
        private final List<InkAnnotation> annotations = new ArrayList<>();
        private final List<RawGroup> groups = new ArrayList<>();
        private final Deque<GroupBuilder> openGroups = new ArrayDeque<>();
        private int points;

        Parse(String source, XMLStreamReader xml) {
            this.source = source;
            this.xml = xml;
        }

        InkDocument document() throws XMLStreamException, InkFormatException {
            while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
                // skip prolog, comments, DOCTYPE (never resolved)
            }
            if (!xml.isStartElement()) {
                throw new InkFormatException(source, "no root element");
            }
            if (!xml.getLocalName().equals("ink")) {
                throw new InkFormatException(source, "root element is <" + xml.getLocalName() + ">, not <ink>");
            }
            walkChildrenOfInk();
            if (strokes.isEmpty()) {
                throw new InkFormatException(source, "no traces");
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < traceIds.size(); i++) {
                index.putIfAbsent(traceIds.get(i), i);
            }
            List<TraceGroup> resolved = new ArrayList<>();
            for (RawGroup g : groups) {
                resolved.add(resolve(g, index));
            }
            return new InkDocument(new Ink(strokes), traceIds, annotations, resolved);
        }

        private void walkChildrenOfInk() throws XMLStreamException, InkFormatException {
            int depth = 1;
            while (xml.hasNext()) {
                int ev = xml.next();
                if (ev == XMLStreamConstants.END_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals("traceGroup")) {
                        GroupBuilder done = openGroups.pop();
                        RawGroup g = done.build();
                        if (openGroups.isEmpty()) {
                            groups.add(g);
                        } else {
                            openGroups.peek().children.add(g);
                        }
                    } else if (name.equals("traceFormat") && channels != null && !formatDone) {
                        formatDone = true;
                    }
                    depth--;
                    if (depth == 0) {
                        return;
                    }
                    continue;
                }
                if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new InkFormatException(source, "entity reference &" + xml.getLocalName() + "; is not allowed");
                }
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                depth++;
                String name = xml.getLocalName();
                switch (name) {
                    case "traceFormat" -> {
                        if (channels == null) {
                            channels = new ArrayList<>();
                        } else if (formatDone) {
                            // a later format (a context's own) is not used: skip it
                            skipElement();
                            depth--;
                        }
                    }
                    case "channel" -> {
                        if (channels != null && !formatDone) {
                            String ch = attribute("name");
                            if (ch == null) {
                                throw new InkFormatException(source, "<channel> without a name");
                            }
                            channels.add(ch.trim().toUpperCase(Locale.ROOT));
                        }
                    }
                    case "trace" -> {
                        String id = readTrace();
                        depth--;
                        if (!openGroups.isEmpty()) {
                            openGroups.peek().refs.add(id); // a trace written inside its group
                        }
                    }
                    case "annotation" -> {
                        String type = attributeOr("type", "");
                        String text = xml.getElementText().strip();
                        depth--;
                        if (!openGroups.isEmpty()) {
                            openGroups.peek().annotations.add(new InkAnnotation(type, text));
                        } else if (depth == 1) {
                            annotations.add(new InkAnnotation(type, text));
                        }
                    }
                    case "annotationXML" -> {
                        if (!openGroups.isEmpty()) {
                            String href = attribute("href");
                            if (href != null && openGroups.peek().href.isEmpty()) {
                                openGroups.peek().href = href;
                            }
                        }
                        skipElement();
                        depth--;
                    }
                    case "traceGroup" -> openGroups.push(new GroupBuilder(attributeOr("id", "")));
                    case "traceView" -> {
                        String ref = attribute("traceDataRef");
                        if (ref != null && !openGroups.isEmpty()) {
                            openGroups.peek().refs.add(ref.startsWith("#") ? ref.substring(1) : ref);
                        }
                    }
                    default -> {
                        // definitions, context, inkSource, brush, ...: walk into them (a format may be inside)
                    }
                }
            }
            throw new InkFormatException(source, "document ends inside <ink>");
        }

        private String readTrace() throws XMLStreamException, InkFormatException {
            String id = attributeOr("id", Integer.toString(traceIds.size()));
            String text = xml.getElementText();
            Stroke stroke = TraceParser.parse(text, channels, "trace " + id, source);
            points += stroke.size();
            if (points > MAX_POINTS) {
                throw new InkFormatException(source, "more than " + MAX_POINTS + " points");
            }
            strokes.add(stroke);
            traceIds.add(id);
            return id;
        }

        private TraceGroup resolve(RawGroup g, Map<String, Integer> index) throws InkFormatException {
            List<Integer> strokeIndices = new ArrayList<>();
            for (String ref : g.refs()) {
                Integer i = index.get(ref);
                if (i == null) {
                    throw new InkFormatException(source, "trace group " + (g.id().isEmpty() ? "" : g.id() + " ")
                            + "refers to trace " + ref + ", which does not exist");
                }
                strokeIndices.add(i);
            }
            List<TraceGroup> children = new ArrayList<>();
            for (RawGroup c : g.children()) {
                children.add(resolve(c, index));
            }
            return new TraceGroup(g.id(), g.annotations(), strokeIndices, g.href(), children);
        }

        private void skipElement() throws XMLStreamException, InkFormatException {
            int depth = 1;
            while (depth > 0) {
                int ev = xml.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new InkFormatException(source, "entity reference &" + xml.getLocalName() + "; is not allowed");
                }
            }
        }

        /** An attribute by local name in any namespace (so both id and xml:id match "id"). */
        private String attribute(String localName) {
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                if (xml.getAttributeLocalName(i).equals(localName)) {
                    return xml.getAttributeValue(i);
                }
            }
            return null;
        }

        private String attributeOr(String localName, String fallback) {
            String v = attribute(localName);
            return v == null ? fallback : v;
        }

        /** A trace group being read; its trace references are resolved to stroke indices at the end. */
        private final class GroupBuilder {
            final String id;
            final List<InkAnnotation> annotations = new ArrayList<>();
            final List<String> refs = new ArrayList<>();
            final List<RawGroup> children = new ArrayList<>();
            String href = "";

            GroupBuilder(String id) {
                this.id = id;
            }

            RawGroup build() {
                return new RawGroup(id, List.copyOf(annotations), List.copyOf(refs), href, List.copyOf(children));
            }
        }
    }

    /** A trace group as written, its traces named by id (traces may come after the groups). */
    private record RawGroup(String id, List<InkAnnotation> annotations, List<String> refs, String href,
                            List<RawGroup> children) {
    }
}
