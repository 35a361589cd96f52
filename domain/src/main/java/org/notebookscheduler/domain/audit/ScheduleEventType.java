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
    DRIFT_FOUND,
    DELETED
}
