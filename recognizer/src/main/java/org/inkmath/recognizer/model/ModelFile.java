package org.inkmath.recognizer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inkmath.latex.Vocabulary;

/**
 * A model file (recognizer/MODEL-FORMAT.md): safetensors with the reference parameter names,
 * the configuration and the vocabulary in {@code __metadata__}.
 */
final class ModelFile {

    static final String FORMAT = "inkmath-comer";
    static final String VERSION = "1";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Prefix of the reference's Lightning checkpoints, accepted when loading. */
    private static final String LIGHTNING_PREFIX = "comer_model.";

    record Contents(ModelConfig config, Vocabulary vocabulary, Map<String, SafeTensors.Tensor> tensors) {
    }

    private ModelFile() {
    }

    static void write(Path file, ModelConfig config, Vocabulary vocabulary, Map<String, Parameter> parameters,
                      WeightPrecision precision) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", FORMAT);
        metadata.put("format_version", VERSION);
        metadata.put("config", config.toJson());
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            tokens.add(vocabulary.token(i));
        }
        metadata.put("vocabulary", JSON.writeValueAsString(tokens));
        Map<String, SafeTensors.Tensor> tensors = new LinkedHashMap<>();
        parameters.forEach((name, p) -> {
            NDArray a = p.getArray();
            float[] values = a.toFloatArray();
            boolean half = precision == WeightPrecision.FLOAT16 && HalfFloat.fits(values);
            tensors.put(name, new SafeTensors.Tensor(half ? "F16" : "F32", a.getShape().getShape(), values));
        });
        SafeTensors.write(file, metadata, tensors);
    }

    static Contents read(Path file) throws IOException, ModelFormatException {
        SafeTensors.Contents raw = SafeTensors.read(file);
        Map<String, String> meta = raw.metadata();
        if (!FORMAT.equals(meta.get("format"))) {
            throw new ModelFormatException(file + ": not an inkmath model (metadata 'format' is "
                    + (meta.containsKey("format") ? "'" + meta.get("format") + "'" : "missing") + ")");
        }
        if (!VERSION.equals(meta.get("format_version"))) {
            throw new ModelFormatException(file + ": model format version " + meta.get("format_version")
                    + " is not supported (this build reads " + VERSION + ")");
        }
        ModelConfig config;
        Vocabulary vocabulary;
        try {
            config = ModelConfig.fromJson(required(meta, "config", file));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file + ": bad configuration: " + e.getMessage());
        }
        try {
            List<String> tokens = JSON.readValue(required(meta, "vocabulary", file), new TypeReference<List<String>>() { });
            vocabulary = new Vocabulary(tokens);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ModelFormatException(file + ": bad vocabulary: " + e.getMessage());
        }
        Map<String, SafeTensors.Tensor> tensors = new LinkedHashMap<>();
        raw.tensors().forEach((name, t) -> tensors.put(
                name.startsWith(LIGHTNING_PREFIX) ? name.substring(LIGHTNING_PREFIX.length()) : name, t));
        return new Contents(config, vocabulary, tensors);
    }

    /** Copies every tensor into the parameter of that name; all must be there with their shapes. */
    static void copyInto(Contents contents, Map<String, Parameter> parameters, Path file) throws ModelFormatException {
        checkTensors(contents, parameters, file);
        parameters.forEach((name, p) -> TorchEngine.overwrite(p.getArray(), contents.tensors().get(name).values()));
    }

    /** Every parameter has its tensor, of its shape, and no tensor is left over. */
    static void checkTensors(Contents contents, Map<String, Parameter> parameters, Path file) throws ModelFormatException {
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            SafeTensors.Tensor t = contents.tensors().get(e.getKey());
            long[] expected = e.getValue().getArray().getShape().getShape();
            if (t == null) {
                throw new ModelFormatException(file + ": tensor '" + e.getKey() + "' is missing (expected shape "
                        + java.util.Arrays.toString(expected) + ")");
            }
            if (!java.util.Arrays.equals(t.shape(), expected)) {
                throw new ModelFormatException(file + ": tensor '" + e.getKey() + "' has shape "
                        + java.util.Arrays.toString(t.shape()) + ", the configuration needs "
                        + java.util.Arrays.toString(expected));
            }
        }
        for (String name : contents.tensors().keySet()) {
            if (!parameters.containsKey(name) && !name.endsWith("num_batches_tracked")) {
                throw new ModelFormatException(file + ": tensor '" + name + "' is not a parameter of this configuration");
            }
        }
    }

    private static String required(Map<String, String> meta, String key, Path file) throws ModelFormatException {
        String v = meta.get(key);
        if (v == null) {
            throw new ModelFormatException(file + ": metadata '" + key + "' is missing");
        }
        return v;
    }
}
