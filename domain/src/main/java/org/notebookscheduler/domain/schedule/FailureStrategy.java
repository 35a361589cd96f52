package org.notebookscheduler.domain.schedule;

/** What happens to the parallel tasks of a run when one task fails. */
public enum FailureStrategy {
    /** Keep running the branches that do not depend on the failed task. */
    CONTINUE,
    /** Stop every running task and end the run. */
    END
}
