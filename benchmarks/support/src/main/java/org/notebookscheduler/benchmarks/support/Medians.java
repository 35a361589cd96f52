package org.notebookscheduler.benchmarks.support;

import java.util.Collection;
import java.util.function.ToDoubleFunction;

/** The median every harness reports: of an even count, the mean of the middle two (of 2 rounds, not the higher). */
public final class Medians {

    private Medians() {
    }

    public static double of(Collection<Double> values) {
        return of(values, value -> value);
    }

    public static <T> double of(Collection<T> values, ToDoubleFunction<T> figure) {
        double[] sorted = values.stream().mapToDouble(figure).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no figures to take the median of");
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
