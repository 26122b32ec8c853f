package org.inkmath.recognizer.train;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rows of a run's CSV log: one per optimiser step (loss, learning rate, images per second),
 * and one per validation (its expression rate and its rates within one and two edits, for the
 * weights at the end of the epoch and, where there were snapshots to average, for the mean of the
 * weights since the previous validation). Columns:
 * {@code step,epoch,loss,lr,images_per_s,val_exprate,wall_s,val_within1,val_within2,mean_exprate,mean_within1,mean_within2};
 * a step row leaves the {@code val_} and {@code mean_} columns empty, a validation row leaves
 * {@code loss}, {@code lr} and {@code images_per_s} empty, and its {@code mean_} columns too when
 * no mean was validated. {@code epoch} counts from 1: the epoch in progress on a step row, the
 * epoch just finished on a validation row. Logs of the earlier formats (the first seven or nine
 * columns) are read too, their missing columns empty, so runs started before stay resumable.
 * Example: {@code TrainingLog.read(Path.of("run/log.csv")).rows()}.
 */
public final class TrainingLog {

    public static final String HEADER =
            "step,epoch,loss,lr,images_per_s,val_exprate,wall_s,val_within1,val_within2,mean_exprate,mean_within1,mean_within2";

    /** The header of the first format, without the edit rates. */
    static final String SEVEN_COLUMN_HEADER = "step,epoch,loss,lr,images_per_s,val_exprate,wall_s";

    /** The header of the second format, without the mean's rates. */
    static final String NINE_COLUMN_HEADER = "step,epoch,loss,lr,images_per_s,val_exprate,wall_s,val_within1,val_within2";

    /** One line of the log; NaN where a column is empty. */
    public record Row(long step, int epoch, double loss, double learningRate, double imagesPerSecond,
                      double validationRate, double wallSeconds, double withinOneEdit, double withinTwoEdits,
                      double meanRate, double meanWithinOneEdit, double meanWithinTwoEdits) {

        public static Row step(long step, int epoch, double loss, double lr, double imagesPerSecond, double wall) {
            return new Row(step, epoch, loss, lr, imagesPerSecond, Double.NaN, wall, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN);
        }

        /** A validation of the epoch's weights alone. */
        public static Row validation(long step, int epoch, Validation.Score score, double wall) {
            return validation(step, epoch, score, Optional.empty(), wall);
        }

        /** A validation of the epoch's weights and, when present, of the mean of the weights since the last one. */
        public static Row validation(long step, int epoch, Validation.Score score, Optional<Validation.Score> mean,
                                     double wall) {
            Validation.Score m = mean.orElse(new Validation.Score(Double.NaN, Double.NaN, Double.NaN));
            return new Row(step, epoch, Double.NaN, Double.NaN, Double.NaN, score.expressionRate(), wall,
                    score.withinOneEdit(), score.withinTwoEdits(), m.expressionRate(), m.withinOneEdit(),
                    m.withinTwoEdits());
        }

        public boolean isValidation() {
            return !Double.isNaN(validationRate);
        }

        /** The validation's score (NaN edit rates in rows of the first format). */
        public Validation.Score score() {
            return new Validation.Score(validationRate, withinOneEdit, withinTwoEdits);
        }

        /** The score of the mean of the weights since the previous validation, where one was validated. */
        public Optional<Validation.Score> meanScore() {
            return Double.isNaN(meanRate) ? Optional.empty()
                    : Optional.of(new Validation.Score(meanRate, meanWithinOneEdit, meanWithinTwoEdits));
        }

        String csv() {
            return step + "," + epoch + "," + cell(loss, "%.6f") + "," + cell(learningRate, "%.6g") + ","
                    + cell(imagesPerSecond, "%.3f") + "," + cell(validationRate, "%.6f") + ","
                    + String.format(Locale.ROOT, "%.1f", wallSeconds) + "," + cell(withinOneEdit, "%.6f") + ","
                    + cell(withinTwoEdits, "%.6f") + "," + cell(meanRate, "%.6f") + "," + cell(meanWithinOneEdit, "%.6f")
                    + "," + cell(meanWithinTwoEdits, "%.6f");
        }

        private static String cell(double v, String format) {
            return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
        }

        static Row parse(String line) {
            String[] c = line.split(",", -1);
            if (c.length != 7 && c.length != 9 && c.length != 12) {
                throw new IllegalArgumentException("a log line needs 12 columns (7 or 9 in the earlier formats): " + line);
            }
            return new Row(Long.parseLong(c[0]), Integer.parseInt(c[1]), num(c[2]), num(c[3]), num(c[4]), num(c[5]),
                    num(c[6]), column(c, 7), column(c, 8), column(c, 9), column(c, 10), column(c, 11));
        }

        private static double column(String[] c, int i) {
            return i < c.length ? num(c[i]) : Double.NaN;
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

    /** Whether {@code score} beats every validation logged so far, means included (true when there is none). */
    public boolean isBest(Validation.Score score) {
        return rows.stream().filter(Row::isValidation)
                .allMatch(r -> score.compareTo(r.score()) > 0 && r.meanScore().map(m -> score.compareTo(m) > 0).orElse(true));
    }

    /** The best expression rate validated so far, means included; 0 when there is none. */
    public double bestRate() {
        return rows.stream().filter(Row::isValidation)
                .mapToDouble(r -> Math.max(r.validationRate(), r.meanScore().map(Validation.Score::expressionRate).orElse(0.0)))
                .max().orElse(0);
    }

    /** The step of the last validation logged; 0 when there is none. */
    public long lastValidationStep() {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).isValidation()) {
                return rows.get(i).step();
            }
        }
        return 0;
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
        if (lines.isEmpty() || !(lines.get(0).equals(HEADER) || lines.get(0).equals(NINE_COLUMN_HEADER)
                || lines.get(0).equals(SEVEN_COLUMN_HEADER))) {
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
