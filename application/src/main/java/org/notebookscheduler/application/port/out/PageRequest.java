package org.notebookscheduler.application.port.out;

import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/** A page of a listing, numbered from 1 as people count pages. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 500;
    /** How deep a listing can be paged: past this many rows, filter instead (and no offset overflows). */
    public static final long MAX_OFFSET = 10_000_000;

    public PageRequest {
        if (page < 1) {
            throw new RefusedException(ErrorCode.PAGE_INVALID, "page", "page must be at least 1, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new RefusedException(ErrorCode.PAGE_INVALID, "size",
                    "size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        if ((long) (page - 1) * size > MAX_OFFSET) {
            throw new RefusedException(ErrorCode.PAGE_INVALID, "page", "page " + page + " of size " + size
                    + " starts past row " + MAX_OFFSET + ", the deepest a listing is paged; narrow it with filters");
        }
    }

    public static PageRequest first(int size) {
        return new PageRequest(1, size);
    }

    public long offset() {
        return (long) (page - 1) * size;
    }
}
