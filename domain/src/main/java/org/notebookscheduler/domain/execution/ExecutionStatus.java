package org.notebookscheduler.domain.execution;

/** How one run of one task ended. */
public enum ExecutionStatus {
    SUCCEEDED("succeed"),
    FAILED("failed");

    private final String label;

    ExecutionStatus(String label) {
        this.label = label;
    }

    /** The word the notification shows, as the reference product words it. */
    public String label() {
        return label;
    }
}
