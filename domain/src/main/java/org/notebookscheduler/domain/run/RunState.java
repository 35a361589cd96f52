package org.notebookscheduler.domain.run;

/** Where a run or one of its tasks stands, in the notebook user's words. */
public enum RunState {
    SUBMITTED,
    WAITING,
    RUNNING,
    PAUSING,
    PAUSED,
    STOPPING,
    STOPPED,
    SUCCEEDED,
    FAILED,
    KILLED,
    NEEDS_FAULT_TOLERANCE;

    public boolean finished() {
        return switch (this) {
            case SUCCEEDED, FAILED, KILLED, STOPPED, PAUSED, NEEDS_FAULT_TOLERANCE -> true;
            default -> false;
        };
    }

    public boolean failed() {
        return this == FAILED || this == NEEDS_FAULT_TOLERANCE;
    }
}
