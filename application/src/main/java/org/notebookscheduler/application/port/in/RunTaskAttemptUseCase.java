package org.notebookscheduler.application.port.in;

import java.util.Optional;
import org.notebookscheduler.domain.execution.ExecutionResult;
import org.notebookscheduler.domain.schedule.Schedule;

/**
 * Runs a task attempt an engine says is due, as the schedule's owner, and records the result, its
 * audit line and its notifications in one transaction. Every engine goes through here, so results,
 * audit and notifications are the same whichever engine fired the run.
 *
 * <p>The attempt's number is this run's count of the task's recorded attempts plus one. An attempt
 * of a task that already succeeded in this run is not run again: its success is answered as a
 * repeat. Two attempts of the same task and run at once are refused with
 * {@code ATTEMPT_IN_PROGRESS}; the one running is the one that counts.
 */
public interface RunTaskAttemptUseCase {

    Outcome run(TaskAttempt attempt);

    /**
     * As {@link #run(TaskAttempt)}, for a caller that has just read the attempt's schedule (the
     * callback, which needs it to check the credential): an implementation may use it instead of
     * reading it again.
     */
    default Outcome run(TaskAttempt attempt, Schedule schedule) {
        return run(attempt);
    }

    /**
     * @param repeated true when this run's task had already succeeded and was not run again
     * @param output   what the runner printed in this attempt (its last part), for the engine's task
     *                 log; empty for a repeat and for a runner that reports none
     */
    record Outcome(ExecutionResult result, boolean repeated, Optional<String> output) {

        public Outcome(ExecutionResult result, boolean repeated) {
            this(result, repeated, Optional.empty());
        }
    }
}
