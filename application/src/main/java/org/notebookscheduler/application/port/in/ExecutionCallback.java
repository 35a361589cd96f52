package org.notebookscheduler.application.port.in;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.notebookscheduler.domain.schedule.EntityType;

/**
 * What the scheduler's task sends when it is time to run an entity.
 *
 * @param token            the callback token as presented; checked before anything else
 * @param commitId         the commit the task was registered with; null when none
 * @param requestedTimeout the timeout the task carries; null when none
 * @param runKey           identifies the run (its fire time on a scheduled run); null when unknown,
 *                         which makes every callback a run of its own
 * @param parameters       user and time parameters to hand to the run
 */
public record ExecutionCallback(String token, EntityType entityType, String entityId, String commitId,
        Duration requestedTimeout, String runKey, Map<String, String> parameters) {

    public ExecutionCallback {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
