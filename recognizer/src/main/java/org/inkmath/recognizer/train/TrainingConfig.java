package org.inkmath.recognizer.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.inkmath.recognizer.model.ModelConfig;

/**
 * Every setting of a training run. {@link #comer(ModelConfig)} is the published recipe
 * (comer.md) on one device: SGD with learning rate 0.02, momentum 0.9 and weight decay 1e-4 (the
 * published run's 0.08 was for four GPUs of 8 images each, whose gradients were averaged: 32
 * images an update; one device with batches of at most 8 takes a quarter of the rate, by linear
 * scaling, to move as far per image); the rate times
 * 0.25 when the validation expression rate has not improved for 20 epochs; validation every 2
 * epochs; at most 8 images and 320,000 padded pixels a batch; both decoding directions; scale
 * augmentation; gradients clipped at norm 10 (our addition). Saved in checkpoints as JSON, so a resumed run trains the same way. Example:
 * <pre>{@code
 * TrainingConfig c = TrainingConfig.comer(ModelConfig.compact()).withSeed(7).withEpochs(10);
 * }</pre>
 *
 * @param model              the network's shape
 * @param seed               fixes initial weights, augmentation, batch order and dropout
 * @param learningRate       SGD learning rate at the start
 * @param momentum           SGD momentum
 * @param weightDecay        L2 weight decay added to the gradients
 * @param plateauFactor      factor of the learning rate on a plateau
 * @param plateauEpochs      epochs without a better validation expression rate before the rate drops
 * @param validateEvery      epochs between validations (0: never validate)
 * @param validationSubset   validate on the first N images of the validation set (0: all)
 * @param maxDecodeLength    token limit of greedy validation decoding
 * @param batchImages        images per batch at most
 * @param batchPixels        padded pixels per batch at most
 * @param batchPacking       the order in which images are laid into batches (the published one
 *                           is by area; by height bands pads far less, so an epoch costs less)
 * @param bidirectional      train on right-to-left targets too
 * @param augmentation       training picture variation
 * @param epochs             stop after this many epochs
 * @param maxSteps           stop after this many optimiser steps in all (0: no limit)
 * @param threads            intra-op threads of the tensor library (0: one per core)
 * @param clipNorm           largest global gradient norm; larger gradients are scaled down to it
 *                           (0: no clipping). Not in the published recipe: a safety net against the
 *                           rare exploding step of small CPU batches, set high enough to act seldom
 */
