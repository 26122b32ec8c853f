package org.inkmath.recognizer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.inkmath.latex.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    @TempDir
    Path dir;

    @Test
    void float32RoundTripKeepsWeightsConfigurationAndVocabulary() throws Exception {
        ModelConfig config = ModelConfig.tiny().withCoverage(CoverageMode.CROSS);
        Path file = dir.resolve("m.safetensors");
        try (ComerModel model = ComerModel.create(config, Vocabulary.crohme(), 5)) {
            model.save(file, WeightPrecision.FLOAT32);
            try (ComerModel loaded = ComerModel.load(file)) {
                assertEquals(config, loaded.config());
                assertEquals(Vocabulary.crohme().size(), loaded.vocabulary().size());
                assertEquals("\\prime", Vocabulary.crohme().token(Vocabulary.crohme().id("\\prime").orElseThrow()));
                Map<String, float[]> a = model.weights();
                Map<String, float[]> b = loaded.weights();
                assertEquals(a.keySet(), b.keySet());
                a.forEach((name, values) -> assertArrayEquals(values, b.get(name), 0f, name));
                ImageBatch images = TinyModels.batch(20, 30, new float[][] {TinyModels.randomImage(new Random(1), 20, 30)},
                        new int[][] {{20, 30}});
                int[][] targets = {{Vocabulary.SOS, 5, 6}};
                assertArrayEquals(model.logProbabilities(images, targets)[0][2],
                        loaded.logProbabilities(images, targets)[0][2], 0f);
            }
        }
    }

    @Test
    void float16HalvesTheFileWithinRounding() throws Exception {
        Path f32 = dir.resolve("a.safetensors");
        Path f16 = dir.resolve("b.safetensors");
        try (ComerModel model = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 5)) {
            model.save(f32, WeightPrecision.FLOAT32);
            model.save(f16, WeightPrecision.FLOAT16);
            assertTrue(Files.size(f16) < 0.6 * Files.size(f32));
            try (ComerModel loaded = ComerModel.load(f16)) {
                Map<String, float[]> a = model.weights();
                loaded.weights().forEach((name, values) -> {
                    for (int i = 0; i < values.length; i++) {
                        assertEquals(a.get(name)[i], values[i], Math.abs(a.get(name)[i]) * 1e-3 + 1e-7, name);
                    }
                });
            }
        }
    }

    @Test
    void averagingTakesTheMeanOfEveryWeightAndKeepsTheInputScaleAsked() throws Exception {
        Path a = dir.resolve("a.safetensors");
        Path b = dir.resolve("b.safetensors");
        Path c = dir.resolve("c.safetensors");
        Map<String, float[]> wa;
        Map<String, float[]> wb;
        try (ComerModel ma = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 5);
             ComerModel mb = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 6)) {
            ma.save(a, WeightPrecision.FLOAT32);
            mb.save(b, WeightPrecision.FLOAT32);
            wa = ma.weights();
            wb = mb.weights();
        }
        try (ComerModel mean = ComerModel.average(List.of(a, b, b))) {
            mean.save(c, WeightPrecision.FLOAT32, 0.5);
            mean.weights().forEach((name, values) -> {
                for (int i = 0; i < values.length; i++) {
                    assertEquals((wa.get(name)[i] + 2 * wb.get(name)[i]) / 3, values[i], 1e-6, name);
                }
            });
        }
        try (ComerModel written = ComerModel.load(c)) {
            assertEquals(ModelConfig.tiny().withInputScale(0.5), written.config());
        }
        assertTrue(wa.get("decoder.proj.bias")[0] != wb.get("decoder.proj.bias")[0], "different seeds, different weights");
    }

    @Test
    void modelsOfDifferentConfigurationsAreNotAveraged() throws Exception {
        Path a = dir.resolve("a.safetensors");
        Path b = dir.resolve("b.safetensors");
        try (ComerModel ma = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 5);
             ComerModel mb = ComerModel.create(ModelConfig.tiny().withCoverage(CoverageMode.CROSS), Vocabulary.crohme(), 5)) {
            ma.save(a, WeightPrecision.FLOAT32);
            mb.save(b, WeightPrecision.FLOAT32);
        }
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ComerModel.average(List.of(a, b)));
        assertTrue(e.getMessage().contains("configuration differs"), e.getMessage());
    }

    @Test
    void aMissingTensorIsNamed() throws Exception {
        Path file = rewritten(contents -> contents.remove("decoder.model.arm.conv.bias"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ComerModel.load(file));
        assertTrue(e.getMessage().contains("'decoder.model.arm.conv.bias' is missing"), e.getMessage());
    }

    @Test
    void aMisShapedTensorIsNamed() throws Exception {
        Path file = rewritten(contents -> contents.put("decoder.proj.bias",
                new SafeTensors.Tensor("F32", new long[] {2, 3}, new float[6])));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ComerModel.load(file));
        assertTrue(e.getMessage().contains("'decoder.proj.bias' has shape [2, 3]"), e.getMessage());
    }

    @Test
    void referenceCheckpointNamesLoad() throws Exception {
        Path original = dir.resolve("orig.safetensors");
        Map<String, float[]> expected;
        try (ComerModel model = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 5)) {
            model.save(original, WeightPrecision.FLOAT32);
            expected = model.weights();
        }
        SafeTensors.Contents c = SafeTensors.read(original);
        // as a converted Lightning checkpoint has them: prefixed names, I64 batch counters
        Map<String, SafeTensors.Tensor> tensors = new LinkedHashMap<>();
        c.tensors().forEach((name, t) -> {
            tensors.put("comer_model." + name, t);
            if (name.endsWith("running_var")) {
                tensors.put("comer_model." + name.replace("running_var", "num_batches_tracked"),
                        new SafeTensors.Tensor("I64", new long[0], new float[] {151}));
            }
        });
        Path converted = dir.resolve("converted.safetensors");
        SafeTensors.write(converted, c.metadata(), tensors);
        try (ComerModel loaded = ComerModel.load(converted)) {
            loaded.weights().forEach((name, values) -> assertArrayEquals(expected.get(name), values, 0f, name));
        }
    }

    @Test
    void brokenFilesGiveClearErrors() throws Exception {
        Path garbage = dir.resolve("g.safetensors");
        Files.write(garbage, new byte[] {1, 2, 3});
        assertTrue(assertThrows(ModelFormatException.class, () -> ComerModel.load(garbage)).getMessage()
                .contains("too short"));
        Path huge = dir.resolve("h.safetensors");
        Files.write(huge, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0, '{', '}'});
        assertTrue(assertThrows(ModelFormatException.class, () -> ComerModel.load(huge)).getMessage()
                .contains("not a safetensors file"));
        Path plain = dir.resolve("p.safetensors");
        SafeTensors.write(plain, Map.of(), Map.of("x", new SafeTensors.Tensor("F32", new long[] {1}, new float[1])));
        assertTrue(assertThrows(ModelFormatException.class, () -> ComerModel.load(plain)).getMessage()
                .contains("not an inkmath model"));
    }

    @Test
    void halfFloatConversionAgreesWithPyTorch() {
        Random random = new Random(9);
        float[] values = new float[20000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(12) - 7));
        }
        values[0] = 65504f;
        values[1] = 65519f;
        values[2] = 65520f;
        values[3] = 1e-8f;
        values[4] = -0f;
        try (NDManager m = TorchEngine.newManager()) {
            NDArray torch = m.create(values).toType(DataType.FLOAT16, false).toType(DataType.FLOAT32, false);
            float[] expected = torch.toFloatArray();
            for (int i = 0; i < values.length; i++) {
                assertEquals(expected[i], HalfFloat.toFloat(HalfFloat.fromFloat(values[i])), 0f, "value " + values[i]);
            }
        }
        for (int h = 0; h < 0x10000; h++) {
            float f = HalfFloat.toFloat((short) h);
            if (!Float.isNaN(f)) {
                assertEquals((short) h, HalfFloat.fromFloat(f));
            }
        }
    }

    private interface Edit {
        void apply(Map<String, SafeTensors.Tensor> tensors);
    }

    private Path rewritten(Edit edit) throws Exception {
        Path file = dir.resolve("orig.safetensors");
        try (ComerModel model = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 5)) {
            model.save(file, WeightPrecision.FLOAT32);
        }
        SafeTensors.Contents c = SafeTensors.read(file);
        Map<String, SafeTensors.Tensor> tensors = new LinkedHashMap<>(c.tensors());
        edit.apply(tensors);
        Path out = dir.resolve("edited.safetensors");
        SafeTensors.write(out, c.metadata(), tensors);
        return out;
    }

}
