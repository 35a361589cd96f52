package org.notebookscheduler.application.port.out;

import java.util.List;
import java.util.function.Function;

/** One page of a listing and how many items the whole listing holds. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> of(List<T> all, PageRequest request) {
        int from = (int) Math.min(all.size(), request.offset());
        int to = Math.min(all.size(), from + request.size());
        return new Page<>(all.subList(from, to), request.page(), request.size(), all.size());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
