package org.inkmath.recognizer.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.inkmath.recognizer.ink.Ink;
import org.inkmath.recognizer.ink.InkBounds;
import org.inkmath.recognizer.ink.InkPoint;
import org.inkmath.recognizer.ink.Stroke;

/**
 * The training set's handwritten symbols by label, so that a symbol of one expression can be
 * redrawn in another writer's hand ({@link Augmentation#symbolSwap()}). The compact model read half
 * of the training expressions right and a fifth of the test set's: it learns the 8,835 drawings
 * as wholes. A swap keeps the caption true (the label is the same) and multiplies the hands each
 * caption is seen in. Built from the samples whose ink
 * carries segmentation (CROHME's per-symbol trace groups); immutable and thread-safe. Example:
 * <pre>{@code
 * SymbolBank bank = SymbolBank.of(samples);
 * Ink mixed = bank.swap((Sample.InkSource) sample.source(), 0.3, new SplittableRandom(7));
 * }</pre>
 */
public final class SymbolBank {

    /** A dimension of a box under this fraction of the other is a line (a minus sign, a one): it takes the other's scale. */
    private static final double THIN = 0.2;
    /** A donor whose box needs one axis stretched more than this against the other is not used. */
    private static final double MAX_DISTORTION = 1.5;

    private final Map<String, List<Ink>> byLabel;

    private SymbolBank(Map<String, List<Ink>> byLabel) {
        this.byLabel = byLabel;
    }

    /** A bank with no symbols: swapping changes nothing. */
    public static SymbolBank empty() {
        return new SymbolBank(Map.of());
    }

    /** Every labelled symbol of the ink samples. */
    public static SymbolBank of(List<Sample> samples) {
        Map<String, List<Ink>> map = new LinkedHashMap<>();
        for (Sample s : samples) {
            if (s.source() instanceof Sample.InkSource src) {
                for (Sample.Symbol sym : src.symbols()) {
                    map.computeIfAbsent(sym.label(), k -> new ArrayList<>()).add(strokesOf(src.ink(), sym));
                }
            }
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        return new SymbolBank(Collections.unmodifiableMap(map));
    }

    /** How many labels have drawings. */
    public int labels() {
        return byLabel.size();
    }

    /** How many drawings the bank holds. */
    public int size() {
        return byLabel.values().stream().mapToInt(List::size).sum();
    }

    /** How many drawings of {@code label} the bank holds. */
    public int count(String label) {
        return byLabel.getOrDefault(label, List.of()).size();
    }

    /**
     * The ink with each of its symbols, with probability {@code probability}, replaced by another
     * drawing of the same label fitted into the symbol's box. Strokes no symbol names are kept, so
     * are symbols whose label the bank lacks or for which the drawn donor's shape would have to
     * be distorted by more than half. Strokes keep the ink's order, a donor's strokes standing in
     * for the first stroke of the symbol they replace. The same random state gives the same ink.
     */
    public Ink swap(Sample.InkSource source, double probability, SplittableRandom random) {
        if (probability <= 0 || byLabel.isEmpty() || source.symbols().isEmpty()) {
            return source.ink();
        }
        List<Stroke> strokes = source.ink().strokes();
        Map<Integer, List<Stroke>> replaced = new LinkedHashMap<>();
        Set<Integer> dropped = new HashSet<>();
        for (Sample.Symbol sym : source.symbols()) {
            // two draws per symbol whatever happens, so one symbol's outcome leaves the others' alone
            double u = random.nextDouble();
            long pick = random.nextLong();
            List<Ink> donors = byLabel.get(sym.label());
            if (u >= probability || donors == null || overlaps(sym, replaced.keySet(), dropped)) {
                continue;
            }
            Ink donor = donors.get((int) Math.floorMod(pick, (long) donors.size()));
            Ink fitted = fitted(donor, strokesOf(source.ink(), sym).bounds());
            if (fitted == null) {
                continue;
            }
            replaced.put(sym.strokes().get(0), fitted.strokes());
            dropped.addAll(sym.strokes().subList(1, sym.strokes().size()));
        }
        if (replaced.isEmpty()) {
            return source.ink();
        }
        List<Stroke> out = new ArrayList<>(strokes.size());
        for (int i = 0; i < strokes.size(); i++) {
            if (replaced.containsKey(i)) {
                out.addAll(replaced.get(i));
            } else if (!dropped.contains(i)) {
                out.add(strokes.get(i));
            }
        }
        return new Ink(out);
    }

    /** Whether a symbol shares a stroke with one already swapped (bad segmentation): then it is left as is. */
    private static boolean overlaps(Sample.Symbol sym, Set<Integer> firsts, Set<Integer> dropped) {
        for (int i : sym.strokes()) {
            if (firsts.contains(i) || dropped.contains(i)) {
                return true;
            }
        }
        return false;
    }

    private static Ink strokesOf(Ink ink, Sample.Symbol sym) {
        List<Stroke> s = new ArrayList<>(sym.strokes().size());
        for (int i : sym.strokes()) {
            s.add(ink.strokes().get(i));
        }
        return new Ink(s);
    }

    /**
     * The donor moved and scaled onto {@code box}: each axis by the ratio of the sizes, except
     * that a line-like dimension (of either box) follows the other axis; null where that would
     * stretch one axis more than {@link #MAX_DISTORTION} times the other, or a box is a point.
     */
    static Ink fitted(Ink donor, InkBounds box) {
        InkBounds d = donor.bounds();
        double bw = box.width(), bh = box.height(), dw = d.width(), dh = d.height();
        if (Math.max(bw, bh) <= 0 || Math.max(dw, dh) <= 0) {
            return null;
        }
        boolean thinX = bw < THIN * bh || dw < THIN * dh;
        boolean thinY = bh < THIN * bw || dh < THIN * dw;
        double sx, sy;
        if (thinY) {
            sx = bw / dw;
            sy = sx;
        } else if (thinX) {
            sy = bh / dh;
            sx = sy;
        } else {
            sx = bw / dw;
            sy = bh / dh;
        }
        if (!(Double.isFinite(sx) && Double.isFinite(sy) && sx > 0 && sy > 0) || Math.max(sx, sy) / Math.min(sx, sy) > MAX_DISTORTION) {
            return null;
        }
        double dcx = (d.minX() + d.maxX()) / 2, dcy = (d.minY() + d.maxY()) / 2;
        double bcx = (box.minX() + box.maxX()) / 2, bcy = (box.minY() + box.maxY()) / 2;
        return donor.map(p -> new InkPoint(bcx + (p.x() - dcx) * sx, bcy + (p.y() - dcy) * sy, p.time()));
    }
}
