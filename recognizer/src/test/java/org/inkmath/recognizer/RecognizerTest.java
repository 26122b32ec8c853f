package org.inkmath.recognizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.Vocabulary;
import org.inkmath.latex.automaton.PrefixAutomaton;
import org.inkmath.recognizer.decode.Decoder.Strategy;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.image.RasterStyle;
import org.inkmath.recognizer.ink.Ink;
import org.inkmath.recognizer.ink.InkDocument;
import org.inkmath.recognizer.ink.InkMlWriter;
import org.inkmath.recognizer.ink.InkPoint;
import org.inkmath.recognizer.ink.JsonStrokes;
import org.inkmath.recognizer.ink.Stroke;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.ModelConfig;
import org.inkmath.recognizer.model.WeightPrecision;
import org.inkmath.recognizer.train.Augmentation;
import org.inkmath.recognizer.train.Sample;
import org.inkmath.recognizer.train.SamplePreparer;
import org.inkmath.recognizer.train.TinyRuns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class RecognizerTest {

    @TempDir
    static Path temp;

    private static Path modelFile;
    private static Recognizer recognizer;
    private static final PrefixAutomaton LATEX = PrefixAutomaton.crohme(PrefixAutomaton.Mode.LATEX);
    private static final RecognizerOptions SMALL = RecognizerOptions.defaults().withBeamSize(3).withMaxLength(12);

    @BeforeAll
    static void tinyModel() throws Exception {
        modelFile = temp.resolve("tiny.safetensors");
        try (ComerModel m = ComerModel.create(ModelConfig.tiny(), Vocabulary.crohme(), 21)) {
            m.save(modelFile, WeightPrecision.FLOAT32);
        }
        recognizer = Recognizer.load(modelFile, SMALL);
    }

    @AfterAll
    static void close() {
        recognizer.close();
    }

    /** A few strokes: something like "x = 1"; {@code shift} moves one stroke so drawings differ. */
    public static Ink drawing(int shift) {
        List<Stroke> strokes = new ArrayList<>();
        strokes.add(line(0, 0, 10, 12));
        strokes.add(line(10, 0, 0, 12));
        strokes.add(line(16, 4 + shift, 26, 4 + shift));
        strokes.add(line(16, 8, 26, 8));
        strokes.add(line(32, 0, 32, 12 + shift));
        return new Ink(strokes);
    }

    private static Stroke line(double x0, double y0, double x1, double y1) {
        List<InkPoint> points = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            points.add(new InkPoint(x0 + (x1 - x0) * i / 10, y0 + (y1 - y0) * i / 10, i));
        }
        return new Stroke(points);
    }

    private static void assertValidates(String latex) {
        assertTrue(LATEX.accepts(TokenSequence.parse(latex)), "validates: " + latex);
    }

    @Test
    void everyResultAndAlternativeValidatesAndTheBestComesFirst() {
        for (Strategy s : Strategy.values()) {
            for (boolean constrained : new boolean[] {false, true}) {
                Recognition r = recognizer.recognize(drawing(0), SMALL.withStrategy(s).withConstrained(constrained));
                assertValidates(r.latex());
                assertFalse(r.alternatives().isEmpty());
                assertTrue(r.alternatives().size() <= 5);
                assertEquals(r.latex(), r.alternatives().get(0).latex(), s + " best first");
                for (int i = 0; i < r.alternatives().size(); i++) {
                    assertValidates(r.alternatives().get(i).latex());
                    if (i > 0) {
                        assertTrue(r.alternatives().get(i - 1).score() >= r.alternatives().get(i).score(), "ranked");
                        assertFalse(r.alternatives().get(i - 1).latex().equals(r.alternatives().get(i).latex()),
                                "distinct");
                    }
                }
                assertEquals(r.repaired(), !r.valid());
                assertTrue(r.confidence() > 0 && r.confidence() <= 1);
                r.tokenConfidence().forEach(c -> assertTrue(c > 0 && c <= 1));
                assertTrue(r.timings().totalMs() > 0 && r.timings().encodeMs() > 0 && r.timings().decodeMs() > 0);
                assertTrue(r.timings().totalMs() + 1e-9 >= r.timings().encodeMs() + r.timings().decodeMs());
            }
        }
    }

    @Test
    void nBestIsLimitedAsAsked() {
        Recognition one = recognizer.recognize(drawing(0), SMALL.withAlternatives(1));
        assertEquals(1, one.alternatives().size());
        Recognition greedy = recognizer.recognize(drawing(0), SMALL.withStrategy(Strategy.GREEDY).withAlternatives(5));
        assertEquals(1, greedy.alternatives().size(), "greedy has one hypothesis");
    }

    @Test
    void inkMlJsonStrokesAndPicturesAreRead() throws Exception {
        Ink ink = drawing(0);
        Path inkml = temp.resolve("f.inkml");
        InkMlWriter.write(InkDocument.of(ink), inkml);
        Path json = temp.resolve("f.json");
        Files.writeString(json, JsonStrokes.write(ink));
        Path png = temp.resolve("f.png");
        ModelInput.of(ink).writePng(png);
        Recognition direct = recognizer.recognize(ink);
        assertEquals(direct.latex(), recognizer.recognize(inkml).latex());
        assertEquals(direct.latex(), recognizer.recognize(json).latex());
        assertNotNull(recognizer.recognize(png).latex());
    }

    @Test
    void unreadableInputNamesTheProblem() throws Exception {
        Path empty = Files.writeString(temp.resolve("empty.inkml"), "");
        Path broken = Files.writeString(temp.resolve("broken.inkml"), "<ink><trace>1 2, 3</ink>");
        Path garbage = Files.write(temp.resolve("garbage.png"), "not a picture".getBytes(StandardCharsets.UTF_8));
        Path noPoints = Files.writeString(temp.resolve("none.json"), "[]");
        for (Path p : List.of(empty, broken, garbage, noPoints)) {
            ModelInput.InputFormatException e = assertThrows(ModelInput.InputFormatException.class,
                    () -> recognizer.recognize(p), p.toString());
            assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        }
        IOException missing = assertThrows(IOException.class, () -> recognizer.recognize(temp.resolve("nope.png")));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
        assertThrows(IOException.class, () -> recognizer.recognize(temp));
    }

    @Test
    void concurrentCallsGiveTheSequentialAnswers() throws Exception {
        List<Ink> inks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            inks.add(drawing(i));
        }
        List<String> sequential = new ArrayList<>();
        for (Ink ink : inks) {
            sequential.add(recognizer.recognize(ink).latex() + " " + recognizer.recognize(ink).score());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (Ink ink : inks) {
                    futures.add(pool.submit(() -> {
                        Recognition r = recognizer.recognize(ink);
                        return r.latex() + " " + r.score();
                    }));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(sequential.get(i % inks.size()), futures.get(i).get(), "call " + i);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void attentionMapsComeOnRequestOnePerDecodedToken() {
        Recognition r = recognizer.recognize(drawing(0), SMALL.withAttention(true).withConstrained(true));
        Recognition.AttentionMaps maps = r.attention();
        assertNotNull(maps);
        assertEquals(r.tokenConfidence().size(), maps.perToken().size());
        assertEquals((maps.imageHeight() + 15) / 16, maps.height());
        assertEquals((maps.imageWidth() + 15) / 16, maps.width());
        maps.perToken().forEach(m -> assertEquals(maps.height() * maps.width(), m.length));
        assertNull(recognizer.recognize(drawing(0)).attention());
    }

    @Test
    void aModelWithAnInputScaleReadsItsInputAsTheTrainerPreparesIt() throws Exception {
        Path half = temp.resolve("half.safetensors");
        try (ComerModel m = ComerModel.create(ModelConfig.tiny().withInputScale(0.5), Vocabulary.crohme(), 21)) {
            m.save(half, WeightPrecision.FLOAT32);
        }
        Ink ink = drawing(3);
        SamplePreparer trainer = new SamplePreparer(RasterStyle.crohme(), Augmentation.none(), 0.5);
        GrayImage drawn = trainer.prepare(new Sample("ink", new Sample.InkSource(ink), TokenSequence.of("x")),
                SamplePreparer.Draw.IDENTITY);
        // ink is drawn at the scale, pixel for pixel as in training, not drawn full size and resized
        assertEquals(drawn, ModelInput.of(ink, 0.5));
        GrayImage picture = ModelInput.of(ink);
        GrayImage resized = trainer.prepare(new Sample("picture", new Sample.ImageSource(picture), TokenSequence.of("x")),
                SamplePreparer.Draw.IDENTITY);
        assertEquals(resized, ModelInput.atScale(picture, 0.5));
        try (Recognizer r = Recognizer.load(half, SMALL.withAttention(true))) {
            Recognition.AttentionMaps fromInk = r.recognize(ink).attention();
            assertEquals(drawn.width(), fromInk.imageWidth());
            assertEquals(drawn.height(), fromInk.imageHeight());
            Recognition.AttentionMaps fromPicture = r.recognize(picture).attention();
            assertEquals(resized.width(), fromPicture.imageWidth());
            assertEquals(resized.height(), fromPicture.imageHeight());
        }
    }

    @Test
    void aClosedRecognizerRefusesWork() throws Exception {
        Recognizer r = Recognizer.load(modelFile, SMALL);
        assertEquals("tiny.safetensors", r.model().name());
        assertFalse(r.model().isReleased());
        r.close();
        r.close(); // twice is fine
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.recognize(drawing(0)));
        assertTrue(e.getMessage().contains("closed"));
    }

    @Test
    void theDefaultModelLoadsAndSaysWhatItIs() throws Exception {
        if (!Recognizer.hasDefaultModel()) {
            IOException e = assertThrows(IOException.class, Recognizer::loadDefault);
            assertTrue(e.getMessage().contains("no default model"), e.getMessage());
            return;
        }
        ModelInfo info = Recognizer.defaultModelInfo();
        assertFalse(info.name().isBlank());
        if (!info.isReleased()) {
            assertTrue(info.summary().contains(info.status()), "a model in progress says so: " + info.summary());
        }
        try (Recognizer r = Recognizer.loadDefault(RecognizerOptions.defaults().withStrategy(Strategy.GREEDY))) {
            assertEquals(info, r.model());
            assertValidates(r.recognize(drawing(0)).latex());
        }
    }

    @Test
    void optionsRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> RecognizerOptions.defaults().withBeamSize(0));
        assertThrows(IllegalArgumentException.class, () -> RecognizerOptions.defaults().withAlternatives(0));
        assertThrows(IllegalArgumentException.class, () -> RecognizerOptions.defaults().withMaxLength(0));
        assertThrows(IllegalArgumentException.class, () -> RecognizerOptions.defaults().withStrategy(null));
        assertArrayEquals(new Object[] {Strategy.BIDIRECTIONAL, 10, 200},
                new Object[] {RecognizerOptions.defaults().strategy(), RecognizerOptions.defaults().beamSize(),
                        RecognizerOptions.defaults().maxLength()});
    }
}
