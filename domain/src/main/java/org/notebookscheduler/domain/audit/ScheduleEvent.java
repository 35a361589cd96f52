package org.notebookscheduler.domain.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.notebookscheduler.domain.schedule.ScheduleId;

/**
 * One line of a schedule's audit trail: who did what, when, and which fields changed.
 *
 * @param detail free text for events that change no field (a run command, a replay)
 */
public record ScheduleEvent(ScheduleId scheduleId, ScheduleEventType type, String actor, Instant at,
        List<FieldChange> changes, String detail) {

    public ScheduleEvent {
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public static ScheduleEvent of(ScheduleId scheduleId, ScheduleEventType type, String actor, Instant at,
            String detail) {
        return new ScheduleEvent(scheduleId, type, actor, at, List.of(), detail);
    }
}
