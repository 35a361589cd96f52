package org.notebookscheduler.adapters.embedded;

import java.util.LinkedHashMap;
import java.util.Map;
import org.notebookscheduler.application.port.out.EngineHealth;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/**
 * The embedded engine is up while its Quartz scheduler runs on this instance (started, not on
 * standby, not shut down): then this instance takes its share of the cluster's fires.
 */
final class EmbeddedHealth implements EngineHealth {

    private final Scheduler quartz;
    private final RunLauncher launcher;
    private final EmbeddedSettings settings;

    EmbeddedHealth(Scheduler quartz, RunLauncher launcher, EmbeddedSettings settings) {
        this.quartz = quartz;
        this.launcher = launcher;
        this.settings = settings;
    }

    @Override
    public Check check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("instance", settings.instanceId());
        details.put("runsHere", launcher.liveRuns());
        details.put("workers", settings.workers());
        try {
            boolean firing = quartz.isStarted() && !quartz.isInStandbyMode() && !quartz.isShutdown();
            details.put("scheduler", firing ? "running" : quartz.isShutdown() ? "shut down" : "on standby");
            details.put("clustered", quartz.getMetaData().isJobStoreClustered());
            return new Check(firing, details);
        } catch (SchedulerException e) {
            details.put("error", "the Quartz scheduler cannot say its state: " + e.getMessage());
            return new Check(false, details);
        }
    }
}
