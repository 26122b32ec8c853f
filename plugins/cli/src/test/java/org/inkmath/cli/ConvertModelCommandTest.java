package org.inkmath.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.WeightPrecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code inkmath convert-model --norm-batches}; the plain conversion and averaging are in RecognizeCommandTest. */
class ConvertModelCommandTest {

    @TempDir
    Path dir;

    @Test
    void measuresTheBatchNormStatisticsAnewAndKeepsEveryOtherWeight() throws Exception {
        Path crohme = CrohmeTestData.small(dir);
        Path model = TinyModel.save(dir.resolve("tiny.safetensors"), 4, WeightPrecision.FLOAT32);
        Path out = dir.resolve("measured.safetensors");
        // 6 training expressions under the published batch rules (8 images a batch): one batch
        CliRun.Result r = CliRun.once("convert-model", "--precision", "float32", "--norm-batches", "3", "--threads", "1",
                "--crohme", crohme.toString(), model.toString(), model.toString(), out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("mean of 2 models, BatchNorm statistics from 1 training batch,"), r.err());
        try (ComerModel before = ComerModel.load(model); ComerModel after = ComerModel.load(out)) {
            Map<String, float[]> measured = after.weights();
            before.weights().forEach((name, values) -> {
                if (name.endsWith("running_mean") || name.endsWith("running_var")) {
                    assertFalse(Arrays.equals(values, measured.get(name)), name + " was not measured");
                } else {
                    assertArrayEquals(values, measured.get(name), 0f, name);
                }
            });
        }
    }

    @Test
    void saysWhatIsWrongWithTheRequest() throws Exception {
        Path model = TinyModel.save(dir.resolve("tiny.safetensors"), 4, WeightPrecision.FLOAT16);
        Path out = dir.resolve("out.safetensors");
        CliRun.Result noData = CliRun.once("convert-model", "--norm-batches", "2", "--crohme",
                dir.resolve("nowhere").toString(), model.toString(), out.toString());
        assertEquals(InkMath.EXIT_ERROR, noData.exitCode());
        assertTrue(noData.err().startsWith("inkmath: CROHME data folder not found"), noData.err());
        assertFalse(Files.exists(out));
        CliRun.Result negative = CliRun.once("convert-model", "--norm-batches", "-1", model.toString(), out.toString());
        assertEquals(CommandLine.ExitCode.USAGE, negative.exitCode());
        assertTrue(negative.err().contains("--norm-batches and --threads must not be negative"), negative.err());
    }
}
