package org.notebookscheduler.application.port.out;

import java.util.List;
import org.notebookscheduler.domain.execution.ExecutionResult;
import org.notebookscheduler.domain.schedule.ScheduleId;

public interface ExecutionStore {

    /**
     * Records an attempt; refused with {@code ATTEMPT_ALREADY_RECORDED} when that attempt of that task
     * in that run is recorded already, so that two racing callbacks cannot both write it.
     */
    void save(ExecutionResult result);

    /** Every recorded attempt of one task in one run, oldest attempt first. */
    List<ExecutionResult> findAttempts(ScheduleId scheduleId, String taskName, String runKey);

    /** Newest first. */
    Page<ExecutionResult> search(ExecutionQuery query, PageRequest page);
}
