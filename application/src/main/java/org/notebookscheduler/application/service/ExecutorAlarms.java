package org.notebookscheduler.application.service;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.notebookscheduler.application.port.out.Alarms;

/** Alarms on a JDK scheduled executor; the owner of the executor shuts it down. */
public final class ExecutorAlarms implements Alarms {

    private final ScheduledExecutorService executor;

    public ExecutorAlarms(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public Alarm set(Duration after, Runnable action) {
        ScheduledFuture<?> future = executor.schedule(action, after.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }
}
