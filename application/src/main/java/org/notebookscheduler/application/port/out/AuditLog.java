package org.notebookscheduler.application.port.out;

import java.util.Optional;
import java.util.Set;
import org.notebookscheduler.domain.audit.ScheduleEventType;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.schedule.ScheduleId;

/** The audit trail; appended in the same transaction as the change it records, never rewritten. */
public interface AuditLog {

    void append(ScheduleEvent event);

    /** Oldest first. */
    Page<ScheduleEvent> history(ScheduleId scheduleId, PageRequest page);

    /** The newest event of the schedule that has one of these types. */
    Optional<ScheduleEvent> latest(ScheduleId scheduleId, Set<ScheduleEventType> types);
}
