package org.notebookscheduler.domain.run;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One attempt of a task within a run; {@code id} is what its log is fetched by. A task retried
 * inside the run has one of these per attempt: {@code retries} is how many attempts came before
 * this one, and {@code latest} marks the attempt that counts.
 */
public record TaskRun(String id, String taskName, RunState state, Optional<Instant> startedAt,
        Optional<Instant> endedAt, int retries, boolean latest) {

    /** The only attempt, or the latest one. */
    public TaskRun(String id, String taskName, RunState state, Optional<Instant> startedAt,
            Optional<Instant> endedAt, int retries) {
        this(id, taskName, state, startedAt, endedAt, retries, true);
    }

    /** 1 for the first attempt. */
    public int attempt() {
        return retries + 1;
    }

    public TaskRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(taskName, "taskName");
        Objects.requireNonNull(state, "state");
        startedAt = startedAt == null ? Optional.empty() : startedAt;
        endedAt = endedAt == null ? Optional.empty() : endedAt;
    }
}
