package org.notebookscheduler.adapters.embedded;

import java.time.Clock;
import org.notebookscheduler.application.port.in.RunTaskAttemptUseCase;
import org.notebookscheduler.application.port.out.CallerRuns;
import org.notebookscheduler.application.port.out.Engine;
import org.notebookscheduler.application.port.out.ScheduleStore;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded engine: schedules fire from Quartz (its JDBC job store on the application's own
 * database, clustered, so several instances fire each trigger once), and runs execute in-process,
 * every task attempt through the core's {@link RunTaskAttemptUseCase}. It has no callbacks, so
 * it answers no callers' runs.
 */
public final class EmbeddedEngine implements AutoCloseable {

    /** The engine's name in a schedule's link ({@code RemoteRef.scheduler()}) and in configuration. */
    public static final String NAME = "Embedded";

    private final Engine engine;
    private final RunLauncher launcher;
    private final Scheduler quartz;

    /**
     * @param quartz a Quartz scheduler over the {@code NS_QRTZ_} tables, not started: this puts
     *               the run launcher in its context, for the jobs it fires, then starts it
     */
    public EmbeddedEngine(Scheduler quartz, JdbcTemplate jdbc, ScheduleStore schedules, RunTaskAttemptUseCase core,
            EmbeddedSettings settings, Clock clock) {
        this.quartz = quartz;
        RunStore store = new RunStore(jdbc, clock);
        this.launcher = new RunLauncher(store, schedules, core, settings, clock);
        try {
            quartz.getContext().put(FireSchedule.LAUNCHER, launcher);
            quartz.start();
        } catch (SchedulerException e) {
            launcher.close();
            throw new IllegalStateException("the embedded engine's Quartz scheduler could not start", e);
        }
        QuartzJobs jobs = new QuartzJobs(quartz);
        this.engine = new Engine(NAME, new EmbeddedLifecycle(jobs, launcher), new EmbeddedRuns(store, launcher, schedules),
                new EmbeddedDrift(jobs), CallerRuns.NONE, new EmbeddedHealth(quartz, launcher, settings));
    }

    public Engine engine() {
        return engine;
    }

    /**
     * No fire is taken any more, then the runs of this instance stop (and are ended as failed), then
     * Quartz, which the engine was given to own, shuts down.
     */
    @Override
    public void close() {
        try {
            quartz.standby();
        } catch (SchedulerException alreadyDown) {
            // nothing fires either way
        }
        launcher.close();
        try {
            quartz.shutdown();
        } catch (SchedulerException alreadyDown) {
            // shut down already
        }
    }
}
