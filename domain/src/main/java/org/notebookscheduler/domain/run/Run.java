package org.notebookscheduler.domain.run;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a schedule.
 *
 * @param scheduledFor the fire time that started it; empty for a run started by hand
 */
public record Run(RunId id, RunState state, Optional<Instant> scheduledFor, Optional<Instant> startedAt,
        Optional<Instant> endedAt) {

    public Run {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        scheduledFor = scheduledFor == null ? Optional.empty() : scheduledFor;
        startedAt = startedAt == null ? Optional.empty() : startedAt;
        endedAt = endedAt == null ? Optional.empty() : endedAt;
    }
}
