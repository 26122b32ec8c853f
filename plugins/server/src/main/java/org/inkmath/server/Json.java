package org.inkmath.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The server's JSON writer: one mapper, error bodies in one shape. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code {"error": "...", "detail": "..."}}. */
    static String error(String error, String detail) {
        return write(object().put("error", error).put("detail", detail));
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // a tree of plain values always serialises; keep the contract of never failing silently
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
