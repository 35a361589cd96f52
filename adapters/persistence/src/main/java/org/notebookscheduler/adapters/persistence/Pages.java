package org.notebookscheduler.adapters.persistence;

import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** Between the application's pages (numbered from 1) and Spring Data's (from 0). */
public final class Pages {

    private Pages() {
    }

    public static Pageable of(PageRequest page, Sort sort) {
        return org.springframework.data.domain.PageRequest.of(page.page() - 1, page.size(), sort);
    }

    public static <T> Page<T> from(org.springframework.data.domain.Page<T> rows, PageRequest page) {
        return new Page<>(rows.getContent(), page.page(), page.size(), rows.getTotalElements());
    }
}
