package org.notebookscheduler.application.port.out;

import java.util.Optional;
import org.notebookscheduler.domain.schedule.Schedule;

/**
 * For an engine whose tasks call back over HTTP (DolphinScheduler): which of its runs a callback
 * comes from, so that retries inside one run count as attempts of it and a repeat is a run of its
 * own. An engine that hands attempts over directly knows the run already and answers nothing.
 */
@FunctionalInterface
public interface CallerRuns {

    /** For engines that never call back: the callback keys the run by what it sent. */
    CallerRuns NONE = (schedule, taskName, sentRunKey) -> Optional.empty();

    /**
     * The running instance of the schedule whose task of that name is running now. Empty when the
     * engine cannot tell (or cannot be asked).
     *
     * @param sentRunKey the run key the callback carried (a scheduled run's fire time), a hint
     */
    Optional<CallerRun> callerRun(Schedule schedule, String taskName, String sentRunKey);

    /**
     * @param runId     the engine's run (DolphinScheduler's process instance)
     * @param runKey    what makes it one run: the same for the retries of a task inside that run, new
     *                  when the run is repeated or its failed tasks are rerun
     * @param taskRunId the task's run within it (its task instance), whose log this attempt writes
     */
    record CallerRun(String runId, String runKey, String taskRunId) {
    }
}
