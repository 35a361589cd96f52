package org.notebookscheduler.adapters.dolphinscheduler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.notebookscheduler.adapters.dolphinscheduler.api.DolphinSchedulerApi;
import org.notebookscheduler.application.port.out.EngineHealth;

/**
 * DolphinScheduler is up when it answers, within the request deadline, a look-up of the configured
 * project with the configured token: that says it is reachable and the token is accepted (a bad or
 * expired token is a 401). A project not there yet is no fault (the first schedule creates it), so it
 * is a detail. The messages are the adapter's own, with both tokens masked.
 */
final class DolphinSchedulerHealth implements EngineHealth {

    private final DolphinSchedulerApi api;
    private final Calls calls;
    private final DolphinSchedulerSettings settings;

    DolphinSchedulerHealth(DolphinSchedulerApi api, Calls calls, DolphinSchedulerSettings settings) {
        this.api = api;
        this.calls = calls;
        this.settings = settings;
    }

    @Override
    public Check check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", settings.baseUrl());
        details.put("project", settings.project());
        try {
            Optional<Long> project = Deadline.within(settings.deadline(),
                    () -> Session.findProject(api, calls, settings.project()));
            details.put("token", "accepted");
            details.put("projectPresent", project.isPresent());
            project.ifPresent(id -> details.put("projectId", id));
            return new Check(true, details);
        } catch (RuntimeException e) {
            details.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return new Check(false, details);
        }
    }
}
