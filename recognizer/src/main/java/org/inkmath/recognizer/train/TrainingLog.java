package org.inkmath.recognizer.train;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows of a run's CSV log: one per optimiser step (loss, learning rate, images per second),
 * and one per validation (its expression rate). Columns:
 * {@code step,epoch,loss,lr,images_per_s,val_exprate,wall_s}; a step row leaves
 * {@code val_exprate} empty, a validation row leaves {@code loss}, {@code lr} and
 * {@code images_per_s} empty. {@code epoch} counts from 1: the epoch in progress on a step row,
 * the epoch just finished on a validation row. Example: {@code TrainingLog.read(Path.of("run/log.csv")).rows()}.
 */
public final class TrainingLog {

    public static final String HEADER = "step,epoch,loss,lr,images_per_s,val_exprate,wall_s";

    /** One line of the log; NaN where a column is empty. */
    public record Row(long step, int epoch, double loss, double learningRate, double imagesPerSecond,
                      double validationRate, double wallSeconds) {

        public static Row step(long step, int epoch, double loss, double lr, double imagesPerSecond, double wall) {
            return new Row(step, epoch, loss, lr, imagesPerSecond, Double.NaN, wall);
        }

        public static Row validation(long step, int epoch, double rate, double wall) {
            return new Row(step, epoch, Double.NaN, Double.NaN, Double.NaN, rate, wall);
        }

        public boolean isValidation() {
            return !Double.isNaN(validationRate);
        }

        String csv() {
            return step + "," + epoch + "," + cell(loss, "%.6f") + "," + cell(learningRate, "%.6g") + ","
                    + cell(imagesPerSecond, "%.3f") + "," + cell(validationRate, "%.6f") + ","
                    + String.format(Locale.ROOT, "%.1f", wallSeconds);
        }

        private static String cell(double v, String format) {
            return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
        }

        static Row parse(String line) {
            String[] c = line.split(",", -1);
            if (c.length != 7) {
                throw new IllegalArgumentException("a log line needs 7 columns: " + line);
            }
            return new Row(Long.parseLong(c[0]), Integer.parseInt(c[1]), num(c[2]), num(c[3]), num(c[4]), num(c[5]),
                    num(c[6]));
        }

        private static double num(String s) {
            return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        }
    }

    private final List<Row> rows = new ArrayList<>();

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public void add(Row row) {
        rows.add(row);
    }

    /** Writes the whole log (temp file, then rename, so a reader never sees half a file). */
    public void write(Path file) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (Row r : rows) {
                w.write(r.csv());
                w.write('\n');
            }
        }
        AtomicFiles.replace(temp, file);
    }

    /** Reads a log written by {@link #write}. */
    public static TrainingLog read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file + ": not a training log (the first line is not '" + HEADER + "')");
        }
        TrainingLog log = new TrainingLog();
        for (int i = 1; i < lines.size(); i++) {
            try {
                log.add(Row.parse(lines.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return log;
    }
}
