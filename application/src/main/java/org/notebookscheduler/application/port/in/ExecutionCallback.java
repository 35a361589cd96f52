package org.notebookscheduler.application.port.in;

import java.util.Map;

/**
 * What the scheduler's task sends when it is time to run an entity, as sent: every value is text,
 * and nothing is checked until the token has been (so a caller without the token learns nothing).
 *
 * @param token      the task's callback credential as presented
 * @param scheduleId the schedule the task belongs to, as its definition in the scheduler says
 * @param taskName   the task's name in that schedule
 * @param entityType {@code notebook} or {@code workflow}
 * @param commitId   the commit the task was registered with; null when none
 * @param timeout    the run's timeout in seconds, as text; null when none
 * @param runKey     identifies the run (its fire time on a scheduled run); null when unknown, which
 *                   makes every callback a run of its own
 * @param parameters user and time parameters to hand to the run
 */
public record ExecutionCallback(String token, String scheduleId, String taskName, String entityType,
        String entityId, String commitId, String timeout, String runKey, Map<String, String> parameters) {

    /** Field names as the callback body carries them, so that a refusal names what the caller sent. */
    public static final String TOKEN = "token";
    public static final String SCHEDULE_ID = "schedule_id";
    public static final String TASK_NAME = "task_name";
    public static final String ENTITY_TYPE = "entity_type";
    public static final String ENTITY_ID = "entity_id";
    public static final String COMMIT_ID = "commit_id";
    public static final String TIMEOUT = "timeout";
    public static final String RUN_KEY = "run_key";

    public ExecutionCallback {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
