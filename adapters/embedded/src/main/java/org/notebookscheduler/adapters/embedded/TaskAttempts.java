package org.notebookscheduler.adapters.embedded;

import org.notebookscheduler.domain.schedule.ScheduledTask;

/**
 * Runs one attempt of a task of a run: in the engine, the core's task-attempt use case, so that
 * results, audit and notifications are the same as with any other engine. Blocks until the attempt
 * ends; an interrupt asks it to stop.
 */
@FunctionalInterface
interface TaskAttempts {

    /**
     * @param taskRunId the attempt's id in the run journal (its log is found by it)
     * @param attempt   1 for the first attempt of the task in this run
     * @return how the attempt ended; an exception is a failed attempt
     */
    Outcome run(ScheduledTask task, String taskRunId, int attempt) throws Exception;

    /**
     * @param note   what the attempt's log says of it: the runner's error, or who ran it; null for nothing
     * @param output what the runner printed (its last part); null when it printed nothing
     */
    record Outcome(boolean succeeded, String note, String output) {

        Outcome(boolean succeeded, String note) {
            this(succeeded, note, null);
        }

        static Outcome of(boolean succeeded) {
            return new Outcome(succeeded, null);
        }
    }
}
