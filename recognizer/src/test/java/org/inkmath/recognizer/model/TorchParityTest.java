package org.inkmath.recognizer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.inkmath.latex.Vocabulary;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.image.ImageOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PyTorch twin of the model ({@code training/gpu/comer.py}) gives the Java model's logits
 * (to 1e-4) on the same weights and inputs: a padded batch of two images of different sizes and
 * teacher-forced bidirectional targets, for every coverage mode, the unmasked encoder and the
 * full-size compact preset; and, without dropout, the same training-mode logits, loss and
 * BatchNorm running statistics (the masked ARM BatchNorm included). Skipped when no Python
 * with torch is installed ({@code apt-get install python3-torch}).
 */
class TorchParityTest {

    private static final double TOLERANCE = 1e-4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STATS = List.of("encoder.model.norm1.running_mean",
            "encoder.model.dense1.0.bn2.running_var", "encoder.model.post_norm.running_mean");
    private static final String ARM_VAR = "decoder.model.arm.post_norm.bn.running_var";

    private record Case(String label, ModelConfig config, boolean train) {
    }

    /** What the Java model gave on one case. */
    private record Expected(float[] evalLogits, float[] trainLogits, float trainLoss, Map<String, float[]> stats) {
    }

    @Test
    void pythonModelGivesTheJavaLogits(@TempDir Path dir) throws IOException {
        PythonTorch python = PythonTorch.require();
        ModelConfig tiny = ModelConfig.tiny().withDropout(0, 0);
        List<Case> cases = List.of(
                new Case("tiny fusion, masked encoder", tiny, true),
                new Case("tiny self coverage, unmasked encoder, kernel 3",
                        tiny.withCoverage(CoverageMode.SELF).withMaskedEncoder(false).withCoverageKernel(3), true),
                new Case("tiny cross coverage, 2 layers", tiny.withCoverage(CoverageMode.CROSS)
                        .withDecoder(32, 4, 2, 64), true),
                new Case("tiny without coverage", tiny.withCoverage(CoverageMode.NONE), true),
                new Case("compact preset", ModelConfig.compact(), false));

        Random random = new Random(11);
        int[][] sizes = {{37, 53}, {24, 70}};
        ImageBatch images = TinyModels.batch(37, 70, new float[][] {
            TinyModels.randomImage(random, 37, 53), TinyModels.randomImage(random, 24, 70)}, sizes);
        TeacherForcing tf = TeacherForcing.bidirectional(new int[][] {{5, 17, 40, 8, 9}, {60, 11}});

        List<Map<String, Object>> jsonCases = new ArrayList<>();
        List<Expected> expected = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            Case k = cases.get(c);
            Path file = dir.resolve("case" + c + ".safetensors");
            List<String> stats = new ArrayList<>(STATS);
            if (k.config().coverage() != CoverageMode.NONE) {
                stats.add(ARM_VAR);
            }
            try (ComerModel model = ComerModel.create(k.config(), Vocabulary.crohme(), 100 + c)) {
                perturbNorms(model, new Random(200 + c));
                model.save(file, WeightPrecision.FLOAT32);
                float[] eval = forward(model, images, tf, false, null);
                float[] train = null;
                float[] loss = new float[1];
                Map<String, float[]> after = new LinkedHashMap<>();
                if (k.train()) {
                    train = forward(model, images, tf, true, loss);
                    Map<String, Parameter> params = model.referenceParameters();
                    for (String name : stats) {
                        after.put(name, params.get(name).getArray().toFloatArray());
                    }
                }
                expected.add(new Expected(eval, train, loss[0], after));
            }
            Map<String, Object> jc = new LinkedHashMap<>();
            jc.put("model", file.toString());
            jc.put("batch", images.size());
            jc.put("height", images.height());
            jc.put("width", images.width());
            jc.put("pixels", images.pixels());
            int[] pad = new int[images.padding().length];
            for (int i = 0; i < pad.length; i++) {
                pad[i] = images.padding()[i] ? 1 : 0;
            }
            jc.put("padding", pad);
            jc.put("inputs", tf.inputs());
            jc.put("outputs", tf.outputs());
            jc.put("train", k.train());
            jc.put("stats", stats);
            jsonCases.add(jc);
        }
        // the training script's scale augmentation resamples as ImageOps.resize does
        GrayImage ink = strokes(new Random(5), 61, 203);
        int[][] targets = {{30, 101}, {143, 410}, {16, 1000}, {61, 203}, {200, 90}};
        List<Map<String, Object>> resizes = new ArrayList<>();
        for (int[] to : targets) {
            int[] px = new int[ink.height() * ink.width()];
            byte[] raw = ink.pixels();
            for (int i = 0; i < px.length; i++) {
                px[i] = raw[i] & 0xff;
            }
            resizes.add(Map.of("pixels", px, "height", ink.height(), "width", ink.width(), "to", to));
        }
        Path casesFile = dir.resolve("cases.json");
        Path resultFile = dir.resolve("result.json");
        JSON.writeValue(casesFile.toFile(), Map.of("cases", jsonCases, "resizes", resizes));
        PythonTorch.Run run = python.run(300, "parity.py", casesFile.toString(), resultFile.toString());
        assertEquals(0, run.exitCode(), "parity.py failed:\n" + run.output());
        JsonNode results = JSON.readTree(Files.readString(resultFile)).get("results");

