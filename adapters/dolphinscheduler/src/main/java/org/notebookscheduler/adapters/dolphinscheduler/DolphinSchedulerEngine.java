package org.notebookscheduler.adapters.dolphinscheduler;

import org.notebookscheduler.adapters.dolphinscheduler.api.DolphinSchedulerApi;
import org.notebookscheduler.application.port.out.Engine;

/**
 * DolphinScheduler 1.3.9 as an engine: a schedule is a process definition with one HTTP task per
 * notebook task (which calls back to run it) and a cron schedule; its runs are process instances.
 * The roles and the health check share one HTTP client, one way of making calls and one masking of
 * secrets.
 */
public final class DolphinSchedulerEngine {

    /** The engine's name in a schedule's link ({@code RemoteRef.scheduler()}). */
    public static final String NAME = "DolphinScheduler";

    private DolphinSchedulerEngine() {
    }

    public static Engine create(DolphinSchedulerSettings settings) {
        return create(settings, CallListener.NONE);
    }

    /** @param listener told of every call to the API, for metrics */
    public static Engine create(DolphinSchedulerSettings settings, CallListener listener) {
        Redactor redactor = new Redactor(settings.authToken(), settings.callbackToken());
        DolphinSchedulerApi api = DolphinSchedulerClient.create(settings, redactor);
        Calls calls = new Calls(settings, redactor, listener);
        DolphinSchedulerRuns runs = new DolphinSchedulerRuns(api, calls, settings, redactor);
        return new Engine(NAME, new DolphinSchedulerLifecycle(api, calls, settings, runs), runs,
                new DriftCheck(api, calls, settings), runs, new DolphinSchedulerHealth(api, calls, settings));
    }
}
