package org.inkmath.recognizer.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.inkmath.recognizer.model.ComerModel;
import org.inkmath.recognizer.model.ModelFormatException;

/**
 * A training run's checkpoint: the folder {@code checkpoint/} in the run's output folder with
 * {@code model.safetensors} (float32 weights and BatchNorm statistics, MODEL-FORMAT.md),
 * {@code optimizer.bin} (momentum buffers), {@code state.json} (step, epoch, position in the
 * epoch's batch order, learning-rate schedule, time spent), {@code config.json} (the
 * {@link TrainingConfig}) and {@code log.csv} (the log up to this point). It is written whole
 * into {@code checkpoint.tmp/} first and then renamed into place (the previous one kept as
 * {@code checkpoint.old/} during the swap), so a crash at any moment leaves one complete
 * checkpoint. Example: {@code Checkpoint.State s = Checkpoint.readState(Checkpoint.find(runDir));}
 */
public final class Checkpoint {

    public static final String DIRECTORY = "checkpoint";
    static final String MODEL = "model.safetensors";
    static final String OPTIMIZER = "optimizer.bin";
    static final String STATE = "state.json";
    static final String CONFIG = "config.json";
    static final String LOG = "log.csv";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    /**
     * Where training stands.
     *
     * @param step            optimiser steps done
     * @param epoch           the current epoch (from 0)
     * @param position        planned batches of that epoch done
     * @param schedule        learning rate and plateau counter
     * @param bestEpoch       epoch count at the best validation (0: none yet)
     * @param trainedSeconds  wall time spent training, over all sessions
     */
    public record State(long step, int epoch, int position, PlateauSchedule schedule, int bestEpoch,
                        double trainedSeconds) {
    }

    private Checkpoint() {
    }

    /** The complete checkpoint folder of a run folder; fails with a clear message if none. */
    public static Path find(Path runDirectory) throws IOException {
        Path current = runDirectory.resolve(DIRECTORY);
        if (Files.isRegularFile(current.resolve(STATE))) {
            return current;
        }
        Path old = runDirectory.resolve(DIRECTORY + ".old");
        if (Files.isRegularFile(old.resolve(STATE))) {
            return old; // a crash between the two renames
        }
        throw new IOException("no checkpoint in " + runDirectory + " (expected " + current.resolve(STATE) + ")");
    }

    /**
     * Writes a checkpoint whose weights are {@code weights}, a float32 file of the model just saved (its snapshot):
     * hard-linked rather than written again, copied where the file system has no links.
     */
    static void write(Path runDirectory, Path weights, SgdOptimizer optimizer, State state, TrainingConfig config,
                      TrainingLog log) throws IOException {
        Path temp = runDirectory.resolve(DIRECTORY + ".tmp");
        deleteTree(temp);
        Files.createDirectories(temp);
        try {
            Files.createLink(temp.resolve(MODEL), weights);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(weights, temp.resolve(MODEL));
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(temp.resolve(OPTIMIZER)), 1 << 16))) {
            optimizer.write(out);
        }
        Files.writeString(temp.resolve(STATE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state),
                StandardCharsets.UTF_8);
        Files.writeString(temp.resolve(CONFIG), config.toJson(), StandardCharsets.UTF_8);
        log.write(temp.resolve(LOG));
        Path current = runDirectory.resolve(DIRECTORY);
        Path old = runDirectory.resolve(DIRECTORY + ".old");
        deleteTree(old);
        if (Files.exists(current)) {
            Files.move(current, old);
        }
        Files.move(temp, current);
        deleteTree(old);
    }

    public static State readState(Path checkpoint) throws IOException {
        try {
            return JSON.readValue(Files.readString(checkpoint.resolve(STATE), StandardCharsets.UTF_8), State.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(checkpoint.resolve(STATE) + ": not a training state: " + e.getOriginalMessage(), e);
        }
    }

    public static TrainingConfig readConfig(Path checkpoint) throws IOException {
        try {
            return TrainingConfig.fromJson(Files.readString(checkpoint.resolve(CONFIG), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(checkpoint.resolve(CONFIG) + ": " + e.getMessage(), e);
        }
    }

    static ComerModel readModel(Path checkpoint) throws IOException {
        try {
            return ComerModel.load(checkpoint.resolve(MODEL));
        } catch (ModelFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    static void readOptimizer(Path checkpoint, SgdOptimizer optimizer) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                Files.newInputStream(checkpoint.resolve(OPTIMIZER)), 1 << 16))) {
            optimizer.read(in);
        } catch (java.io.EOFException e) {
            throw new IOException(checkpoint.resolve(OPTIMIZER) + ": truncated optimiser state", e);
        }
    }

    static TrainingLog readLog(Path checkpoint) throws IOException {
        return TrainingLog.read(checkpoint.resolve(LOG));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
