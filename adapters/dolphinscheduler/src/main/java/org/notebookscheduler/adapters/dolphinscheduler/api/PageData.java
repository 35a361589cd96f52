package org.notebookscheduler.adapters.dolphinscheduler.api;

import java.util.List;

/**
 * A paged {@code data}. {@code totalPage} is at least 1 even for an empty result, and the server
 * returns at most 500 rows a page whatever {@code pageSize} said.
 */
public record PageData<T>(List<T> totalList, int total, int currentPage, int totalPage) {

    public PageData {
        totalList = totalList == null ? List.of() : List.copyOf(totalList);
    }
}
