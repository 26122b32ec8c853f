package org.inkmath.recognizer.train;

import java.util.List;
import java.util.SplittableRandom;
import org.inkmath.recognizer.image.GrayImage;
import org.inkmath.recognizer.image.ImageOps;
import org.inkmath.recognizer.image.InkRasterizer;
import org.inkmath.recognizer.image.RasterStyle;
import org.inkmath.recognizer.ink.Ink;
import org.inkmath.recognizer.ink.InkBounds;
import org.inkmath.recognizer.ink.InkPoint;

/**
 * Turns a {@link Sample} into the model's input image: augmentation draws, symbol swaps, ink
 * jitter, rendering and fitting into the model's size range. A model whose configuration has an input scale other
 * than 1 sees every sample at that scale times the draw's (ink drawn smaller, pictures resized),
 * as {@code Recognizer} resizes what it is given. Stateless and thread-safe. Example:
 * <pre>{@code
 * SamplePreparer prep = new SamplePreparer(RasterStyle.crohme(), Augmentation.comer());
 * SamplePreparer.Draw d = prep.draw(SamplePreparer.random(seed, epoch, index));
 * GrayImage input = prep.prepare(sample, d);
 * }</pre>
 */
public final class SamplePreparer {

    private final RasterStyle style;
    private final Augmentation augmentation;
    private final double inputScale;
    private final SymbolBank symbols;

    /** Samples at the scale of the style (a model whose input scale is 1). */
    public SamplePreparer(RasterStyle style, Augmentation augmentation) {
        this(style, augmentation, 1.0);
    }

    /** Samples for a model whose configuration has this {@code inputScale}, without symbol swaps. */
    public SamplePreparer(RasterStyle style, Augmentation augmentation, double inputScale) {
        this(style, augmentation, inputScale, SymbolBank.empty());
    }

    /** As above, swapping symbols for drawings of {@code symbols} when the augmentation asks for it. */
    public SamplePreparer(RasterStyle style, Augmentation augmentation, double inputScale, SymbolBank symbols) {
        if (!(inputScale > 0)) {
            throw new IllegalArgumentException("the input scale must be above 0: " + inputScale);
        }
        this.style = style;
        this.augmentation = augmentation;
        this.inputScale = inputScale;
        this.symbols = symbols;
    }

    /**
     * The preparer of a run's training samples: swaps draw from a {@link SymbolBank} of
     * {@code train} when the augmentation asks for swaps (building the bank is skipped otherwise).
     */
    public static SamplePreparer forTraining(RasterStyle style, Augmentation augmentation, double inputScale,
                                             List<Sample> train) {
        return new SamplePreparer(style, augmentation, inputScale,
                augmentation.symbolSwap() > 0 ? SymbolBank.of(train) : SymbolBank.empty());
    }

    /** One sample's random choices; {@code swapSeed} seeds its symbol swaps. */
    public record Draw(double scale, double rotationRad, double shear, double stretch, double widthFactor,
                       long swapSeed) {
        /** No change. */
        public static final Draw IDENTITY = new Draw(1, 0, 0, 1, 1);

        /** A draw whose swaps (if any) come from seed 0. */
        public Draw(double scale, double rotationRad, double shear, double stretch, double widthFactor) {
            this(scale, rotationRad, shear, stretch, widthFactor, 0);
        }
    }

