package org.inkmath.latex.render;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The file formats the renderer writes, chosen by a file's extension.
 *
 * <pre>{@code ImageFormat.fromFileName(Path.of("f.svg"))  // Optional[SVG]}</pre>
 */
public enum ImageFormat {
    PNG("png"),
    SVG("svg");

    private final String extension;

    ImageFormat(String extension) {
        this.extension = extension;
    }

    /** The extension without the dot, in lower case: {@code png}. */
    public String extension() {
        return extension;
    }

    /** The format named by the file's extension (any case), if it is one we write. */
    public static Optional<ImageFormat> fromFileName(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        String s = name.toString();
        int dot = s.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ext = s.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.extension.equals(ext)).findFirst();
    }

    /** The accepted extensions for messages: {@code ".png, .svg"}. */
    public static String acceptedExtensions() {
        return Arrays.stream(values()).map(f -> "." + f.extension).collect(Collectors.joining(", "));
    }
}
