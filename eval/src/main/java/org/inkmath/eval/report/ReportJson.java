package org.inkmath.eval.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reports as JSON, for machines and for the comparison mode: indented, map keys sorted,
 * {@code \n} line ends, so that equal reports give equal bytes.
 *
 * <pre>{@code
 * Files.writeString(Path.of("report.json"), ReportJson.write(report));
 * EvaluationReport back = ReportJson.read(Path.of("report.json"));
 * }</pre>
 */
public final class ReportJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ReportJson() {
    }

    /** The report as indented JSON, ending with a line break. */
    public static String write(EvaluationReport report) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses a report written by {@link #write}. */
    public static EvaluationReport parse(String json) throws IOException {
        try {
            JsonNode tree = MAPPER.readTree(json);
            // the format first, so that another JSON file is named as such, not as a broken report
            String format = tree != null && tree.path("format").isTextual() ? tree.get("format").asText() : null;
            if (!EvaluationReport.FORMAT.equals(format)) {
                throw new IOException("not an evaluation report of format " + EvaluationReport.FORMAT
                        + (format == null ? "" : " (format: " + format + ")"));
            }
            return MAPPER.treeToValue(tree, EvaluationReport.class);
        } catch (JsonProcessingException e) {
            throw new IOException("not an evaluation report: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a report file; the message of a failure names the file. */
    public static EvaluationReport read(Path file) throws IOException {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(json);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