    /** A generator for sample {@code index} in {@code epoch} of a run: the same triple, the same draws. */
    public static SplittableRandom random(long runSeed, int epoch, int index) {
        long h = runSeed * 0x9E3779B97F4A7C15L + epoch;
        h = mix(h) * 0x9E3779B97F4A7C15L + index;
        return new SplittableRandom(mix(h));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Draws this sample's augmentation (always the same number of draws, so streams stay aligned). */
    public Draw draw(SplittableRandom r) {
        Augmentation a = augmentation;
        double k = uniform(r, a.minScale(), a.maxScale());
        double rot = Math.toRadians(uniform(r, -a.maxRotationDeg(), a.maxRotationDeg()));
        double shear = uniform(r, -a.maxShear(), a.maxShear());
        double stretch = uniform(r, 1 - a.maxStretch(), 1 + a.maxStretch());
        double width = uniform(r, a.minWidthFactor(), a.maxWidthFactor());
        return new Draw(k, rot, shear, stretch, width, r.nextLong());
    }

    private static double uniform(SplittableRandom r, double lo, double hi) {
        double u = r.nextDouble();
        return lo == hi ? hi : lo + u * (hi - lo);
    }

    /** The model input for {@code sample} under {@code draw}: ink 255 on 0, within the model's range. */
    public GrayImage prepare(Sample sample, Draw drawn) {
        Draw draw = atInputScale(drawn);
        if (sample.source() instanceof Sample.InkSource ink) {
            Ink jittered = jitter(swapped(ink, draw), draw);
            return ImageOps.fitToModelRange(InkRasterizer.render(jittered, styleFor(draw)));
        }
        GrayImage image = ((Sample.ImageSource) sample.source()).image();
        GrayImage scaled = draw.scale() == 1 ? image : ImageOps.scale(image, draw.scale());
        return ImageOps.fitToModelRange(scaled);
    }

    /**
     * The {height, width} that {@link #prepare} will give, computed without drawing: exact for
     * images, within a pixel or two for ink (the batch builder re-checks the real sizes).
     */
    public int[] predictSize(Sample sample, Draw drawn) {
        Draw draw = atInputScale(drawn);
        if (sample.source() instanceof Sample.InkSource ink) {
            Ink jittered = jitter(swapped(ink, draw), draw);
            RasterStyle s = styleFor(draw);
            double f = InkRasterizer.pixelsPerUnit(jittered, s);
            InkBounds b = jittered.bounds();
            int w = (int) Math.round(b.width() * f + s.strokeWidth() - 1) + 2 * s.margin();
            int h = (int) Math.round(b.height() * f + s.strokeWidth() - 1) + 2 * s.margin();
            return ImageOps.modelRangeSize(Math.max(1, h), Math.max(1, w));
        }
        GrayImage image = ((Sample.ImageSource) sample.source()).image();
        int w = image.width(), h = image.height();
        if (draw.scale() != 1) {
            w = Math.max(1, (int) Math.round(w * draw.scale()));
            h = Math.max(1, (int) Math.round(h * draw.scale()));
        }
        return ImageOps.modelRangeSize(h, w);
    }

    private Draw atInputScale(Draw d) {
        return inputScale == 1 ? d
                : new Draw(d.scale() * inputScale, d.rotationRad(), d.shear(), d.stretch(), d.widthFactor(), d.swapSeed());
    }

    private Ink swapped(Sample.InkSource ink, Draw d) {
        return symbols.swap(ink, augmentation.symbolSwap(), new SplittableRandom(d.swapSeed()));
    }

    private RasterStyle styleFor(Draw d) {
        RasterStyle enlarged = style.enlarged(d.scale());
        return enlarged.withStrokeWidth(enlarged.strokeWidth() * d.widthFactor());
    }

    /** The ink under the draw's affine map (rotation, shear, stretch about the ink's centre). */
    static Ink jitter(Ink ink, Draw d) {
        if (d.rotationRad() == 0 && d.shear() == 0 && d.stretch() == 1) {
            return ink;
        }
        InkBounds b = ink.bounds();
        double cx = (b.minX() + b.maxX()) / 2, cy = (b.minY() + b.maxY()) / 2;
        double cos = Math.cos(d.rotationRad()), sin = Math.sin(d.rotationRad());
        // M = R * H * S: stretch y, shear x by y, then rotate
        double a = cos, bb = cos * d.shear() * d.stretch() - sin * d.stretch();
        double c = sin, dd = sin * d.shear() * d.stretch() + cos * d.stretch();
        return ink.map(p -> {
            double x = p.x() - cx, y = p.y() - cy;
            return new InkPoint(cx + a * x + bb * y, cy + c * x + dd * y, p.time());
        });
    }
}
