package org.notebookscheduler.domain.audit;

/** What happened to a schedule, as its audit trail says it. */
public enum ScheduleEventType {
    CREATED,
    UPDATED,
    LINKED,
    ONLINE,
    OFFLINE,
    RUN_REQUESTED,
    RUN_COMMANDED,
    EXECUTION_RECORDED,
    NOTIFICATION_REPLAYED,
    NOTIFICATION_DEAD,
    /** The remote scheduler holds something other than the local store says. */
    DRIFT_FOUND,
    /** The remote scheduler was brought back in line with the local store. */
    DRIFT_REPAIRED,
    DELETED
}
