package org.notebookscheduler.application.port.in;

import java.util.Objects;
import org.notebookscheduler.domain.schedule.ScheduleDefinition;
import org.notebookscheduler.domain.schedule.ScheduleId;

/**
 * @param expectedVersion the version the editor last read, to refuse an edit made on stale data;
 *                        null to skip that check
 */
public record UpdateSchedule(ScheduleId id, ScheduleDefinition definition, Long expectedVersion) {

    public UpdateSchedule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(definition, "definition");
    }
}
