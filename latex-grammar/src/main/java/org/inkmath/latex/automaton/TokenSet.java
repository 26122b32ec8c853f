package org.inkmath.latex.automaton;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * An immutable set of token ids of a vocabulary, kept as bits. The prefix automaton hands out
 * shared, precomputed instances, so asking for the allowed tokens allocates nothing.
 * Example: mask a decoder's scores with
 * {@code automaton.allowed(state).maskLogits(logits)}.
 */
public final class TokenSet {

    private final long[] words;
    private final int universe;
    private final int cardinality;
    private final int hash;

    private TokenSet(long[] words, int universe) {
        this.words = words;
        this.universe = universe;
        int count = 0;
        for (long w : words) {
            count += Long.bitCount(w);
        }
        this.cardinality = count;
        this.hash = 31 * Arrays.hashCode(words) + universe;
    }

    /** The ids in {@code 0..universe-1} that satisfy {@code member}. */
    static TokenSet of(int universe, IntPredicate member) {
        long[] words = new long[(universe + 63) / 64];
        for (int id = 0; id < universe; id++) {
            if (member.test(id)) {
                words[id >>> 6] |= 1L << id;
            }
        }
        return new TokenSet(words, universe);
    }

    /** Whether {@code id} is in the set; ids outside the vocabulary never are. */
    public boolean contains(int id) {
        return id >= 0 && id < universe && (words[id >>> 6] & (1L << id)) != 0;
    }

    /** How many ids the set holds. */
    public int size() {
        return cardinality;
    }

    public boolean isEmpty() {
        return cardinality == 0;
    }

    /** The size of the vocabulary the ids belong to. */
    public int universe() {
        return universe;
    }

    /** The smallest id {@code >= from} in the set, or -1: iterate without allocating. */
    public int nextId(int from) {
        if (from < 0) {
            from = 0;
        }
        int word = from >>> 6;
        if (word >= words.length) {
            return -1;
        }
        long bits = words[word] & (-1L << from);
        while (true) {
            if (bits != 0) {
                int id = word * 64 + Long.numberOfTrailingZeros(bits);
                return id < universe ? id : -1;
            }
            if (++word == words.length) {
                return -1;
            }
            bits = words[word];
        }
    }

    /** The ids, ascending. */
    public int[] ids() {
        int[] out = new int[cardinality];
        int k = 0;
        for (int id = nextId(0); id >= 0; id = nextId(id + 1)) {
            out[k++] = id;
        }
        return out;
    }

    /** Sets the score of every id outside the set to minus infinity; {@code logits} has one score per id. */
    public void maskLogits(float[] logits) {
        if (logits.length != universe) {
            throw new IllegalArgumentException("expected " + universe + " scores, got " + logits.length);
        }
        for (int w = 0; w < words.length; w++) {
            long missing = ~words[w];
            while (missing != 0) {
                int id = w * 64 + Long.numberOfTrailingZeros(missing);
                if (id >= universe) {
                    break;
                }
                logits[id] = Float.NEGATIVE_INFINITY;
                missing &= missing - 1;
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenSet other && other.universe == universe && Arrays.equals(other.words, words);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(ids());
    }
}
