package org.notebookscheduler.domain.shared;

/**
 * The stable codes of every expected refusal. Clients match on {@link #code()}, so a code is never
 * renamed once published; the enum name and the code are the same text on purpose.
 */
public enum ErrorCode {
    FIELD_REQUIRED,
    FIELD_TOO_LONG,
    FIELD_OUT_OF_RANGE,
    PARAMETER_RESERVED,
    CRON_INVALID,
    CRON_NEVER_FIRES,
    SCHEDULE_END_BEFORE_START,
    SCHEDULE_HAS_NO_TASKS,
    TASK_NAME_DUPLICATE,
    TASK_UPSTREAM_UNKNOWN,
    TASK_DAG_CYCLE,
    TASK_TIMEOUT_TOO_LONG,
    ENTITY_ALREADY_SCHEDULED,
    ENTITY_NOT_FOUND,
    SCHEDULE_NAME_TAKEN,
    SCHEDULE_ONLINE,
    SCHEDULE_NOT_LINKED,
    SCHEDULE_NOT_FOUND,
    SCHEDULE_CONCURRENTLY_MODIFIED,
    RUN_NOT_FOUND,
    ACCESS_DENIED,
    CALLBACK_TOKEN_INVALID,
    NOTIFICATION_NOT_FOUND,
    NOTIFICATION_NOT_DEAD,
    PAGE_INVALID;

    public String code() {
        return name();
    }
}
