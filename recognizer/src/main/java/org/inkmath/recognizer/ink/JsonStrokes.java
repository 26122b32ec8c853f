package org.inkmath.recognizer.ink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The simple ink format of editors and the server: a JSON array of strokes, each an array of
 * points {@code [x, y]} or {@code [x, y, t]}: {@code [[[10,20,0],[12,24,16]],[[30,5],[30,40]]]}.
 * Reading is streaming and bounded ({@link #MAX_STROKES}, {@link #MAX_POINTS_PER_STROKE},
 * {@link #MAX_POINTS}, {@link #MAX_CHARS}), so an oversized request fails fast with a clear
 * message. Example:
 * <pre>{@code
 * Ink ink = JsonStrokes.read("[[[0,0],[10,10]]]");
 * String json = JsonStrokes.write(ink);
 * }</pre>
 */
public final class JsonStrokes {

    public static final int MAX_STROKES = 2_000;
    public static final int MAX_POINTS_PER_STROKE = 20_000;
    public static final int MAX_POINTS = 200_000;
    public static final int MAX_CHARS = 20_000_000;

    private static final String SOURCE = "JSON strokes";
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxNumberLength(100).build())
            .build();

    private JsonStrokes() {
    }

    /** Parses JSON strokes; every problem is an {@link InkFormatException} saying where and what. */
    public static Ink read(String json) throws InkFormatException {
        if (json.length() > MAX_CHARS) {
            throw new InkFormatException(SOURCE, "input is " + json.length() + " characters, more than the limit of " + MAX_CHARS);
        }
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new InkFormatException(SOURCE, "expected an array of strokes [[[x,y],...],...]");
            }
            List<Stroke> strokes = new ArrayList<>();
            int total = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                int si = strokes.size() + 1;
                if (t != JsonToken.START_ARRAY) {
                    throw new InkFormatException(SOURCE, "stroke " + si + ": expected an array of points, found " + describe(t));
                }
                if (strokes.size() == MAX_STROKES) {
                    throw new InkFormatException(SOURCE, "more than " + MAX_STROKES + " strokes");
                }
                List<InkPoint> points = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    int pi = points.size() + 1;
                    String where = "stroke " + si + ", point " + pi;
                    if (t != JsonToken.START_ARRAY) {
                        throw new InkFormatException(SOURCE, where + ": expected [x, y] or [x, y, t], found " + describe(t));
                    }
                    double[] v = new double[3];
                    int n = 0;
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                            throw new InkFormatException(SOURCE, where + ": expected a number, found " + describe(t));
                        }
                        if (n == 3) {
                            throw new InkFormatException(SOURCE, where + ": more than 3 values (x, y, t)");
                        }
                        v[n++] = p.getDoubleValue();
                        if (!Double.isFinite(v[n - 1])) {
                            throw new InkFormatException(SOURCE, where + ": value out of range");
                        }
                    }
                    if (n < 2) {
                        throw new InkFormatException(SOURCE, where + ": has " + n + " values, expected [x, y] or [x, y, t]");
                    }
                    if (points.size() == MAX_POINTS_PER_STROKE) {
                        throw new InkFormatException(SOURCE, "stroke " + si + ": more than " + MAX_POINTS_PER_STROKE + " points");
                    }
                    if (++total > MAX_POINTS) {
                        throw new InkFormatException(SOURCE, "more than " + MAX_POINTS + " points");
                    }
                    points.add(n == 3 ? new InkPoint(v[0], v[1], v[2]) : new InkPoint(v[0], v[1]));
                }
                if (points.isEmpty()) {
                    throw new InkFormatException(SOURCE, "stroke " + si + " has no points");
                }
                strokes.add(new Stroke(points));
            }
            if (p.nextToken() != null) {
                throw new InkFormatException(SOURCE, "unexpected content after the strokes");
            }
            if (strokes.isEmpty()) {
                throw new InkFormatException(SOURCE, "no strokes");
            }
            return new Ink(strokes);
        } catch (JsonProcessingException e) {
            throw new InkFormatException(SOURCE, "malformed JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()), e);
        } catch (IOException e) {
            throw new InkFormatException(SOURCE, "cannot read: " + e.getMessage(), e);
        }
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    /** Writes ink as JSON strokes; points with a time get three values. Reading it back gives equal ink. */
    public static String write(Ink ink) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartArray();
            for (Stroke s : ink.strokes()) {
                g.writeStartArray();
                for (InkPoint p : s.points()) {
                    g.writeStartArray();
                    number(g, p.x());
                    number(g, p.y());
                    if (p.hasTime()) {
                        number(g, p.time());
                    }
                    g.writeEndArray();
                }
                g.writeEndArray();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static void number(JsonGenerator g, double v) throws IOException {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            g.writeNumber((long) v);
        } else {
            g.writeNumber(v);
        }
    }
}
