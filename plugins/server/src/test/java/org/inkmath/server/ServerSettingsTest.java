package org.inkmath.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.inkmath.recognizer.RecognizerOptions;
import org.junit.jupiter.api.Test;

/** The withers: each changes only its own fields, and the constructor's checks apply to all of them. */
class ServerSettingsTest {

    private final ServerSettings base = ServerSettings.defaults().withWorkers(3);

    @Test
    void eachWitherChangesOnlyItsOwnFields() throws Exception {
        RecognizerOptions small = RecognizerOptions.defaults().withBeamSize(2);
        assertOnly(base.withHost("::1"), Map.of("host", "::1"));
        assertOnly(base.withPort(0), Map.of("port", 0));
        assertOnly(base.withInkLimits(7, 70), Map.of("maxStrokes", 7, "maxPoints", 70));
        assertOnly(base.withMaxImagePixels(99), Map.of("maxImagePixels", 99L));
        assertOnly(base.withWorkers(5), Map.of("workers", 5));
        assertOnly(base.withQueueCapacity(0), Map.of("queueCapacity", 0));
        assertOnly(base.withRequestTimeout(Duration.ofSeconds(1)), Map.of("requestTimeout", Duration.ofSeconds(1)));
        assertOnly(base.withRecognition(small), Map.of("recognition", small));
        assertOnly(base.withExtraOrigins(List.of("https://a.example")), Map.of("extraOrigins", List.of("https://a.example")));
        assertOnly(base.withUploadBudgetBytes(base.maxBodyBytes() * 2L),
                Map.of("uploadBudgetBytes", base.maxBodyBytes() * 2L));
        assertOnly(base.withMaxBodyBytes(1024), Map.of("maxBodyBytes", 1024));
    }

    /** {@code changed} holds the new value of each field the wither set; every other field is as in {@link #base}. */
    private void assertOnly(ServerSettings changed, Map<String, Object> expected) throws Exception {
        for (RecordComponent field : ServerSettings.class.getRecordComponents()) {
            Object value = field.getAccessor().invoke(changed);
            Object wanted = expected.containsKey(field.getName()) ? expected.get(field.getName())
                    : field.getAccessor().invoke(base);
            assertEquals(wanted, value, field.getName());
        }
    }

    @Test
    void aLargerBodyGrowsTheUploadBudgetToFourBodiesButASmallerOneLeavesIt() {
        ServerSettings large = base.withMaxBodyBytes(64 << 20);
        assertEquals(64 << 20, large.maxBodyBytes());
        assertEquals(4L * (64 << 20), large.uploadBudgetBytes());
        ServerSettings small = base.withMaxBodyBytes(1024);
        assertEquals(1024, small.maxBodyBytes());
        assertEquals(base.uploadBudgetBytes(), small.uploadBudgetBytes());
    }

    @Test
    void theConstructorsChecksApplyToEveryWither() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> base.withHost(" ")).getMessage().contains("host"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> base.withPort(70_000)).getMessage().contains("port"));
        assertThrows(IllegalArgumentException.class, () -> base.withWorkers(0));
        assertThrows(IllegalArgumentException.class, () -> base.withQueueCapacity(-1));
        assertThrows(IllegalArgumentException.class, () -> base.withRequestTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> base.withRecognition(null));
        assertThrows(IllegalArgumentException.class, () -> base.withInkLimits(0, 10));
        assertThrows(IllegalArgumentException.class, () -> base.withMaxImagePixels(0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> base.withUploadBudgetBytes(base.maxBodyBytes() - 1))
                .getMessage().contains("upload budget"));
    }

    @Test
    void extraOriginsAreCopiedSoTheCallerCannotChangeThemLater() {
        List<String> origins = new ArrayList<>(List.of("https://a.example"));
        ServerSettings s = base.withExtraOrigins(origins);
        origins.add("https://b.example");
        assertEquals(List.of("https://a.example"), s.extraOrigins());
    }
}
