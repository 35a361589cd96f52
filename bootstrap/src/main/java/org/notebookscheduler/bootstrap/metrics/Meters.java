package org.notebookscheduler.bootstrap.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.notebookscheduler.adapters.dolphinscheduler.CallListener;
import org.notebookscheduler.application.port.out.NotebookRunner;
import org.notebookscheduler.application.port.out.NotificationSender;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The module's own meters, where the services take their ports: the runner and the robots timed,
 * DolphinScheduler's calls timed by call, outcome and retry. Without a meter registry (no actuator
 * in a host) the ports are used as they are.
 */
public final class Meters {

    private Meters() {
    }

    public static NotebookRunner timed(NotebookRunner runner, ObjectProvider<MeterRegistry> registry) {
        MeterRegistry meters = registry.getIfAvailable();
        return meters == null ? runner : new MeteredNotebookRunner(runner, meters);
    }

    public static NotificationSender timed(NotificationSender sender, ObjectProvider<MeterRegistry> registry) {
        MeterRegistry meters = registry.getIfAvailable();
        return meters == null ? sender : new MeteredNotificationSender(sender, meters);
    }

    /**
     * {@code notebook.scheduler.engine.calls}: every call to DolphinScheduler's API, by {@code call}
     * (its path, e.g. {@code process/save}), {@code outcome} (success, refused, unavailable) and
     * {@code retry} (true for a repeat of a call that failed).
     */
    public static CallListener dolphinSchedulerCalls(ObjectProvider<MeterRegistry> registry) {
        MeterRegistry meters = registry.getIfAvailable();
        if (meters == null) {
            return CallListener.NONE;
        }
        return (call, outcome, took, retry) -> Timer.builder("notebook.scheduler.engine.calls")
                .description("calls to an engine's API").tag("engine", "DolphinScheduler").tag("call", call)
                .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).tag("retry", String.valueOf(retry))
                .register(meters).record(took);
    }
}
