package org.notebookscheduler.adapters.web;

import java.util.List;
import java.util.function.Function;
import org.notebookscheduler.application.port.out.Page;

/** One page of a listing: pages count from 1; {@code total} is the size of the whole listing. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> mapper) {
        return new PageResponse<>(page.items().stream().map(mapper).toList(), page.page(), page.size(), page.total());
    }
}
