package org.notebookscheduler.adapters.embedded;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.notebookscheduler.domain.run.RunState;
import org.notebookscheduler.domain.schedule.FailureStrategy;
import org.notebookscheduler.domain.schedule.ScheduledTask;

/**
 * One run of a schedule's task DAG. A task starts once every task it depends on has succeeded, on
 * a bounded pool of workers shared by every run. A failed attempt is tried again after the task's
 * retry interval, up to its retries. An attempt past its timeout is failed at once and its worker
 * interrupted; the run does not wait for work that ignores the interrupt. When a task fails for
 * good, {@link FailureStrategy#END} ends the run (attempts still running are killed, nothing new
 * starts) and {@link FailureStrategy#CONTINUE} lets every branch that does not depend on it finish.
 * Pause lets running attempts finish and starts nothing new; stop kills them.
 *
 * <p>One thread, the one that calls {@link #execute}, decides everything; workers and timers only
 * report to it through a queue, so the run's state needs no locks.
 */
final class DagRun {

    private enum Control { RUN, PAUSE, STOP }

    private enum TaskState { PENDING, SUCCEEDED, FAILED, KILLED }

    private sealed interface Event permits Ended, RetryDue, ControlChanged {
    }

    private record Ended(Attempt attempt, RunState state, String note, String output) implements Event {
    }

    private record RetryDue(ScheduledTask task) implements Event {
    }

    private record ControlChanged() implements Event {
    }

    private final Map<String, ScheduledTask> tasks = new LinkedHashMap<>();
    private final FailureStrategy strategy;
    private final TaskAttempts attempts;
    private final RunJournal journal;
    private final ScheduledExecutorService workers;
    private final ScheduledExecutorService timers;
    private final Clock clock;

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile Control control = Control.RUN;

    private final Map<String, TaskState> states = new HashMap<>();
    private final Map<String, Integer> attemptsMade = new HashMap<>();
    private final Map<String, Attempt> running = new HashMap<>();
    private final Map<String, ScheduledFuture<?>> waitingToRetry = new HashMap<>();
    private boolean ending;

    /**
     * @param alreadySucceeded tasks that succeeded in this run before (a resumed run, or a rerun of
     *                         its failed tasks): they are not run again
     * @param attemptsSoFar    attempts each task already had in this start of the run (a resumed
     *                         run): its attempts go on counting, against the same retries
     * @param workers          the bounded pool attempts run on
     * @param timers           where timeouts and retry waits are counted; never blocked by attempts
     */
    DagRun(List<ScheduledTask> tasks, FailureStrategy strategy, Set<String> alreadySucceeded,
            Map<String, Integer> attemptsSoFar, TaskAttempts attempts, RunJournal journal,
            ScheduledExecutorService workers, ScheduledExecutorService timers, Clock clock) {
        this.attemptsMade.putAll(attemptsSoFar);
        tasks.forEach(task -> this.tasks.put(task.name(), task));
        tasks.forEach(task -> states.put(task.name(),
                alreadySucceeded.contains(task.name()) ? TaskState.SUCCEEDED : TaskState.PENDING));
        this.strategy = strategy;
        this.attempts = attempts;
        this.journal = journal;
        this.workers = workers;
        this.timers = timers;
        this.clock = clock;
    }

    /** Runs the DAG to its end on the calling thread; returns SUCCEEDED, FAILED, PAUSED or STOPPED. */
    RunState execute() throws InterruptedException {
        try {
            return decide();
        } finally {
            // a failure of the journal (the database) or an interrupt must not leave attempts running untracked
            waitingToRetry.values().forEach(wait -> wait.cancel(false));
            List.copyOf(running.values()).forEach(attempt -> attempt.kill("the run ended before the attempt did"));
        }
    }

    private RunState decide() throws InterruptedException {
        launchReady();
        while (!running.isEmpty() || !waitingToRetry.isEmpty()) {
            Event event = events.take();
            if (event instanceof Ended ended) {
                ended(ended);
            } else if (event instanceof RetryDue due) {
                waitingToRetry.remove(due.task().name());
                if (control == Control.RUN && !ending) {
                    launch(due.task());
                }
            } else {
                applyControl();
            }
            launchReady();
        }
        return outcome();
    }

    /** Starts nothing new; what is running finishes; {@link #execute} then answers PAUSED. */
    void pause() {
        // a pause asked again (another instance's request is re-read each heartbeat) never undoes a stop
        synchronized (this) {
            if (control != Control.RUN) {
                return;
            }
            control = Control.PAUSE;
        }
        events.add(new ControlChanged());
    }

    /** Kills what is running and starts nothing new; {@link #execute} then answers STOPPED. */
    void stop() {
        synchronized (this) {
            control = Control.STOP;
        }
        events.add(new ControlChanged());
    }

