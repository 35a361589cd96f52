package org.notebookscheduler.application.port.out;

import java.util.Objects;
import org.notebookscheduler.domain.schedule.RemoteRef;

/**
 * One engine that fires schedules and runs their tasks (DolphinScheduler 1.3.9, or the embedded
 * one), as the roles the services need of it, and its health for operators. Each engine is an
 * adapter that provides them all.
 *
 * @param name the name its schedules record in {@link RemoteRef#scheduler()}, by which they are
 *             routed back to it
 */
public record Engine(String name, EngineLifecycle lifecycle, EngineRuns runs, EngineDrift drift,
        CallerRuns callerRuns, EngineHealth health) {

    public Engine {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(drift, "drift");
        Objects.requireNonNull(callerRuns, "callerRuns");
        Objects.requireNonNull(health, "health");
    }
}
