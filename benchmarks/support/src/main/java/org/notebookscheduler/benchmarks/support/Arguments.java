package org.notebookscheduler.benchmarks.support;

import java.util.Arrays;
import java.util.List;

/** A harness's positional arguments, each with the default it takes when left out. */
public final class Arguments {

    private final String[] values;

    private Arguments(String[] values) {
        this.values = values.clone();
    }

    public static Arguments of(String[] values) {
        return new Arguments(values);
    }

    public String text(int position, String fallback) {
        return values.length > position ? values[position] : fallback;
    }

    public int number(int position, int fallback) {
        return values.length > position ? Integer.parseInt(values[position]) : fallback;
    }

    public double decimal(int position, double fallback) {
        return values.length > position ? Double.parseDouble(values[position]) : fallback;
    }

    /** A comma-separated list of whole numbers, such as concurrencies {@code 1,4,16}. */
    public int[] numbers(int position, String fallback) {
        return Arrays.stream(text(position, fallback).split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /** Every argument from {@code position} on. */
    public List<String> from(int position) {
        return values.length > position ? List.of(values).subList(position, values.length) : List.of();
    }
}
