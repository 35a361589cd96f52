package org.notebookscheduler.application.service;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.notebookscheduler.application.port.out.Alarms;

/** Alarms on a JDK scheduled executor, which closing the alarms shuts down. */
public final class ExecutorAlarms implements Alarms, AutoCloseable {

    private final ScheduledExecutorService executor;

    public ExecutorAlarms(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public Alarm set(Duration after, Runnable action) {
        ScheduledFuture<?> future = executor.schedule(action, after.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    /** Alarms not yet gone off are dropped: they warn about runs this instance no longer watches. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
