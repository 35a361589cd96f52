package org.notebookscheduler.application.port.out;

import java.time.Instant;
import org.notebookscheduler.domain.execution.ExecutionStatus;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.schedule.ScheduleId;

/** A filter over execution history; every field is optional (null matches all). */
public record ExecutionQuery(ScheduleId scheduleId, EntityType entityType, String entityId, String owner,
        ExecutionStatus status, Instant from, Instant to) {

    public static ExecutionQuery all() {
        return new ExecutionQuery(null, null, null, null, null, null, null);
    }

    public static ExecutionQuery ofSchedule(ScheduleId scheduleId) {
        return new ExecutionQuery(scheduleId, null, null, null, null, null, null);
    }

    public ExecutionQuery ownedBy(String onlyOwner) {
        return new ExecutionQuery(scheduleId, entityType, entityId, onlyOwner, status, from, to);
    }
}
