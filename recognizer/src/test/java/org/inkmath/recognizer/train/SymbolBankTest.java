package org.inkmath.recognizer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.inkmath.latex.TokenSequence;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.image.RasterStyle;
import org.inkmath.recognizer.ink.CrohmeData;
import org.inkmath.recognizer.ink.Ink;
import org.inkmath.recognizer.ink.InkBounds;
import org.inkmath.recognizer.ink.InkDocument;
import org.inkmath.recognizer.ink.InkMlReader;
import org.inkmath.recognizer.ink.InkPoint;
import org.inkmath.recognizer.ink.Stroke;
import org.junit.jupiter.api.Test;

class SymbolBankTest {

    private static Stroke line(double x0, double y0, double x1, double y1) {
        return new Stroke(List.of(new InkPoint(x0, y0), new InkPoint((x0 + x1) / 2, (y0 + y1) / 2), new InkPoint(x1, y1)));
    }

    /** "x - 1" written at {@code offset}: an x of two strokes, a minus, a one; the strokes in writing order. */
    private static Sample.InkSource xMinusOne(double offset, double size) {
        double o = offset;
        Ink ink = new Ink(List.of(line(o, o, o + size, o + size), line(o + size, o, o, o + size),
                line(o + 2 * size, o + size / 2, o + 3 * size, o + size / 2 + 1),
                line(o + 4 * size, o, o + 4 * size + 2, o + size)));
        return new Sample.InkSource(ink, List.of(new Sample.Symbol("x", List.of(0, 1)),
                new Sample.Symbol("-", List.of(2)), new Sample.Symbol("1", List.of(3))));
    }

    private static Sample sample(String name, Sample.InkSource source) {
        return new Sample(name, source, TokenSequence.parse("x - 1"));
    }

    private static InkBounds boxOf(Ink ink, List<Integer> strokes) {
        InkBounds b = ink.strokes().get(strokes.get(0)).bounds();
        for (int i : strokes) {
            b = b.union(ink.strokes().get(i).bounds());
        }
        return b;
    }

    @Test
    void theBankGroupsDrawingsByLabel() {
        SymbolBank bank = SymbolBank.of(List.of(sample("a", xMinusOne(0, 10)), sample("b", xMinusOne(5, 40)),
                new Sample("img", new Sample.ImageSource(new GrayImage(4, 4, new byte[16])), TokenSequence.parse("1"))));
        assertEquals(3, bank.labels());
        assertEquals(6, bank.size());
        assertEquals(2, bank.count("x"));
        assertEquals(0, bank.count("y"));
        assertEquals(0, SymbolBank.empty().size());
    }

    @Test
    void aSwappedSymbolTakesTheBoxOfTheOneItReplaces() {
        Sample.InkSource small = xMinusOne(0, 10);
        // the donor: an x of three strokes, four times as large, far away
        Ink bigX = new Ink(List.of(line(500, 500, 540, 540), line(540, 500, 500, 540), line(500, 520, 540, 520)));
        Sample.InkSource donor = new Sample.InkSource(bigX, List.of(new Sample.Symbol("x", List.of(0, 1, 2))));
        SymbolBank bank = SymbolBank.of(List.of(sample("donor", donor)));
        Ink swapped = bank.swap(small, 1.0, new SplittableRandom(1));
        // x's two strokes became the donor's three; the minus and the one are kept as they were
        assertEquals(5, swapped.strokeCount());
        InkBounds was = boxOf(small.ink(), List.of(0, 1));
        InkBounds now = boxOf(swapped, List.of(0, 1, 2));
        assertEquals(was.minX(), now.minX(), 1e-9);
        assertEquals(was.maxY(), now.maxY(), 1e-9);
        assertEquals(small.ink().strokes().get(2), swapped.strokes().get(3));
        assertEquals(small.ink().strokes().get(3), swapped.strokes().get(4));
    }

