package org.inkmath.latex.render;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.scilab.forge.jlatexmath.SymbolAtom;

/**
 * Keeps one formula's layout from changing the next one's. jlatexmath 1.0.7 shares one
 * {@link SymbolAtom} per symbol between all formulas, and its parser writes to it: a group
 * holding a single symbol ({@code x{\sum}}, {@code x{+}y}) sets that shared atom's type, so every
 * later {@code \sum} in the JVM lost its limits and every {@code +} its spacing. Layouts
 * therefore run one at a time, and the types of the shared atoms are put back after each.
 */
final class SharedSymbols {

    private static final Object LOCK = new Object();
    private static final Map<SymbolAtom, int[]> PRISTINE = snapshot();

    private SharedSymbols() {
    }

    /** Runs a jlatexmath parse and layout alone, and undoes what it wrote to the shared atoms. */
    static <T> T isolated(Supplier<T> layout) {
        synchronized (LOCK) {
            try {
                return layout.get();
            } finally {
                PRISTINE.forEach((atom, types) -> {
                    atom.type = types[0];
                    atom.type_limits = types[1];
                });
            }
        }
    }

    private static Map<SymbolAtom, int[]> snapshot() {
        Map<SymbolAtom, int[]> types = new HashMap<>();
        for (SymbolAtom atom : SymbolAtom.symbols.values()) {
            types.put(atom, new int[] {atom.type, atom.type_limits});
        }
        return types;
    }
}
