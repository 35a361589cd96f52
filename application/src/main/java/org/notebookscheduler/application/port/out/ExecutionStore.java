package org.notebookscheduler.application.port.out;

import java.util.List;
import org.notebookscheduler.domain.execution.ExecutionResult;
import org.notebookscheduler.domain.schedule.ScheduleId;

public interface ExecutionStore {

    void save(ExecutionResult result);

    /** Every recorded attempt of one task in one run, oldest attempt first. */
    List<ExecutionResult> findAttempts(ScheduleId scheduleId, String taskName, String runKey);

    /** Newest first. */
    Page<ExecutionResult> search(ExecutionQuery query, PageRequest page);
}