    private void applyControl() {
        if (control == Control.RUN) {
            return;
        }
        waitingToRetry.values().forEach(wait -> wait.cancel(false));
        waitingToRetry.clear();
        if (control == Control.STOP) {
            List.copyOf(running.values()).forEach(attempt -> attempt.kill("the run was stopped"));
        }
    }

    private void ended(Ended ended) {
        Attempt attempt = ended.attempt();
        ScheduledTask task = attempt.task;
        running.remove(task.name());
        journal.attemptEnded(attempt.id, ended.state(), clock.instant(), ended.note(), ended.output());
        if (ended.state() == RunState.SUCCEEDED) {
            states.put(task.name(), TaskState.SUCCEEDED);
            return;
        }
        if (ended.state() == RunState.KILLED) {
            states.put(task.name(), TaskState.KILLED);
            return;
        }
        boolean retriesLeft = attempt.number <= task.retries();
        if (retriesLeft && control == Control.RUN && !ending) {
            waitingToRetry.put(task.name(), timers.schedule(() -> events.add(new RetryDue(task)),
                    task.retryInterval().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
            return;
        }
        if (retriesLeft && control == Control.PAUSE) {
            return; // stays pending: a resumed run tries it again
        }
        states.put(task.name(), TaskState.FAILED);
        if (strategy == FailureStrategy.END && !ending) {
            ending = true;
            waitingToRetry.values().forEach(wait -> wait.cancel(false));
            waitingToRetry.clear();
            List.copyOf(running.values()).forEach(other -> other.kill("task '" + task.name()
                    + "' failed and the run's failure strategy is END"));
        }
    }

    private void launchReady() {
        if (control != Control.RUN || ending) {
            return;
        }
        for (ScheduledTask task : tasks.values()) {
            if (states.get(task.name()) == TaskState.PENDING && !running.containsKey(task.name())
                    && !waitingToRetry.containsKey(task.name())
                    && task.upstream().stream().allMatch(up -> states.get(up) == TaskState.SUCCEEDED)) {
                launch(task);
            }
        }
    }

    private void launch(ScheduledTask task) {
        int number = attemptsMade.merge(task.name(), 1, Integer::sum);
        Attempt attempt = new Attempt(task, number, journal.attemptStarted(task.name(), number, clock.instant()));
        running.put(task.name(), attempt);
        attempt.work = workers.submit(attempt::run);
    }

    private RunState outcome() {
        if (control == Control.STOP) {
            return RunState.STOPPED;
        }
        if (states.values().stream().anyMatch(state -> state == TaskState.FAILED || state == TaskState.KILLED)) {
            return RunState.FAILED;
        }
        if (states.values().stream().allMatch(state -> state == TaskState.SUCCEEDED)) {
            return RunState.SUCCEEDED;
        }
        return RunState.PAUSED;
    }

    /** One attempt in flight: whichever of its end, its timeout or a kill comes first settles it. */
    private final class Attempt {

        final ScheduledTask task;
        final int number;
        final String id;
        private final AtomicBoolean settled = new AtomicBoolean();
        private volatile Future<?> work;
        private volatile ScheduledFuture<?> timeout;

        Attempt(ScheduledTask task, int number, String id) {
            this.task = task;
            this.number = number;
            this.id = id;
        }

        /** On a worker. The timeout counts from here, not from when it was queued for a worker. */
        void run() {
            if (settled.get()) {
                return;
            }
            Duration limit = task.timeout();
            timeout = timers.schedule(() -> {
                if (settle(RunState.FAILED, "timed out after " + limit, null)) {
                    Future<?> running = work;
                    if (running != null) {
                        running.cancel(true);
                    }
                }
            }, limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            boolean succeeded = false;
            String note = "the attempt broke";
            String output = null;
            try {
                TaskAttempts.Outcome outcome = attempts.run(task, id, number);
                succeeded = outcome.succeeded();
                note = outcome.note();
                output = outcome.output();
            } catch (InterruptedException interrupted) {
                note = "interrupted";
            } catch (Exception failure) {
                note = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            } finally {
                settle(succeeded ? RunState.SUCCEEDED : RunState.FAILED, note, output);
            }
        }

        void kill(String why) {
            if (settle(RunState.KILLED, why, null)) {
                Future<?> running = work;
                if (running != null) {
                    running.cancel(true);
                }
            }
        }

        private boolean settle(RunState state, String note, String output) {
            if (!settled.compareAndSet(false, true)) {
                return false;
            }
            ScheduledFuture<?> pending = timeout;
            if (pending != null) {
                pending.cancel(false);
            }
            events.add(new Ended(this, state, note, output));
            return true;
        }
    }
}