    @Test
    void swapsAreSeededAndProbabilityZeroKeepsTheInk() {
        List<Sample> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(sample("s" + i, xMinusOne(i * 3, 10 + i)));
        }
        SymbolBank bank = SymbolBank.of(many);
        Sample.InkSource source = xMinusOne(0, 12);
        assertSame(source.ink(), bank.swap(source, 0, new SplittableRandom(3)));
        assertSame(source.ink(), SymbolBank.empty().swap(source, 1, new SplittableRandom(3)));
        assertEquals(bank.swap(source, 0.5, new SplittableRandom(3)), bank.swap(source, 0.5, new SplittableRandom(3)));
        int changed = 0;
        for (int seed = 0; seed < 200; seed++) {
            if (!bank.swap(source, 0.3, new SplittableRandom(seed)).equals(source.ink())) {
                changed++;
            }
        }
        // three symbols at 0.3: 1 - 0.7^3 = 66% of the inks change (a donor can be the same drawing at the same size, rarely)
        assertTrue(changed > 100 && changed < 165, "changed " + changed);
    }

    @Test
    void lineLikeSymbolsScaleByTheirLength() {
        // a minus drawn 40 wide and 2 high fitted onto one 10 wide and 1 high: both axes follow the width
        Ink minus = new Ink(List.of(line(0, 0, 40, 2)));
        Ink fitted = SymbolBank.fitted(minus, new InkBounds(100, 50, 110, 51));
        assertEquals(10, fitted.bounds().width(), 1e-9);
        assertEquals(0.5, fitted.bounds().height(), 1e-9);
        assertEquals(105, (fitted.bounds().minX() + fitted.bounds().maxX()) / 2, 1e-9);
        // a one, upright onto a slanted one: both follow the height
        Ink one = new Ink(List.of(line(0, 0, 0, 30)));
        Ink fittedOne = SymbolBank.fitted(one, new InkBounds(0, 0, 3, 10));
        assertEquals(10, fittedOne.bounds().height(), 1e-9);
        assertEquals(0, fittedOne.bounds().width(), 1e-9);
        // a square donor onto a box twice as wide as high: too distorted, not used
        Ink square = new Ink(List.of(line(0, 0, 10, 10)));
        assertNull(SymbolBank.fitted(square, new InkBounds(0, 0, 20, 10)));
        assertNull(SymbolBank.fitted(new Ink(List.of(new Stroke(List.of(new InkPoint(1, 1))))), new InkBounds(0, 0, 5, 5)));
    }

    @Test
    void symbolsMustNameStrokesOfTheirInk() {
        Ink ink = new Ink(List.of(line(0, 0, 1, 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sample.InkSource(ink, List.of(new Sample.Symbol("x", List.of(0, 1)))));
        assertTrue(e.getMessage().contains("names stroke 1 of 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Sample.Symbol("x", List.of()));
    }

    @Test
    void swappedSamplesPredictTheirSize() {
        List<Sample> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(sample("s" + i, xMinusOne(i * 3, 10 + 2 * i)));
        }
        SamplePreparer prep = new SamplePreparer(RasterStyle.crohme(), Augmentation.comerWithSymbolSwap(), 1,
                SymbolBank.of(many));
        for (int i = 0; i < many.size(); i++) {
            SamplePreparer.Draw d = prep.draw(SamplePreparer.random(5, 0, i));
            GrayImage img = prep.prepare(many.get(i), d);
            int[] hw = prep.predictSize(many.get(i), d);
            assertEquals(img.height(), hw[0], 2);
            assertEquals(img.width(), hw[1], 2);
        }
        assertNotEquals(prep.draw(SamplePreparer.random(5, 0, 1)).swapSeed(), prep.draw(SamplePreparer.random(5, 1, 1)).swapSeed());
    }

    @Test
    void aConfigurationSavedBeforeSwapsReadsNoSwaps() {
        String json = TrainingConfig.comer(org.inkmath.recognizer.model.ModelConfig.tiny()).toJson()
                .replaceAll(",\\s*\"symbolSwap\"\\s*:\\s*[0-9.Ee-]+", "");
        assertTrue(!json.contains("symbolSwap"), json);
        assertEquals(0, TrainingConfig.fromJson(json).augmentation().symbolSwap());
        TrainingConfig swap = TrainingConfig.comer(org.inkmath.recognizer.model.ModelConfig.tiny())
                .withAugmentation(Augmentation.comerWithSymbolSwap());
        assertEquals(swap, TrainingConfig.fromJson(swap.toJson()));
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(1, 1, 0, 0, 0, 1, 1, 1.5));
    }

    @Test
    void crohmeTraceGroupsBecomeSymbols() throws Exception {
        Path dir = CrohmeData.dir().resolve("train/inkml/KAIST");
        Path file;
        try (var files = Files.list(dir)) {
            file = files.filter(f -> f.toString().endsWith(".inkml")).sorted().findFirst().orElseThrow();
        }
        InkDocument doc = InkMlReader.read(file);
        List<Sample.Symbol> symbols = CrohmeDatasets.symbols(doc);
        assertTrue(!symbols.isEmpty(), file.toString());
        int strokes = symbols.stream().mapToInt(s -> s.strokes().size()).sum();
        assertEquals(doc.ink().strokeCount(), strokes, "each stroke in one symbol: " + file);
        assertTrue(symbols.stream().noneMatch(s -> s.label().equals("Segmentation")));
    }
}
