package org.notebookscheduler.domain.run;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One task within a run; {@code id} is what its log is fetched by. */
public record TaskRun(String id, String taskName, RunState state, Optional<Instant> startedAt,
        Optional<Instant> endedAt, int retries) {

    public TaskRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(taskName, "taskName");
        Objects.requireNonNull(state, "state");
        startedAt = startedAt == null ? Optional.empty() : startedAt;
        endedAt = endedAt == null ? Optional.empty() : endedAt;
    }
}
