package org.notebookscheduler.application.port.in;

import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.domain.run.Run;
import org.notebookscheduler.domain.run.RunCommand;
import org.notebookscheduler.domain.run.RunDetail;
import org.notebookscheduler.domain.run.RunId;
import org.notebookscheduler.domain.schedule.ScheduleId;

/** Watch and steer the runs of a schedule. */
public interface ControlRunUseCase {

    Page<Run> runs(ScheduleId scheduleId, PageRequest page);

    RunDetail run(ScheduleId scheduleId, RunId runId);

    String taskLog(ScheduleId scheduleId, RunId runId, String taskRunId);

    /** Pause, stop, resume, rerun the failed tasks, or repeat; the command is audited. */
    void command(ScheduleId scheduleId, RunId runId, RunCommand command);
}
