package org.notebookscheduler.domain.schedule;

import org.notebookscheduler.domain.shared.Check;

/**
 * How the scheduler runs a schedule: the seed's warning type, warning group, failure strategy,
 * instance priority and worker group.
 */
public record RunSettings(WarningType warningType, long warningGroupId, FailureStrategy failureStrategy,
        Priority priority, String workerGroup) {

    /** The longest worker group name the scheduler stores. */
    public static final int MAX_WORKER_GROUP_LENGTH = 64;

    public RunSettings {
        Check.required(warningType, "runSettings.warningType");
        Check.range(warningGroupId, 0, Integer.MAX_VALUE, "runSettings.warningGroupId");
        Check.required(failureStrategy, "runSettings.failureStrategy");
        Check.required(priority, "runSettings.priority");
        workerGroup = Check.text(workerGroup, "runSettings.workerGroup", MAX_WORKER_GROUP_LENGTH);
    }

    /** The seed's defaults: ALL, group 1, END, MEDIUM, worker group {@code default}. */
    public static RunSettings defaults() {
        return new RunSettings(WarningType.ALL, 1, FailureStrategy.END, Priority.MEDIUM, "default");
    }
}
