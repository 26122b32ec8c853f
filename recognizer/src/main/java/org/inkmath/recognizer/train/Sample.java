package org.inkmath.recognizer.train;

import org.inkmath.latex.CaptionFile;
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

    /** Online ink, rendered (with augmentation) for every epoch. */
    public record InkSource(Ink ink) implements Source {
        public InkSource {
            Objects.requireNonNull(ink, "ink");
        }
    }

    /** A ready image (ink 255 on 0), e.g. the published CROHME 2014 offline images. */
    public record ImageSource(GrayImage image) implements Source {
        public ImageSource {
            Objects.requireNonNull(image, "image");
        }
    }
}
