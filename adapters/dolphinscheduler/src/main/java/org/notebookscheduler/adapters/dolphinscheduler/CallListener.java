package org.notebookscheduler.adapters.dolphinscheduler;

import java.time.Duration;

/**
 * Told of every call to DolphinScheduler's API, for metrics: which call ({@code projects/list-paging},
 * {@code process/save}…), how it ended, how long it took, and whether it was a retry.
 */
@FunctionalInterface
public interface CallListener {

    CallListener NONE = (call, outcome, took, retry) -> { };

    enum Outcome {
        /** the envelope's code was 0 */
        SUCCESS,
        /** DolphinScheduler answered and refused (a non-zero code, a 4xx, a 401) */
        REFUSED,
        /** no usable answer: unreachable, a timeout, a 5xx, an unreadable body */
        UNAVAILABLE
    }

    void called(String call, Outcome outcome, Duration took, boolean retry);
}
