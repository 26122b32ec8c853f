package org.inkmath.recognizer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import java.util.Map;
import org.inkmath.latex.Vocabulary;
import org.junit.jupiter.api.Test;

class ParameterCountTest {

    @Test
    void referenceHasThePublishedParameterCount() {
        try (ComerModel model = ComerModel.create(ModelConfig.reference(), Vocabulary.crohme(), 1)) {
            assertEquals(113, model.vocabulary().size());
            assertEquals(3_156_624, model.network().encoderParameterCount());
            assertEquals(3_232_417, model.network().decoderParameterCount());
            assertEquals(6_389_041, model.parameterCount());
            assertTrue(model.network().toString().contains("ComerNetwork"), "a model can be printed");
        }
    }

    @Test
    void referenceNamesFollowThePyTorchStateDict() {
        try (ComerModel model = ComerModel.create(ModelConfig.reference(), Vocabulary.crohme(), 1)) {
            Map<String, Parameter> p = model.referenceParameters();
            assertEquals("encoder.model.conv1.weight", p.keySet().iterator().next());
            assertEquals(new ai.djl.ndarray.types.Shape(48, 1, 7, 7), p.get("encoder.model.conv1.weight").getShape());
            assertEquals(new ai.djl.ndarray.types.Shape(96, 48, 1, 1),
                    p.get("encoder.model.dense1.0.conv1.weight").getShape());
            assertTrue(p.containsKey("encoder.model.dense3.15.bn2.running_var"));
            assertEquals(new ai.djl.ndarray.types.Shape(216, 432, 1, 1), p.get("encoder.model.trans1.conv1.weight").getShape());
            assertEquals(new ai.djl.ndarray.types.Shape(256, 684, 1, 1), p.get("encoder.feature_proj.weight").getShape());
            assertEquals(new ai.djl.ndarray.types.Shape(113, 256), p.get("decoder.word_embed.0.weight").getShape());
            assertEquals(new ai.djl.ndarray.types.Shape(768, 256),
                    p.get("decoder.model.layers.2.multihead_attn.in_proj_weight").getShape());
            assertEquals(new ai.djl.ndarray.types.Shape(32, 16, 5, 5), p.get("decoder.model.arm.conv.weight").getShape());
            assertEquals(new ai.djl.ndarray.types.Shape(8, 32, 1, 1), p.get("decoder.model.arm.proj.weight").getShape());
            assertTrue(p.containsKey("decoder.model.arm.post_norm.bn.running_mean"));
            assertEquals("decoder.proj.bias", p.keySet().stream().reduce((a, b) -> b).orElseThrow());
        }
    }

    @Test
    void compactAndCoverageModesChangeOnlyTheirLayers() {
        try (ComerModel compact = ComerModel.create(ModelConfig.compact(), Vocabulary.crohme(), 1);
             ComerModel none = ComerModel.create(ModelConfig.reference().withCoverage(CoverageMode.NONE),
                     Vocabulary.crohme(), 1);
             ComerModel self = ComerModel.create(ModelConfig.reference().withCoverage(CoverageMode.SELF),
                     Vocabulary.crohme(), 1)) {
            assertTrue(compact.network().encoderParameterCount() < 3_156_624 / 2);
            assertEquals(3_232_417, compact.network().decoderParameterCount());
            // ARM: conv 16*32*25 + 32, proj 32*8, BN 8 + 8.
            int arm = 16 * 32 * 25 + 32 + 32 * 8 + 16;
            assertEquals(3_232_417 - arm, none.network().decoderParameterCount());
            assertEquals(3_232_417 - 8 * 32 * 25, self.network().decoderParameterCount());
        }
    }

    @Test
    void tinyIsANamedPresetAndTheExampleFileMatchesIt() throws java.io.IOException {
        assertEquals(ModelConfig.tiny(), ModelConfig.named("tiny"));
        try (ComerModel tiny = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 1)) {
            assertEquals(51_305, tiny.parameterCount());
        }
        String file = java.nio.file.Files.readString(java.nio.file.Path.of("../models/configs/tiny.json"));
        assertEquals(ModelConfig.tiny(), ModelConfig.fromJson(file));
    }
}
