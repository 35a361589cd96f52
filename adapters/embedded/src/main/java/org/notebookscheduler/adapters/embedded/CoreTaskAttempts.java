package org.notebookscheduler.adapters.embedded;

import java.util.Map;
import java.util.Optional;
import org.notebookscheduler.application.port.in.RunTaskAttemptUseCase;
import org.notebookscheduler.application.port.in.TaskAttempt;
import org.notebookscheduler.domain.execution.ExecutionResult;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.schedule.ScheduledTask;

/**
 * The attempts of one embedded run, handed to the core as {@link TaskAttempt}s: the same use case
 * a DolphinScheduler callback ends in, so results, audit lines and notifications (start notice,
 * long-run warning) are the same on both engines.
 *
 * @param runKey         what makes this one run for the core: the run's id and how many times it
 *                       has been started (a repeat, or a rerun of its failed tasks, is a new key)
 * @param timeParameters the run's time values, the same for each of its tasks
 */
record CoreTaskAttempts(RunTaskAttemptUseCase core, ScheduleId scheduleId, String runId, String runKey,
        Map<String, String> timeParameters) implements TaskAttempts {

    @Override
    public Outcome run(ScheduledTask task, String taskRunId, int attempt) {
        RunTaskAttemptUseCase.Outcome ran = core.run(new TaskAttempt(scheduleId, task.name(), runKey,
                Optional.of(new TaskAttempt.EngineRun(runId, taskRunId)), Optional.of(task.timeout()),
                timeParameters));
        ExecutionResult result = ran.result();
        String output = ran.output().orElse(null);
        if (result.failed()) {
            return new Outcome(false, result.errorMessage().orElse("failed without a reason"), output);
        }
        return new Outcome(true, "ran as " + result.executedBy() + " (execution " + result.id() + ", attempt "
                + result.attempt() + ")", output);
    }
}