public record TrainingConfig(
        ModelConfig model,
        long seed,
        double learningRate,
        double momentum,
        double weightDecay,
        double plateauFactor,
        int plateauEpochs,
        int validateEvery,
        int validationSubset,
        int maxDecodeLength,
        int batchImages,
        long batchPixels,
        BatchRules.Packing batchPacking,
        boolean bidirectional,
        Augmentation augmentation,
        int epochs,
        long maxSteps,
        int threads,
        double clipNorm) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            // derived boolean accessors (Augmentation.isNone) are written but are not properties
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public TrainingConfig {
        if (model == null || augmentation == null || batchPacking == null) {
            throw new IllegalArgumentException("a training configuration needs a model configuration, an augmentation and a batch packing");
        }
        if (!(learningRate > 0) || !(momentum >= 0 && momentum < 1) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("need learning rate > 0, momentum in [0, 1), weight decay >= 0: "
                    + learningRate + ", " + momentum + ", " + weightDecay);
        }
        if (!(plateauFactor > 0 && plateauFactor < 1) || plateauEpochs < 1) {
            throw new IllegalArgumentException("plateau factor must be in (0, 1) and plateau epochs at least 1: "
                    + plateauFactor + ", " + plateauEpochs);
        }
        if (validateEvery < 0 || validationSubset < 0 || maxDecodeLength < 1) {
            throw new IllegalArgumentException("validate-every and validation subset must be >= 0, decode length >= 1");
        }
        new BatchRules(batchImages, batchPixels, batchPacking); // checks the limits
        if (!(clipNorm >= 0)) {
            throw new IllegalArgumentException("the gradient clipping norm must be >= 0 (0: off): " + clipNorm);
        }
        if (epochs < 1 || maxSteps < 0 || threads < 0) {
            throw new IllegalArgumentException("epochs must be at least 1, steps and threads not negative: "
                    + epochs + ", " + maxSteps + ", " + threads);
        }
    }

    /** The published recipe for the given network, seed 42, 300 epochs. */
    public static TrainingConfig comer(ModelConfig model) {
        return new TrainingConfig(model, 42, 0.02, 0.9, 1e-4, 0.25, 20, 2, 0, 200, 8, 320_000, BatchRules.Packing.AREA, true,
                Augmentation.comer(), 300, 0, 0, 10.0);
    }

    public BatchRules batchRules() {
        return new BatchRules(batchImages, batchPixels, batchPacking);
    }

    public TrainingConfig withSeed(long s) {
        return with(b -> b.seed = s);
    }

    public TrainingConfig withOptimizer(double lr, double mom, double decay) {
        return with(b -> {
            b.learningRate = lr;
            b.momentum = mom;
            b.weightDecay = decay;
        });
    }

    public TrainingConfig withPlateau(double factor, int epochsWithoutGain) {
        return with(b -> {
            b.plateauFactor = factor;
            b.plateauEpochs = epochsWithoutGain;
        });
    }

    public TrainingConfig withValidation(int every, int subset, int decodeLength) {
        return with(b -> {
            b.validateEvery = every;
            b.validationSubset = subset;
            b.maxDecodeLength = decodeLength;
        });
    }

    public TrainingConfig withBatches(int images, long pixels) {
        return with(b -> {
            b.batchImages = images;
            b.batchPixels = pixels;
        });
    }

    public TrainingConfig withPacking(BatchRules.Packing p) {
        return with(b -> b.batchPacking = p);
    }

    public TrainingConfig withTargets(boolean bothDirections) {
        return with(b -> b.bidirectional = bothDirections);
    }

    public TrainingConfig withAugmentation(Augmentation a) {
        return with(b -> b.augmentation = a);
    }

    public TrainingConfig withEpochs(int e) {
        return with(b -> b.epochs = e);
    }

    public TrainingConfig withMaxSteps(long steps) {
        return with(b -> b.maxSteps = steps);
    }

    public TrainingConfig withThreads(int n) {
        return with(b -> b.threads = n);
    }

    public TrainingConfig withModel(ModelConfig m) {
        return with(b -> b.model = m);
    }

    public TrainingConfig withClipNorm(double norm) {
        return with(b -> b.clipNorm = norm);
    }

    /** A copy with some fields changed: the one place that lists every field for the withers. */
    private TrainingConfig with(Consumer<Fields> change) {
        Fields f = new Fields(this);
        change.accept(f);
        return new TrainingConfig(f.model, f.seed, f.learningRate, f.momentum, f.weightDecay, f.plateauFactor,
                f.plateauEpochs, f.validateEvery, f.validationSubset, f.maxDecodeLength, f.batchImages, f.batchPixels,
                f.batchPacking, f.bidirectional, f.augmentation, f.epochs, f.maxSteps, f.threads, f.clipNorm);
    }

    /** The fields as variables, for {@link #with}. */
    private static final class Fields {
        ModelConfig model;
        long seed;
        double learningRate;
        double momentum;
        double weightDecay;
        double plateauFactor;
        int plateauEpochs;
        int validateEvery;
        int validationSubset;
        int maxDecodeLength;
        int batchImages;
        long batchPixels;
        BatchRules.Packing batchPacking;
        boolean bidirectional;
        Augmentation augmentation;
        int epochs;
        long maxSteps;
        int threads;
        double clipNorm;

        Fields(TrainingConfig c) {
            model = c.model;
            seed = c.seed;
            learningRate = c.learningRate;
            momentum = c.momentum;
            weightDecay = c.weightDecay;
            plateauFactor = c.plateauFactor;
            plateauEpochs = c.plateauEpochs;
            validateEvery = c.validateEvery;
            validationSubset = c.validationSubset;
            maxDecodeLength = c.maxDecodeLength;
            batchImages = c.batchImages;
            batchPixels = c.batchPixels;
            batchPacking = c.batchPacking;
            bidirectional = c.bidirectional;
            augmentation = c.augmentation;
            epochs = c.epochs;
            maxSteps = c.maxSteps;
            threads = c.threads;
            clipNorm = c.clipNorm;
        }
    }

    public String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write training configuration: " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@link #toJson}'s form. Configurations saved before a field existed read what those
     * runs did: no symbol swaps, batches packed by area.
     */
    public static TrainingConfig fromJson(String json) {
        try {
            JsonNode tree = JSON.readTree(json);
            if (tree != null && tree.get("augmentation") instanceof ObjectNode aug && !aug.has("symbolSwap")) {
                aug.put("symbolSwap", 0.0);
            }
            if (tree instanceof ObjectNode fields && !fields.has("batchPacking")) {
                fields.put("batchPacking", BatchRules.Packing.AREA.name());
            }
            return JSON.treeToValue(tree, TrainingConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad training configuration: " + e.getOriginalMessage(), e);
        }
    }
}
