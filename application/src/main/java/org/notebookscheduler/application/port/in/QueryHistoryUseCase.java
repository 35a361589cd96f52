package org.notebookscheduler.application.port.in;

import org.notebookscheduler.application.port.out.ExecutionQuery;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.execution.ExecutionResult;
import org.notebookscheduler.domain.schedule.ScheduleId;

/** What ran and what changed. A user sees their own history; an admin sees everyone's. */
public interface QueryHistoryUseCase {

    /** Newest first. */
    Page<ExecutionResult> executions(ExecutionQuery query, PageRequest page);

    /** Oldest first; still answers after the schedule is deleted. */
    Page<ScheduleEvent> auditTrail(ScheduleId scheduleId, PageRequest page);
}