        double worst = 0;
        for (int c = 0; c < cases.size(); c++) {
            Case k = cases.get(c);
            Expected e = expected.get(c);
            JsonNode r = results.get(c);
            worst = Math.max(worst, compare(k.label() + ", eval logits", e.evalLogits(), r.get("eval_logits")));
            if (k.train()) {
                worst = Math.max(worst, compare(k.label() + ", training logits", e.trainLogits(), r.get("train_logits")));
                double pyLoss = r.get("train_loss").asDouble();
                assertEquals(e.trainLoss(), pyLoss, TOLERANCE * Math.max(1, Math.abs(pyLoss)), k.label() + ": loss");
                for (Map.Entry<String, float[]> s : e.stats().entrySet()) {
                    compare(k.label() + ", " + s.getKey() + " after a training pass", s.getValue(),
                            r.get("stats").get(s.getKey()));
                }
            }
        }
        JsonNode resized = JSON.readTree(Files.readString(resultFile)).get("resizes");
        for (int k = 0; k < targets.length; k++) {
            byte[] java = ImageOps.resize(ink, targets[k][1], targets[k][0]).pixels();
            JsonNode py = resized.get(k);
            assertEquals(java.length, py.size(), "resize " + Arrays.toString(targets[k]));
            int off = 0;
            for (int i = 0; i < java.length; i++) {
                int d = Math.abs((java[i] & 0xff) - py.get(i).asInt());
                assertTrue(d <= 1, "resize " + Arrays.toString(targets[k]) + " pixel " + i + ": " + d);
                off += d;
            }
            // only exact halves may round either way (float against double arithmetic)
            assertTrue(off <= java.length / 100, "resize " + Arrays.toString(targets[k]) + ": " + off + " pixels off by 1");
        }
        System.out.printf(Locale.ROOT, "torch parity (%s, torch %s): largest |logit difference| %.3g over %d cases%n",
                python.executable(), python.torchVersion(), worst, cases.size());
    }

    /** A two-valued picture of random pen strokes, ink 255 on 0. */
    private static GrayImage strokes(Random random, int h, int w) {
        byte[] px = new byte[h * w];
        for (int s = 0; s < 12; s++) {
            int x = random.nextInt(w), y = random.nextInt(h);
            for (int step = 0; step < 60; step++) {
                x = Math.max(0, Math.min(w - 2, x + random.nextInt(3) - 1));
                y = Math.max(0, Math.min(h - 2, y + random.nextInt(3) - 1));
                px[y * w + x] = (byte) 255;
                px[y * w + x + 1] = (byte) 255;
                px[(y + 1) * w + x] = (byte) 255;
            }
        }
        return new GrayImage(w, h, px);
    }

    /** The largest absolute difference, after asserting it is within the tolerance. */
    private static double compare(String what, float[] java, JsonNode python) {
        assertEquals(java.length, python.size(), what + ": sizes");
        double worst = 0;
        int at = -1;
        for (int i = 0; i < java.length; i++) {
            double d = Math.abs(java[i] - python.get(i).asDouble());
            if (!(d <= worst)) {
                worst = d;
                at = i;
            }
        }
        double w = worst;
        int a = at;
        assertTrue(w <= TOLERANCE, () -> String.format(Locale.ROOT, "%s: |difference| %.3g at %d (java %s, python %s)",
                what, w, a, java[a], python.get(a).asText()));
        return worst;
    }

    /**
     * Moves every 1-D parameter and running statistic off its initial value (norms start at
     * exactly 1 and 0, biases of attention at 0), so that the comparison sees them all.
     */
    private static void perturbNorms(ComerModel model, Random random) {
        for (Map.Entry<String, Parameter> e : model.referenceParameters().entrySet()) {
            NDArray a = e.getValue().getArray();
            if (a.getShape().dimension() != 1) {
                continue;
            }
            float[] v = a.toFloatArray();
            for (int i = 0; i < v.length; i++) {
                v[i] = e.getKey().endsWith("running_var") ? 0.5f + random.nextFloat()
                        : v[i] + 0.6f * (random.nextFloat() - 0.5f);
            }
            a.set(v);
        }
    }

    /** Raw logits [n, t, V] flat; in training mode also the loss (into {@code loss[0]}). */
    private static float[] forward(ComerModel model, ImageBatch images, TeacherForcing tf, boolean training,
                                   float[] loss) {
        JniUtils.setGradMode(false);
        try (NDManager m = model.manager().newSubManager()) {
            NDList in = ComerModel.inputs(m, images);
            in.add(ids(m, tf.inputs()));
            NDArray logits = model.network().forward(new ParameterStore(m, false), in, training).singletonOrThrow();
            if (loss != null) {
                loss[0] = TeacherForcing.loss(logits, ids(m, tf.outputs())).getFloat();
            }
            return logits.toFloatArray();
        }
    }

    private static NDArray ids(NDManager m, int[][] rows) {
        int[] flat = java.util.Arrays.stream(rows).flatMapToInt(java.util.Arrays::stream).toArray();
        return m.create(flat, new Shape(rows.length, rows[0].length)).toType(DataType.INT64, false);
    }
}
