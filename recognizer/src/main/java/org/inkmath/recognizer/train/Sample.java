package org.inkmath.recognizer.train;

import org.inkmath.latex.CaptionFile;
import java.util.List;
import java.util.Objects;
import org.inkmath.latex.TokenSequence;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.ink.Ink;

/**
 * One training or evaluation example: ink or an image, and its caption. Example:
 * {@code new Sample("18_em_0", new Sample.InkSource(ink), CaptionFile.tokens("x ^ { 2 }"))}.
 */
public record Sample(String name, Source source, TokenSequence caption) {

    public Sample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(caption, "caption");
    }

    /** Where the picture comes from. */
    public sealed interface Source permits InkSource, ImageSource {
    }

    /**
     * Online ink, rendered (with augmentation) for every epoch, and where the file segments it,
     * its symbols (for {@link SymbolBank}'s swaps).
     */
    public record InkSource(Ink ink, List<Symbol> symbols) implements Source {
        public InkSource {
            Objects.requireNonNull(ink, "ink");
            symbols = List.copyOf(symbols);
            for (Symbol s : symbols) {
                for (int i : s.strokes()) {
                    if (i < 0 || i >= ink.strokeCount()) {
                        throw new IllegalArgumentException("symbol " + s.label() + " names stroke " + i + " of "
                                + ink.strokeCount());
                    }
                }
            }
        }

        /** Ink without segmentation. */
        public InkSource(Ink ink) {
            this(ink, List.of());
        }
    }

    /** One handwritten symbol of an ink: its label (e.g. {@code \sigma}) and the strokes that draw it. */
    public record Symbol(String label, List<Integer> strokes) {
        public Symbol {
            Objects.requireNonNull(label, "label");
            strokes = List.copyOf(strokes);
            if (strokes.isEmpty()) {
                throw new IllegalArgumentException("symbol " + label + " has no strokes");
            }
        }
    }

    /** A ready image (ink 255 on 0), e.g. the published CROHME 2014 offline images. */
    public record ImageSource(GrayImage image) implements Source {
        public ImageSource {
            Objects.requireNonNull(image, "image");
        }
    }
}
