package org.notebookscheduler.adapters.embedded;

import org.notebookscheduler.application.port.out.EngineException;
import org.notebookscheduler.application.port.out.EngineRuns;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.port.out.ScheduleStore;
import org.notebookscheduler.domain.run.Run;
import org.notebookscheduler.domain.run.RunCommand;
import org.notebookscheduler.domain.run.RunDetail;
import org.notebookscheduler.domain.run.RunId;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleId;

/** The embedded engine's runs, as stored by any instance, and the commands that steer them. */
final class EmbeddedRuns implements EngineRuns {

    private final RunStore store;
    private final RunLauncher launcher;
    private final ScheduleStore schedules;

    EmbeddedRuns(RunStore store, RunLauncher launcher, ScheduleStore schedules) {
        this.store = store;
        this.launcher = launcher;
        this.schedules = schedules;
    }

    @Override
    public Page<Run> page(RemoteRef ref, PageRequest page) {
        return store.page(scheduleOf(ref), page);
    }

    @Override
    public RunDetail detail(RemoteRef ref, RunId runId) {
        return store.detail(scheduleOf(ref), runId).orElseThrow(() -> new EngineException(
                EngineException.Kind.NOT_FOUND, "run", "run " + runId + " is not one of this schedule's runs"));
    }

    @Override
    public String taskLog(RemoteRef ref, RunId runId, String taskRunId) {
        detail(ref, runId);
        return store.taskLog(runId, taskRunId).orElseThrow(() -> new EngineException(EngineException.Kind.NOT_FOUND,
                "taskLog", "task run " + taskRunId + " is not part of run " + runId));
    }

    @Override
    public void command(RemoteRef ref, RunId runId, RunCommand command) {
        detail(ref, runId);
        Schedule schedule = schedules.findById(scheduleOf(ref)).orElseThrow(() -> new EngineException(
                EngineException.Kind.NOT_FOUND, "command", "the schedule of run " + runId + " is gone"));
        launcher.command(schedule, runId, command);
    }

    private static ScheduleId scheduleOf(RemoteRef ref) {
        return ScheduleId.of(ref.definitionId());
    }
}
