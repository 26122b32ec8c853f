package org.inkmath.recognizer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.inkmath.latex.CaptionFile;
import org.inkmath.latex.TokenSequence;
import org.inkmath.latex.Vocabulary;
import org.inkmath.recognizer.decode.GreedyDecoder;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.image.RasterStyle;
import org.inkmath.recognizer.ink.InkMlReader;
import org.inkmath.recognizer.train.Augmentation;
import org.inkmath.recognizer.train.Sample;
import org.inkmath.recognizer.train.SamplePreparer;
import org.junit.jupiter.api.Test;

/**
 * The network can learn: 16 CROHME training expressions, rendered by the project's rasteriser,
 * are learnt to 100% greedy expression rate by a small configuration at half the image size
 * (about 30 epochs, under 10 s on CPU-2; the suite runs it by default). Skipped when the data
 * are absent.
 */
class OverfitTest {

    /** A small configuration that still has every part: dense blocks, transitions, 3 layers, fusion ARM. */
    static ModelConfig small() {
        return ModelConfig.reference().withGrowth(12, 48).withDenseDepth(4).withDecoder(128, 4, 3, 256)
                .withCoverageChannels(16).withDropout(0, 0).withInputScale(0.5);
    }

    record Expressions(List<GrayImage> images, int[][] captions) {
    }

    /**
     * The first {@code count} training expressions (by path) with 3 to 7 tokens, rendered without
     * augmentation at {@code scale} times the calibrated CROHME size (with a thinner pen and
     * margin to match).
     */
    static Expressions load(Path crohme, int count, double scale) throws Exception {
        Map<String, TokenSequence> captions = CaptionFile.read(crohme.resolve("train/caption.txt"));
        List<Path> files;
        try (Stream<Path> s = Files.walk(crohme.resolve("train/inkml"))) {
            files = s.filter(p -> p.toString().endsWith(".inkml")).sorted().toList();
        }
        SamplePreparer preparer = new SamplePreparer(RasterStyle.crohme().withScale(scale)
                .withStrokeWidth(3.25 * scale).withMargin((int) Math.round(12 * scale)), Augmentation.none());
        Vocabulary vocabulary = Vocabulary.crohme();
        List<GrayImage> images = new ArrayList<>();
        List<int[]> ids = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString().replace(".inkml", "");
            TokenSequence caption = captions.get(name);
            if (caption == null || caption.size() < 3 || caption.size() > 7) {
                continue;
            }
            Sample sample = new Sample(name, new Sample.InkSource(InkMlReader.read(f).ink()), caption);
            images.add(preparer.prepare(sample, SamplePreparer.Draw.IDENTITY));
            ids.add(vocabulary.encode(caption));
            if (images.size() == count) {
                break;
            }
        }
        return new Expressions(images, ids.toArray(new int[0][]));
    }

    static Path crohme() {
        String dir = System.getProperty("crohme.dir", "../shared/crohme");
        Path p = Path.of(dir);
        assumeTrue(Files.isDirectory(p.resolve("train/inkml")), "CROHME data not found at " + p.toAbsolutePath());
        return p;
    }

    @Test
    void learnsSixteenExpressionsToAHundredPercent() throws Exception {
        Expressions data = load(crohme(), 16, small().inputScale());
        assertEquals(16, data.images().size());
        try (ComerModel model = ComerModel.create(small(), Vocabulary.crohme(), 1)) {
            TrainingHarness harness = new TrainingHarness(model, true, 1e-3f);
            List<ImageBatch> batches = new ArrayList<>();
            List<int[][]> targets = new ArrayList<>();
            for (int b = 0; b < 16; b += 8) {
                batches.add(ImageBatch.of(data.images().subList(b, b + 8)));
                targets.add(Arrays.copyOfRange(data.captions(), b, b + 8));
            }
            ImageBatch all = ImageBatch.of(data.images());
            int correct = 0;
            long start = System.nanoTime();
            for (int epoch = 1; epoch <= 150 && correct < 16; epoch++) {
                float loss = 0;
                for (int b = 0; b < batches.size(); b++) {
                    loss += harness.step(batches.get(b), targets.get(b));
                }
                if (epoch % 5 == 0) {
                    List<GreedyDecoder.Result> predicted = GreedyDecoder.decode(model, all, 12);
                    correct = 0;
                    for (int i = 0; i < 16; i++) {
                        correct += Arrays.equals(predicted.get(i).tokens(), data.captions()[i]) ? 1 : 0;
                    }
                    System.out.printf("epoch %d loss %.4f greedy %d/16 (%.0f s)%n", epoch, loss / batches.size(),
                            correct, (System.nanoTime() - start) / 1e9);
                }
            }
            assertEquals(16, correct, "greedy expression rate on the 16 training expressions");
        }
    }
}
