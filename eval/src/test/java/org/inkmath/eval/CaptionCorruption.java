package org.inkmath.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.inkmath.latex.TokenSequence;

/**
 * A deterministic corruption of captions whose figures are known in advance. Caption i (in
 * order) becomes: for i mod 5 = 0 or 4, itself; 1, no prediction; 2, itself with a symbol
 * {@code x} appended (valid, one edit, layout wrong); 3, itself with a {@code \}} appended
 * (invalid, one edit).
 *
 * @param predictions the corrupted captions, name to tokens
 * @param byKind      how many captions got each treatment, by i mod 5
 */
record CaptionCorruption(Map<String, TokenSequence> predictions, int[] byKind) {

    static CaptionCorruption of(Map<String, TokenSequence> captions) {
        Map<String, TokenSequence> corrupted = new LinkedHashMap<>();
        int[] byKind = new int[5];
        int i = 0;
        for (Map.Entry<String, TokenSequence> e : captions.entrySet()) {
            int kind = i++ % 5;
            byKind[kind]++;
            List<String> tokens = new ArrayList<>(e.getValue().tokens());
            switch (kind) {
                case 1 -> {
                    continue;
                }
                case 2 -> tokens.add("x");
                case 3 -> tokens.add("}");
                default -> { }
            }
            corrupted.put(e.getKey(), new TokenSequence(tokens));
        }
        return new CaptionCorruption(corrupted, byKind);
    }
}
