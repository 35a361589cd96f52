package org.notebookscheduler.adapters.embedded;

import java.time.Instant;
import org.notebookscheduler.domain.run.RunState;

/** Where a run writes down its task attempts as they start and end. */
interface RunJournal {

    /** @return the attempt's id (its task run id) */
    String attemptStarted(String taskName, int attempt, Instant at);

    /**
     * @param state  SUCCEEDED, FAILED or KILLED
     * @param note   why it ended so (a timeout, a stop), or null
     * @param output what the runner printed (its last part), or null
     */
    void attemptEnded(String taskRunId, RunState state, Instant at, String note, String output);

    default void attemptEnded(String taskRunId, RunState state, Instant at, String note) {
        attemptEnded(taskRunId, state, at, note, null);
    }
}
