package org.notebookscheduler.adapters.embedded;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.notebookscheduler.application.port.in.RunTaskAttemptUseCase;
import org.notebookscheduler.application.port.out.EngineException;
import org.notebookscheduler.application.port.out.ScheduleStore;
import org.notebookscheduler.domain.run.RunCommand;
import org.notebookscheduler.domain.run.RunId;
import org.notebookscheduler.domain.run.RunState;
import org.notebookscheduler.domain.schedule.ReleaseState;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/**
 * Starts, steers and ends the embedded engine's runs on this instance. A run's DAG is decided on a
 * thread of its own and its attempts go to the shared bounded pool. Every few seconds this
 * instance says its runs are alive, applies a pause or stop another instance asked for, and ends
 * as failed the runs of instances that stopped saying so (a crash), so none is left running.
 */
final class RunLauncher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RunLauncher.class.getName());
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** Starting a run is a read and two writes: a few threads keep a burst moving without taking the pool's connections. */
    private static final int FIRE_THREADS = 4;
    /** How long closing waits for fires already taken from Quartz to become runs. */
    private static final long FIRES_DRAIN_SECONDS = 5;

    private final RunStore store;
    private final ScheduleStore schedules;
    private final RunTaskAttemptUseCase core;
    private final EmbeddedSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService workers;
    private final ScheduledExecutorService timers;
    private final ExecutorService deciders;
    private final ExecutorService fires;
    private final Map<RunId, DagRun> live = new ConcurrentHashMap<>();

    RunLauncher(RunStore store, ScheduleStore schedules, RunTaskAttemptUseCase core, EmbeddedSettings settings,
            Clock clock) {
        this.store = store;
        this.schedules = schedules;
        this.core = core;
        this.settings = settings;
        this.clock = clock;
        this.workers = Executors.newScheduledThreadPool(settings.workers(), named("notebook-scheduler-task"));
        this.timers = Executors.newSingleThreadScheduledExecutor(named("notebook-scheduler-engine-timer"));
        this.deciders = Executors.newCachedThreadPool(named("notebook-scheduler-run"));
        this.fires = Executors.newFixedThreadPool(FIRE_THREADS, named("notebook-scheduler-fire"));
        long every = settings.heartbeat().toMillis();
        timers.scheduleWithFixedDelay(this::lookAround, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * A cron fire, from Quartz: handed to this launcher's own threads, so that Quartz's few threads
     * go back to firing at once (a burst of schedules due together would otherwise queue behind the
     * reads and writes of each run's start).
     */
    void fired(ScheduleId scheduleId, Instant fireTime) {
        try {
            fires.execute(() -> {
                try {
                    startFired(scheduleId, fireTime);
                } catch (RuntimeException failed) {
                    LOG.log(System.Logger.Level.ERROR, "Schedule " + scheduleId + " fired at " + fireTime
                            + " but its run could not be started", failed);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            throw new EngineException(EngineException.Kind.UNAVAILABLE, "run", "this instance is shutting down");
        }
    }

    /** Runs the schedule if it is still there and online. */
    private void startFired(ScheduleId scheduleId, Instant fireTime) {
        Optional<Schedule> schedule = schedules.findById(scheduleId);
        if (schedule.isEmpty() || schedule.get().releaseState() != ReleaseState.ONLINE) {
            LOG.log(System.Logger.Level.INFO, "Schedule {0} fired at {1} but is no longer online; nothing runs",
                    scheduleId, fireTime);
            return;
        }
        start(schedule.get(), Optional.of(fireTime));
    }

    /** A new run of the schedule, started now; returns at once with its id. */
    RunId start(Schedule schedule, Optional<Instant> scheduledFor) {
        RunId run = store.start(schedule.id(), scheduledFor, settings.instanceId());
        launch(schedule, run, 1, Set.of(), Map.of(), scheduledFor.orElse(clock.instant()));
        return run;
    }

    void command(Schedule schedule, RunId run, RunCommand command) {
        RunState state = store.state(run).orElseThrow(() -> new EngineException(EngineException.Kind.NOT_FOUND,
                "command", "no run " + run));
        switch (command) {
            case PAUSE, STOP -> {
                DagRun here = live.get(run);
                if (here != null) {
                    steer(here, command);
                } else if (!store.request(run, command.name())) {
                    throw conflict(run, state, command);
                }
            }
            case RESUME -> {
                int times = restart(run, state, command, Optional.empty(), RunState.PAUSED);
                launch(schedule, run, times, store.succeededTasks(run), store.attemptsSoFar(run), clock.instant());
            }
            case RERUN_FAILED -> {
                Set<String> succeeded = store.succeededTasks(run);
                int times = restart(run, state, command, Optional.of(succeeded), RunState.FAILED, RunState.STOPPED);
                launch(schedule, run, times, succeeded, Map.of(), clock.instant());
            }
            case REPEAT -> {
                int times = restart(run, state, command, Optional.of(Set.of()), RunState.SUCCEEDED,
                        RunState.FAILED, RunState.STOPPED);
                launch(schedule, run, times, Set.of(), Map.of(), clock.instant());
            }
        }
    }

    /** Restarts the run only from one of {@code from}: of two restarts at once, one wins. */
    private int restart(RunId run, RunState state, RunCommand command, Optional<Set<String>> newStart,
            RunState... from) {
        return store.restart(run, newStart, settings.instanceId(), Set.of(from))
                .orElseThrow(() -> conflict(run, state, command));
    }

    private static RefusedException conflict(RunId run, RunState state, RunCommand command) {
        return new RefusedException(ErrorCode.RUN_STATE_CONFLICT, "command", "run " + run + " is " + state
                + "; " + command + " does not apply to it");
    }

    private void launch(Schedule schedule, RunId run, int runTimes, Set<String> alreadySucceeded,
            Map<String, Integer> attemptsSoFar, Instant at) {
        CoreTaskAttempts attempts = new CoreTaskAttempts(core, schedule.id(), run.value(), run.value() + "." + runTimes,
                timeParameters(at, schedule));
        DagRun dag = new DagRun(schedule.definition().tasks(), schedule.definition().runSettings().failureStrategy(),
                alreadySucceeded, attemptsSoFar, attempts, store.journal(run, runTimes), workers, timers, clock);
        live.put(run, dag);
        try {
            deciders.submit(() -> {
                RunState end = RunState.FAILED;
                try {
                    end = dag.execute();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException broken) {
                    LOG.log(System.Logger.Level.ERROR, "Run " + run + " of schedule " + schedule.id() + " broke",
                            broken);
                } finally {
                    live.remove(run);
                    store.ended(run, end, settings.instanceId());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the instance is shutting down: the run is recorded as ended rather than left running
            live.remove(run);
            store.ended(run, RunState.FAILED, settings.instanceId());
            throw new EngineException(EngineException.Kind.UNAVAILABLE, "run", "this instance is shutting down");
        }
    }

    /** The time parameters as DolphinScheduler fills them: the business date is the day before. */
    private static Map<String, String> timeParameters(Instant at, Schedule schedule) {
        ZonedDateTime local = at.atZone(schedule.definition().cron().zone());
        return Map.of("system.datetime", DATETIME.format(local), "system.biz.curdate", DATE.format(local),
                "system.biz.date", DATE.format(local.minusDays(1)));
    }

    private static void steer(DagRun run, RunCommand command) {
        if (command == RunCommand.PAUSE) {
            run.pause();
        } else {
            run.stop();
        }
    }

    private void lookAround() {
        try {
            store.heartbeat(settings.instanceId(), Set.copyOf(live.keySet()));
            store.requested(settings.instanceId()).forEach((run, what) -> Optional.ofNullable(live.get(run))
                    .ifPresent(dag -> steer(dag, RunCommand.valueOf(what))));
            Instant staleBefore = clock.instant().minus(settings.heartbeat().multipliedBy(settings.missedHeartbeats()));
            int ended = store.endInterrupted(staleBefore);
            if (ended > 0) {
                LOG.log(System.Logger.Level.WARNING, "{0} run(s) were marked running by an instance that stopped"
                        + " (a crash or a kill); they are now FAILED and can be rerun", ended);
            }
        } catch (RuntimeException unavailable) {
            LOG.log(System.Logger.Level.WARNING, "The embedded engine could not check its runs: {0}",
                    unavailable.getMessage());
        }
    }

    /** How many runs this instance is deciding now. */
    int liveRuns() {
        return live.size();
    }

    @Override
    public void close() {
        // fires Quartz has already handed over become runs (and then end with the instance, as failed)
        // rather than vanish: they are no longer Quartz's to fire again
        fires.shutdown();
        try {
            fires.awaitTermination(FIRES_DRAIN_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        fires.shutdownNow();
        timers.shutdownNow();
        workers.shutdownNow();
        deciders.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
