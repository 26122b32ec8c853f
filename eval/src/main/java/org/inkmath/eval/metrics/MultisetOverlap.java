package org.inkmath.eval.metrics;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How many elements two multisets share: the sum over distinct elements of the smaller count.
 * The numerator of multiset precision and recall.
 *
 * <pre>{@code
 * MultisetOverlap.count(List.of("x", "x", "y"), List.of("x", "y", "y", "z"));  // 2
 * }</pre>
 */
public final class MultisetOverlap {

    private MultisetOverlap() {
    }

    /** The number of elements of {@code a} that can be paired with equal elements of {@code b}. */
    public static <T> int count(Collection<T> a, Collection<T> b) {
        Map<T, Integer> remaining = new HashMap<>();
        for (T t : b) {
            remaining.merge(t, 1, Integer::sum);
        }
        int shared = 0;
        for (T t : a) {
            Integer left = remaining.get(t);
            if (left != null && left > 0) {
                remaining.put(t, left - 1);
                shared++;
            }
        }
        return shared;
    }
}
