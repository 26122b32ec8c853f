package org.inkmath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportDataCommandTest {

    /**
     * A CROHME-shaped folder with a few real files: 4 training InkML files (one without a caption)
     * and 2 test images, so that the command reads, renders and writes in a second or two.
     */
    private static Path miniCrohme(Path dir) throws IOException {
        Path src = CrohmeTestData.folder("train/inkml", "2014/img");
        Map<String, String> trainCaptions = captions(src.resolve("train/caption.txt"));
        Map<String, String> testCaptions = captions(src.resolve("2014/caption.txt"));
        List<Path> inks;
        try (Stream<Path> s = Files.list(src.resolve("train/inkml/HAMEX"))) {
            inks = s.sorted().filter(p -> trainCaptions.containsKey(stem(p))).limit(4).toList();
        }
        List<Path> images;
        try (Stream<Path> s = Files.list(src.resolve("2014/img"))) {
            images = s.sorted().limit(2).toList();
        }
        Path mini = dir.resolve("crohme");
        Files.createDirectories(mini.resolve("train/inkml/HAMEX"));
        Files.createDirectories(mini.resolve("2014/img"));
        StringBuilder train = new StringBuilder();
        for (int i = 0; i < inks.size(); i++) {
            Files.copy(inks.get(i), mini.resolve("train/inkml/HAMEX").resolve(inks.get(i).getFileName()));
            if (i < 3) {
                train.append(stem(inks.get(i))).append('\t').append(trainCaptions.get(stem(inks.get(i)))).append('\n');
            }
        }
        StringBuilder test = new StringBuilder();
        for (Path img : images) {
            Files.copy(img, mini.resolve("2014/img").resolve(img.getFileName()));
            test.append(stem(img)).append('\t').append(testCaptions.get(stem(img))).append('\n');
        }
        Files.writeString(mini.resolve("train/caption.txt"), train, StandardCharsets.UTF_8);
        Files.writeString(mini.resolve("2014/caption.txt"), test, StandardCharsets.UTF_8);
        return mini;
    }

    private static Map<String, String> captions(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> l.contains("\t"))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('\t')), l -> l.substring(l.indexOf('\t') + 1),
                        (a, b) -> a));
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }

    @Test
    void writesThePackAndSaysWhatItHolds(@TempDir Path dir) throws IOException {
        Path mini = miniCrohme(dir);
        Path out = dir.resolve("out/pack.npz");
        CliRun.Result r = CliRun.once("export-data", "--crohme", mini.toString(), "--out", out.toString(),
                "--subset", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("2 training images") && r.out().contains("2 validation images")
                && r.out().contains("MiB"), r.out());
        assertTrue(r.err().contains("2 of 3 training expressions (1 left out)"), r.err());
        try (ZipFile zip = new ZipFile(out.toFile())) {
            assertTrue(zip.getEntry("train_bits.npy") != null && zip.getEntry("valid_pixels.npy") != null);
        }
    }

    @Test
    void missingDataIsNamed(@TempDir Path dir) throws IOException {
        CliRun.Result nowhere = CliRun.once("export-data", "--crohme", dir.resolve("nowhere").toString(), "--out",
                dir.resolve("p.npz").toString());
        assertEquals(InkMath.EXIT_ERROR, nowhere.exitCode());
        assertTrue(nowhere.err().startsWith("inkmath: CROHME data folder not found"), nowhere.err());

        Files.createDirectories(dir.resolve("empty"));
        CliRun.Result r = CliRun.once("export-data", "--crohme", dir.resolve("empty").toString(), "--out",
                dir.resolve("p.npz").toString());
        assertEquals(InkMath.EXIT_ERROR, r.exitCode());
        assertTrue(r.err().startsWith("inkmath: ") && r.err().contains("train/inkml is missing"), r.err());
        assertFalse(Files.exists(dir.resolve("p.npz")));
    }

    @Test
    void negativeSubsetIsUsage(@TempDir Path dir) {
        CliRun.Result r = CliRun.once("export-data", "--subset", "-1", "--out", dir.resolve("p.npz").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("must not be negative"), r.err());
    }

    @Test
    void helpNamesThePackAndTheLicence() {
        CliRun.Result r = CliRun.once("help", "export-data");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("--validation-subset") && r.out().contains("NonCommercial"), r.out());
    }
}
