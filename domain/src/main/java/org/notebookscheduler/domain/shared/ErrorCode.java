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
    /** The cron window (start to end) lies entirely in the past. */
    CRON_WINDOW_PAST,
    /** The cron fires more often than the configured minimum interval allows. */
    CRON_TOO_FREQUENT,
    /** A name or text holds characters that cannot be stored faithfully (lone surrogates, controls, invisible ones). */
    TEXT_INVALID,
    /** The schedule is larger than the scheduler can store (tasks, graph, definition size). */
    SCHEDULE_TOO_LARGE,
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
    /** The run is not in a state that allows this command (resume a running run, pause a stopping one). */
    RUN_STATE_CONFLICT,
    ACCESS_DENIED,
    /** No credentials, or credentials that name no user (the standalone app's own security). */
    AUTHENTICATION_REQUIRED,
    CALLBACK_TOKEN_INVALID,
    /** The callback names an entity, commit or task that the stored schedule does not hold. */
    CALLBACK_MISMATCH,
    /** The schedule is offline and no run was asked for, so no callback is expected. */
    CALLBACK_NOT_EXPECTED,
    NOTIFICATION_NOT_FOUND,
    NOTIFICATION_NOT_DEAD,
    /** This attempt of this task in this run is recorded already (two callbacks raced). */
    ATTEMPT_ALREADY_RECORDED,
    /** Another callback is running this very attempt right now; its result is the one that counts. */
    ATTEMPT_IN_PROGRESS,
    PAGE_INVALID,
    /** The request body is not readable: not JSON, the wrong shape, a value of the wrong type. */
    REQUEST_MALFORMED,
    REQUEST_TOO_LARGE,
    /** The request's headers are larger than the server accepts. */
    REQUEST_HEADERS_TOO_LARGE,
    /** No such endpoint, or not with this method or content type. */
    REQUEST_UNSUPPORTED,
    /** The remote scheduler refused the request; retrying will not help. */
    SCHEDULER_REFUSED,
    /** The remote scheduler could not be reached or failed; retrying may help. */
    SCHEDULER_UNAVAILABLE,
    /** The scheduled run itself failed; the callback answers with it so the scheduler retries. */
    RUN_FAILED,
    INTERNAL_ERROR;

    public String code() {
        return name();
    }
}
