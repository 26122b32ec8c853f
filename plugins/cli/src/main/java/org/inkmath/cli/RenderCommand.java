package org.inkmath.cli;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.inkmath.latex.render.ImageFormat;
import org.inkmath.latex.render.LatexRenderer;
import org.inkmath.latex.render.RenderException;
import org.inkmath.latex.render.RenderOptions;
import org.inkmath.latex.render.RenderStyle;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code inkmath render LATEX -o FILE.png|FILE.svg}: draws a formula with
 * {@link LatexRenderer}. Exit 1 for LaTeX that cannot be rendered, 2 for bad usage (an output
 * that is neither .png nor .svg), 3 when the file cannot be written.
 *
 * <pre>{@code inkmath render '\frac{\partial f}{\partial x}' -o formula.png --size 40}</pre>
 */
@Command(name = "render",
        mixinStandardHelpOptions = true,
        description = {
            "Draws a LaTeX formula as a PNG or SVG image (with jlatexmath).",
            "The format follows the output's extension: .png or .svg. SVG glyphs are paths, so the file needs no fonts.",
        },
        footer = {
            "",
            "Examples:",
            "  inkmath render '\\frac{\\partial f}{\\partial x}' -o formula.png",
            "  inkmath render 'x _ { a } ^ { b }' -o x.svg --size 40 --background white",
            "",
            "Exit codes: 0 written, 1 the LaTeX cannot be rendered, 2 bad usage, 3 the file cannot be written.",
        })
public final class RenderCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LATEX",
            description = "The formula, in LaTeX math (no $ signs); quote it for the shell.")
    private String latex;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "The image to write: FILE.png or FILE.svg.")
    private Path output;

    @Option(names = "--size", paramLabel = "PT", defaultValue = "20",
            description = "Font size in points (1 point = 1 pixel in a PNG), " + "1 to 1000. Default: ${DEFAULT-VALUE}.")
    private double size;

    @Option(names = "--padding", paramLabel = "PX", defaultValue = "4",
            description = "Empty margin around the formula, in pixels, 0 to 1000. Default: ${DEFAULT-VALUE}.")
    private int padding;

    @Option(names = "--style", paramLabel = "STYLE", defaultValue = "DISPLAY",
            description = "TeX style: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    private RenderStyle style;

    @Option(names = "--background", paramLabel = "COLOUR", defaultValue = "transparent",
            description = "transparent, white, black or #RRGGBB. Default: ${DEFAULT-VALUE}.")
    private String background;

    @Override
    public Integer call() {
        ImageFormat format = ImageFormat.fromFileName(output).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "cannot tell the image format of '" + output + "': the output must end in "
                        + ImageFormat.acceptedExtensions()));
        RenderOptions options;
        try {
            options = RenderOptions.defaults().withSize(size).withPadding(padding).withStyle(style)
                    .withBackground(colour(background));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            new LatexRenderer(options).write(latex, output);
        } catch (RenderException e) {
            spec.commandLine().getErr().println("inkmath: cannot render the formula: " + e.getMessage());
            return InkMath.EXIT_INVALID;
        } catch (IOException e) {
            spec.commandLine().getErr().println("inkmath: cannot write " + output + ": " + describe(e));
            return InkMath.EXIT_ERROR;
        }
        spec.commandLine().getOut().println("wrote " + output + " (" + format.extension().toUpperCase(Locale.ROOT) + ")");
        return 0;
    }

    private static Color colour(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "transparent" -> RenderOptions.TRANSPARENT;
            case "white" -> Color.WHITE;
            case "black" -> Color.BLACK;
            default -> {
                if (!n.matches("#[0-9a-f]{6}")) {
                    throw new IllegalArgumentException("unknown colour '" + name + "': use transparent, white, black or #RRGGBB");
                }
                yield new Color(Integer.parseInt(n.substring(1), 16));
            }
        };
    }

    /** The reason an I/O failure happened, in words. */
    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "its folder does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
