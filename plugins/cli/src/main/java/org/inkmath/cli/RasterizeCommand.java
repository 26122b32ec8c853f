package org.inkmath.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.image.InkRasterizer;
import org.inkmath.recognizer.image.RasterCalibration;
import org.inkmath.recognizer.image.RasterStyle;
import org.inkmath.recognizer.ink.Ink;
import org.inkmath.recognizer.ink.InkFormatException;
import org.inkmath.recognizer.ink.InkMlReader;
import org.inkmath.recognizer.ink.JsonStrokes;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code inkmath rasterize}: ink (InkML or JSON strokes) to a PNG, or the calibration against CROHME 2014. */
@Command(name = "rasterize",
        description = {
            "Render ink (InkML, or JSON strokes [[[x,y,t],...],...]) as an 8-bit PNG",
            "in the style of the published CROHME offline images: white strokes on",
            "black, size set by the ink's own stroke heights, 12-pixel margins.",
            "",
            "With --calibrate DIR, render DIR/inkml/*.inkml and compare them with",
            "DIR/img/*.png: prints the median height ratio, width ratio and IoU at",
            "1 pixel tolerance, and writes a side-by-side picture (ours left,",
            "published right). Progress goes to stderr.",
            ""},
        footer = {"", "Examples:",
            "  inkmath rasterize formula.inkml -o formula.png",
            "  inkmath rasterize strokes.json -o strokes.png --stroke-width 4",
            "  inkmath rasterize --calibrate ../shared/crohme/2014 \\",
            "      --picture docs/rasterizer-calibration.png"},
        mixinStandardHelpOptions = true)
public final class RasterizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Parameters(index = "0", paramLabel = "FILE", description = "an .inkml file, or a .json file of strokes")
        Path input;

        @Option(names = "--calibrate", paramLabel = "DIR", description = "a folder with inkml/NAME.inkml and img/NAME.png (CROHME 2014)")
        Path calibrationDir;
    }

    @Option(names = {"-o", "--output"}, paramLabel = "PNG", description = "where to write the image (default: FILE with .png)")
    Path output;

    @Option(names = "--stroke-width", paramLabel = "PX", description = "pen width in pixels (default: ${DEFAULT-VALUE})",
            defaultValue = "3.25")
    double strokeWidth;

    @Option(names = "--scale", paramLabel = "K", description = "size factor over the calibrated size (default: ${DEFAULT-VALUE})",
            defaultValue = "1.0")
    double scale;

    @Option(names = "--picture", paramLabel = "PNG", description = "calibration: the side-by-side picture (default: ${DEFAULT-VALUE})",
            defaultValue = "rasterizer-calibration.png")
    Path picture;

    @Option(names = "--examples", paramLabel = "N", description = "calibration: expressions in the picture (default: ${DEFAULT-VALUE})",
            defaultValue = "5")
    int examples;

    @Option(names = "--every", paramLabel = "N", description = "calibration: use every N-th file only (default: ${DEFAULT-VALUE}, all)",
            defaultValue = "1")
    int every;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        RasterStyle style;
        try {
            style = RasterStyle.crohme().withStrokeWidth(strokeWidth).withScale(scale);
        } catch (IllegalArgumentException e) {
            err.println("inkmath: " + e.getMessage());
            return 2;
        }
        if (mode.calibrationDir != null) {
            return calibrate(style, out, err);
        }
        Path in = mode.input;
        Path png = output != null ? output : siblingPng(in);
        try {
            Ink ink = readInk(in);
            InkRasterizer.render(ink, style).writePng(png);
            out.println("wrote " + png);
            return 0;
        } catch (InkFormatException e) {
            err.println("inkmath: " + e.getMessage());
            return InkMath.EXIT_INVALID;
        } catch (NoSuchFileException e) {
            err.println("inkmath: " + e.getFile() + ": no such file");
            return InkMath.EXIT_ERROR;
        } catch (IOException e) {
            err.println("inkmath: " + in + ": " + e.getMessage());
            return InkMath.EXIT_ERROR;
        }
    }

    static Ink readInk(Path in) throws IOException, InkFormatException {
        if (in.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            if (Files.size(in) > JsonStrokes.MAX_CHARS) {
                throw new InkFormatException(in.toString(), "file is larger than " + JsonStrokes.MAX_CHARS + " bytes");
            }
            try {
                return JsonStrokes.read(Files.readString(in, StandardCharsets.UTF_8));
            } catch (InkFormatException e) {
                throw new InkFormatException(in.toString(), e.problem(), e);
            }
        }
        return InkMlReader.read(in).ink();
    }

    private static Path siblingPng(Path in) {
        String name = in.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return in.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".png");
    }

    private int calibrate(RasterStyle style, PrintWriter out, PrintWriter err) {
        Path dir = mode.calibrationDir;
        if (!Files.isDirectory(dir.resolve("inkml")) || !Files.isDirectory(dir.resolve("img"))) {
            err.println("inkmath: " + dir + ": expected a folder with inkml/ and img/ (the CROHME 2014 test set)");
            return InkMath.EXIT_ERROR;
        }
        if (every < 1 || examples < 0) {
            err.println("inkmath: --every must be at least 1 and --examples at least 0");
            return 2;
        }
        ProgressBar[] progress = {null}; // made at the first report, which knows the total
        try {
            RasterCalibration.Result r = RasterCalibration.run(dir, style, every, (count, total) -> {
                if (progress[0] == null) {
                    progress[0] = new ProgressBar(err, "files", total, ProgressBar.onStandardError(ProgressBar.Display.LOG));
                }
                progress[0].step();
            });
            if (progress[0] != null) {
                progress[0].close();
            }
            out.printf(Locale.ROOT, "files compared:            %d%n", r.compared());
            out.printf(Locale.ROOT, "median height ratio:       %.3f%n", r.medianHeightRatio());
            out.printf(Locale.ROOT, "median width ratio:        %.3f%n", r.medianWidthRatio());
            out.printf(Locale.ROOT, "median IoU (1 px):         %.3f%n", r.medianIou());
            out.printf(Locale.ROOT, "median IoU (1 px, resized): %.3f%n", r.medianIouResized());
            r.failures().forEach((name, why) -> err.println("inkmath: left out " + name + ": " + why));
            if (examples > 0) {
                writePicture(dir, style);
                out.println("wrote " + picture);
            }
            return 0;
        } catch (IOException e) {
            err.println("inkmath: " + e.getMessage());
            return InkMath.EXIT_ERROR;
        }
    }

    /** Evenly spaced examples, ours beside the published image. */
    private void writePicture(Path dir, RasterStyle style) throws IOException {
        List<String> names = RasterCalibration.names(dir);
        List<GrayImage[]> pairs = new ArrayList<>();
        for (int i = 0; i < examples && i < names.size(); i++) {
            String name = names.get((int) ((long) i * names.size() / examples + names.size() / (2L * examples)));
            try {
                GrayImage ours = InkRasterizer.render(InkMlReader.read(dir.resolve("inkml").resolve(name + ".inkml")).ink(), style);
                pairs.add(new GrayImage[] {ours, RasterCalibration.readPublished(dir.resolve("img").resolve(name + ".png"))});
            } catch (InkFormatException e) {
                // a broken example is simply not shown; the figures above already report it
            }
        }
        if (!pairs.isEmpty()) {
            Path parent = picture.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            RasterCalibration.sideBySide(pairs).writePng(picture);
        }
    }
}
