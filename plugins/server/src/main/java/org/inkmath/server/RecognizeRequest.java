package org.inkmath.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.inkmath.recognizer.RecognizerOptions;
import org.inkmath.recognizer.decode.Decoder.Strategy;
import org.inkmath.recognizer.ink.Ink;
import org.inkmath.recognizer.ink.InkFormatException;
import org.inkmath.recognizer.ink.InkMlReader;
import org.inkmath.recognizer.ink.JsonStrokes;

/**
 * One {@code POST /api/recognize}, read and checked: the drawing (ink from JSON strokes or InkML,
 * or the bytes of an image whose size was checked from its header) and the decoding options.
 * Everything wrong with it is an {@link ApiError} 400, 413 or 415 that says what. Options come
 * from the query ({@code ?beam=5&strategy=greedy&nbest=3&constrained=true}) or, for a JSON object
 * body {@code {"strokes": [...], "beam": 5}}, from the object's fields.
 *
 * @param ink   the drawing, or null for an image
 * @param image the image's bytes, or null for ink
 */
record RecognizeRequest(Ink ink, byte[] image, RecognizerOptions options) {

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxNumberLength(100).build())
            .build());

    /**
     * Reads a request.
     *
     * @param contentType the Content-Type header (may be null)
     * @param body        the body, already within the size limit
     * @param query       the query parameters (first value of each)
     */
    static RecognizeRequest read(String contentType, byte[] body, Map<String, String> query, ServerSettings settings)
            throws ApiError {
        String type = mediaType(contentType);
        if (body.length == 0) {
            throw ApiError.badRequest("the request has no body: send JSON strokes, InkML or an image");
        }
        switch (type) {
            case "application/json" -> {
                return json(body, query, settings);
            }
            case "application/xml", "text/xml", "application/inkml+xml" -> {
                Ink ink;
                try {
                    ink = InkMlReader.read(body, "InkML").ink();
                } catch (InkFormatException e) {
                    throw ApiError.badRequest(e.getMessage());
                }
                return new RecognizeRequest(checked(ink, settings), null, options(query::get, settings));
            }
            case "image/png", "image/jpeg", "image/bmp", "image/gif" -> {
                checkImageHeader(body, settings);
                return new RecognizeRequest(null, body, options(query::get, settings));
            }
            default -> throw new ApiError(415, "unsupported media type", (type.isEmpty() ? "no Content-Type"
                    : "Content-Type " + type + " is not accepted")
                    + ": send application/json (strokes), application/xml (InkML) or image/png, image/jpeg, image/bmp");
        }
    }

    private static RecognizeRequest json(byte[] body, Map<String, String> query, ServerSettings settings) throws ApiError {
        String text = new String(body, StandardCharsets.UTF_8);
        String strokes;
        Function<String, String> option = query::get;
        if (text.stripLeading().startsWith("{")) {
            JsonNode root;
            try {
                root = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw ApiError.badRequest("malformed JSON: " + e.getOriginalMessage());
            }
            JsonNode s = root.get("strokes");
            if (s == null || !s.isArray()) {
                throw ApiError.badRequest("the JSON object needs a \"strokes\" array: {\"strokes\": [[[x,y,t],...],...]}");
            }
            strokes = s.toString();
            option = name -> {
                JsonNode v = root.get(name);
                return v == null || v.isNull() ? query.get(name) : v.asText();
            };
        } else {
            strokes = text;
        }
        Ink ink;
        try {
            ink = JsonStrokes.read(strokes);
        } catch (InkFormatException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        return new RecognizeRequest(checked(ink, settings), null, options(option, settings));
    }

    /** The server's own ink limits, tighter than the formats'. */
    private static Ink checked(Ink ink, ServerSettings settings) throws ApiError {
        if (ink.strokeCount() > settings.maxStrokes()) {
            throw ApiError.tooLarge("the drawing has " + ink.strokeCount() + " strokes, more than the "
                    + settings.maxStrokes() + " accepted");
        }
        if (ink.pointCount() > settings.maxPoints()) {
            throw ApiError.tooLarge("the drawing has " + ink.pointCount() + " points, more than the "
                    + settings.maxPoints() + " accepted");
        }
        if (ink.pointCount() == 0) {
            throw ApiError.badRequest("the drawing has no points");
        }
        return ink;
    }

    /** Reads only the image's header: a huge picture is refused before any pixel is decoded. */
    private static void checkImageHeader(byte[] body, ServerSettings settings) throws ApiError {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(body))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw ApiError.badRequest("the body is not an image in a known format (PNG, JPEG, BMP, GIF)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w <= 0 || h <= 0) {
                    throw ApiError.badRequest("the image header gives no size");
                }
                if (w * h > settings.maxImagePixels()) {
                    throw ApiError.tooLarge("the image is " + w + " x " + h + " pixels, more than the "
                            + settings.maxImagePixels() + " pixels accepted");
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // ImageIO's readers throw all kinds of runtime exceptions on broken headers
            throw ApiError.badRequest("cannot read the image header: " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** Decoding options from a request, within the server's bounds. */
    static RecognizerOptions options(Function<String, String> param, ServerSettings settings) throws ApiError {
        RecognizerOptions o = settings.recognition();
        String strategy = param.apply("strategy");
        if (strategy != null) {
            try {
                o = o.withStrategy(Strategy.valueOf(strategy.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("strategy must be greedy, beam or bidirectional, not '" + strategy + "'");
            }
        }
        String beam = param.apply("beam");
        if (beam != null) {
            o = o.withBeamSize(intIn("beam", beam, 1, settings.maxBeam()));
        }
        String nbest = param.apply("nbest");
        if (nbest != null) {
            o = o.withAlternatives(intIn("nbest", nbest, 1, 10));
        }
        String constrained = param.apply("constrained");
        if (constrained != null) {
            o = o.withConstrained(switch (constrained.strip().toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes" -> true;
                case "false", "0", "no" -> false;
                default -> throw ApiError.badRequest("constrained must be true or false, not '" + constrained + "'");
            });
        }
        return o;
    }

    static int intIn(String name, String value, int min, int max) throws ApiError {
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be a whole number, not '" + abbreviate(value) + "'");
        }
        if (n < min || n > max) {
            throw ApiError.badRequest(name + " must be " + min + " to " + max + ": " + n);
        }
        return n;
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /** "application/json; charset=utf-8" → "application/json". */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }
}
