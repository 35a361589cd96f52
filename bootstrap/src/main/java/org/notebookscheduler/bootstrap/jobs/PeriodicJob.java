package org.notebookscheduler.bootstrap.jobs;

import java.time.Duration;
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

    public PeriodicJob(String name, Duration interval, Runnable work) {
        this.name = name;
        this.interval = interval;
        this.work = work;
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
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("{} failed; it runs again in {}: {}", name, interval, e.getMessage());
        }
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
