package org.inkmath.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.inkmath.eval.report.EvaluationReport;
import org.inkmath.eval.report.ExpressionOutcome;
import org.inkmath.recognizer.Recognizer;
import org.inkmath.recognizer.RecognizerOptions;
import org.inkmath.recognizer.decode.Decoder.Strategy;
import org.inkmath.recognizer.decode.GreedyDecoder;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.image.RasterStyle;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.ImageBatch;
import org.inkmath.recognizer.train.Augmentation;
import org.inkmath.recognizer.train.BatchRules;
import org.inkmath.recognizer.train.CrohmeDatasets;
import org.inkmath.recognizer.train.Sample;
import org.inkmath.recognizer.train.SamplePreparer;
import org.inkmath.recognizer.train.Validation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A greedy evaluation of a model on the 2014 images gets right exactly the expressions that
 * greedy decoding of the trainer's validation pictures gets right, one picture at a time. The
 * validation itself decodes padded batches, whose numerics differ in the last digits, so its
 * count may differ by a near tie or two; the test prints it beside. Run with a model:
 * {@code mvn -Pintegration test -pl eval -am -Dtest=EvalMatchesValidationTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dinkmath.model=FILE -Dinkmath.images=100}.
 */
@Tag("integration")
class EvalMatchesValidationTest {

    @Test
    void greedyEvaluationCountsWhatValidationCounts() throws Exception {
        String file = System.getProperty("inkmath.model", "");
        Assumptions.assumeTrue(!file.isEmpty() && Files.isRegularFile(Path.of(file)), "no -Dinkmath.model=FILE");
        Path crohme = Path.of(System.getProperty("crohme.dir", "../shared/crohme"));
        Assumptions.assumeTrue(Files.isDirectory(crohme.resolve("2014/img")), "CROHME data not found at " + crohme);
        int n = Integer.getInteger("inkmath.images", 100);
        Path model = Path.of(file);

        List<Sample> samples = CrohmeDatasets.test2014Images(crohme).samples();
        samples = samples.subList(0, Math.min(n, samples.size()));
        double validationRate;
        int singleRight = 0;
        java.util.Map<String, String> single = new java.util.LinkedHashMap<>();
        try (ComerModel m = ComerModel.load(model)) {
            validationRate = new Validation(samples, m.vocabulary(), BatchRules.comer()).score(m, 200, () -> { }).expressionRate();
            SamplePreparer preparer = new SamplePreparer(RasterStyle.crohme(), Augmentation.none());
            for (Sample s : samples) {
                GrayImage input = preparer.prepare(s, SamplePreparer.Draw.IDENTITY);
                int[] tokens = GreedyDecoder.decode(m, ImageBatch.of(List.of(input)), 200).get(0).tokens();
                singleRight += Arrays.equals(tokens, m.vocabulary().encode(s.caption())) ? 1 : 0;
                single.put(s.name(), m.vocabulary().decode(tokens).toString());
            }
        }

        // the recognizer's greedy (a beam of one, default length penalty), as inkmath eval --strategy greedy runs it
        RecognizerOptions greedy = RecognizerOptions.defaults().withStrategy(Strategy.GREEDY).withMaxLength(200)
                .withAlternatives(1);
        EvaluationTruth truth = EvaluationTruth.read(crohme.resolve("2014/caption.txt")).first(samples.size());
        EvaluationReport report;
        try (RecognizerSource source = new RecognizerSource(Recognizer.load(model, greedy), model.getFileName().toString(),
                new ImageFolderInputs(crohme.resolve("2014/img")), new RecognizerSource.Config(greedy, 1, 0), 0)) {
            report = Evaluation.run(truth, source, EvaluationSettings.defaults(), "test", d -> { });
        }
        // validation compares the decoder's raw tokens; a repaired output was not right before repair
        long rawExact = report.expressions().stream()
                .filter(e -> e.exact() && !Boolean.TRUE.equals(e.repaired())).count();
        long repairedExact = report.expressions().stream().filter(ExpressionOutcome::exact).count() - rawExact;
        System.out.printf("%d images: validation (batched) %d right, greedy one at a time %d, evaluation %d"
                        + " (%d more after repair)%n", samples.size(), Math.round(validationRate * samples.size()),
                singleRight, rawExact, repairedExact);
        for (ExpressionOutcome e : report.expressions()) {
            if (!single.get(e.name()).equals(e.predicted()) && !Boolean.TRUE.equals(e.repaired())) {
                System.out.println(e.name() + ": greedy " + single.get(e.name()) + " | evaluation " + e.predicted());
            }
        }
        assertEquals(singleRight, rawExact);
    }
}
