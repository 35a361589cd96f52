package org.notebookscheduler.bootstrap.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a piece of work on its own thread, {@code interval} after the previous run ended, from
 * application start to stop. A failing run is logged and the next one happens anyway.
 */
public final class PeriodicJob implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicJob.class);

    private final String name;
    private final Duration interval;
    private final Runnable work;
    private ScheduledExecutorService executor;
    private volatile Report last;

    public PeriodicJob(String name, Duration interval, Runnable work) {
        this.name = name;
        this.interval = interval;
        this.work = work;
        this.last = new Report(name, interval.toString(), false, 0, null, null, null);
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "notebook-scheduler-" + name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void runOnce() {
        Instant started = Instant.now();
        String failure = null;
        try {
            work.run();
        } catch (RuntimeException e) {
            failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warn("{} failed; it runs again in {}: {}", name, interval, failure);
        }
        last = new Report(name, interval.toString(), isRunning(), last.runs() + 1, started, Instant.now(), failure);
    }

    /** The job as operators see it: its interval and how its last run went. */
    Report report() {
        Report current = last;
        return new Report(current.name(), current.interval(), isRunning(), current.runs(), current.lastStarted(),
                current.lastEnded(), current.lastFailure());
    }

    /**
     * @param lastFailure why the last run failed; null when it did not
     */
    public record Report(String name, String interval, boolean running, long runs, Instant lastStarted,
            Instant lastEnded, String lastFailure) {
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
