package org.notebookscheduler.adapters.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.application.fakes.Examples.notebook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.domain.run.RunState;
import org.notebookscheduler.domain.schedule.FailureStrategy;
import org.notebookscheduler.domain.schedule.ScheduledTask;

/** A run of a task DAG on the embedded engine, with attempts that do what each test scripts. */
class DagRunTest {

    private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(4);
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService caller = Executors.newSingleThreadExecutor();
    private final Journal journal = new Journal();
    private final Script script = new Script();
    /** Lets work that ignores interrupts end once the test is over. */
    private final CountDownLatch testOver = new CountDownLatch(1);

    @AfterEach
    void shutDown() {
        testOver.countDown();
        workers.shutdownNow();
        timers.shutdownNow();
        caller.shutdownNow();
    }

    private static ScheduledTask task(String name, String... upstream) {
        return new ScheduledTask(name, notebook("nb-" + name), null, Duration.ofSeconds(10), 0, Duration.ZERO,
                Set.of(upstream), Map.of());
    }

    private static ScheduledTask retried(String name, int retries, Duration interval) {
        return new ScheduledTask(name, notebook("nb-" + name), null, Duration.ofSeconds(10), retries, interval,
                Set.of(), Map.of());
    }

    private static ScheduledTask timingOutAfter(String name, Duration timeout) {
        return new ScheduledTask(name, notebook("nb-" + name), null, timeout, 0, Duration.ZERO, Set.of(), Map.of());
    }

    private DagRun run(FailureStrategy strategy, ScheduledTask... tasks) {
        return run(strategy, Set.of(), tasks);
    }

    private DagRun run(FailureStrategy strategy, Set<String> alreadySucceeded, ScheduledTask... tasks) {
        return new DagRun(List.of(tasks), strategy, alreadySucceeded, Map.of(), script, journal, workers, timers,
                Clock.systemUTC());
    }

    private RunState execute(DagRun run) throws Exception {
        return caller.submit(run::execute).get(20, TimeUnit.SECONDS);
    }

    @Test
    void a_task_starts_only_after_every_task_it_depends_on_has_succeeded() throws Exception {
        RunState state = execute(run(FailureStrategy.END, task("report", "clean", "load"), task("clean", "extract"),
                task("load", "extract"), task("extract")));

        assertThat(state).isEqualTo(RunState.SUCCEEDED);
        List<String> order = script.started();
        assertThat(order.get(0)).isEqualTo("extract");
        assertThat(order.subList(1, 3)).containsExactlyInAnyOrder("clean", "load");
        assertThat(order.get(3)).isEqualTo("report");
    }

    @Test
    void independent_tasks_run_at_the_same_time() throws Exception {
        CountDownLatch bothStarted = new CountDownLatch(2);
        script.on("left", () -> {
            bothStarted.countDown();
            return bothStarted.await(5, TimeUnit.SECONDS);
        });
        script.on("right", () -> {
            bothStarted.countDown();
            return bothStarted.await(5, TimeUnit.SECONDS);
        });

        assertThat(execute(run(FailureStrategy.END, task("left"), task("right")))).isEqualTo(RunState.SUCCEEDED);
    }

    @Test
    void under_END_a_task_that_fails_kills_what_is_running_and_nothing_after_it_starts() throws Exception {
        CountDownLatch slowStarted = new CountDownLatch(1);
        script.on("slow", () -> {
            slowStarted.countDown();
            Thread.sleep(10_000);
            return true;
        });
        script.on("broken", () -> {
            slowStarted.await(5, TimeUnit.SECONDS);
            return false;
        });

        RunState state = execute(run(FailureStrategy.END, task("slow"), task("broken"), task("after", "broken"),
                task("afterSlow", "slow")));

        assertThat(state).isEqualTo(RunState.FAILED);
        assertThat(journal.endOf("broken")).isEqualTo(RunState.FAILED);
        assertThat(journal.endOf("slow")).isEqualTo(RunState.KILLED);
        assertThat(journal.noteOf("slow")).contains("'broken' failed", "END");
        assertThat(script.started()).doesNotContain("after", "afterSlow");
    }

    @Test
    void under_CONTINUE_the_other_branches_finish_and_only_what_depends_on_the_failed_task_is_skipped()
            throws Exception {
        script.on("broken", () -> false);

        RunState state = execute(run(FailureStrategy.CONTINUE, task("broken"), task("after", "broken"),
                task("afterAfter", "after"), task("other"), task("afterOther", "other")));

        assertThat(state).isEqualTo(RunState.FAILED);
        assertThat(script.started()).containsExactlyInAnyOrder("broken", "other", "afterOther");
        assertThat(journal.endOf("afterOther")).isEqualTo(RunState.SUCCEEDED);
    }

    @Test
    void a_failed_attempt_is_retried_after_the_tasks_interval_and_its_success_lets_the_run_go_on() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        script.on("flaky", () -> tries.incrementAndGet() >= 3);

        RunState state = execute(run(FailureStrategy.END, retried("flaky", 3, Duration.ofMillis(150)),
                task("after", "flaky")));

        assertThat(state).isEqualTo(RunState.SUCCEEDED);
        assertThat(journal.attemptsOf("flaky")).containsExactly(RunState.FAILED, RunState.FAILED, RunState.SUCCEEDED);
        List<Instant> starts = journal.startsOf("flaky");
        assertThat(Duration.between(starts.get(0), starts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(script.started()).endsWith("after");
    }

    @Test
    void a_task_whose_retries_run_out_fails_the_run() throws Exception {
        script.on("broken", () -> {
            throw new IllegalStateException("cell 2 raised KeyError");
        });

        RunState state = execute(run(FailureStrategy.END, retried("broken", 2, Duration.ZERO)));

        assertThat(state).isEqualTo(RunState.FAILED);
        assertThat(journal.attemptsOf("broken")).containsExactly(RunState.FAILED, RunState.FAILED, RunState.FAILED);
        assertThat(journal.noteOf("broken")).isEqualTo("cell 2 raised KeyError");
    }

    @Test
    void an_attempt_past_its_timeout_fails_at_once_even_when_its_work_ignores_the_interrupt() throws Exception {
        script.on("stuck", () -> {
            while (testOver.getCount() > 0) {
                try {
                    testOver.await();
                } catch (InterruptedException ignored) {
                    // work that does not stop when asked
                }
            }
            return true;
        });

        long started = System.nanoTime();
        RunState state = execute(run(FailureStrategy.END, timingOutAfter("stuck", Duration.ofMillis(300))));

        assertThat(state).isEqualTo(RunState.FAILED);
        assertThat(journal.noteOf("stuck")).isEqualTo("timed out after PT0.3S");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void pause_lets_the_running_task_finish_starts_nothing_new_and_a_resumed_run_does_only_what_is_left()
            throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch paused = new CountDownLatch(1);
        script.on("first", () -> {
            firstRunning.countDown();
            paused.await(5, TimeUnit.SECONDS);
            return true;
        });
        DagRun run = run(FailureStrategy.END, task("first"), task("second", "first"));
        Future<RunState> state = caller.submit(run::execute);
        firstRunning.await(5, TimeUnit.SECONDS);

        run.pause();
        paused.countDown();

        assertThat(state.get(10, TimeUnit.SECONDS)).isEqualTo(RunState.PAUSED);
        assertThat(journal.endOf("first")).isEqualTo(RunState.SUCCEEDED);
        assertThat(script.started()).containsExactly("first");

        RunState resumed = execute(run(FailureStrategy.END, Set.of("first"), task("first"), task("second", "first")));

        assertThat(resumed).isEqualTo(RunState.SUCCEEDED);
        assertThat(script.started()).containsExactly("first", "second");
    }

    @Test
    void stop_kills_the_running_tasks_and_the_run_is_stopped() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        script.on("long", () -> {
            running.countDown();
            Thread.sleep(10_000);
            return true;
        });
        DagRun run = run(FailureStrategy.END, task("long"), task("after", "long"));
        Future<RunState> state = caller.submit(run::execute);
        running.await(5, TimeUnit.SECONDS);

        run.stop();

        assertThat(state.get(10, TimeUnit.SECONDS)).isEqualTo(RunState.STOPPED);
        assertThat(journal.endOf("long")).isEqualTo(RunState.KILLED);
        assertThat(script.started()).doesNotContain("after");
    }

    /** Found in review: another instance's pause request, re-read every heartbeat, turned a stop into a pause. */
    @Test
    void a_pause_asked_after_a_stop_leaves_the_run_stopped() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        script.on("long", () -> {
            running.countDown();
            Thread.sleep(10_000);
            return true;
        });
        DagRun run = run(FailureStrategy.END, task("long"));
        Future<RunState> state = caller.submit(run::execute);
        running.await(5, TimeUnit.SECONDS);

        run.stop();
        run.pause();

        assertThat(state.get(10, TimeUnit.SECONDS)).isEqualTo(RunState.STOPPED);
    }

    @Test
    void an_error_thrown_by_an_attempt_fails_it_at_once_instead_of_at_its_timeout() throws Exception {
        script.on("broken", () -> {
            throw new AssertionError("a bug in the runner");
        });

        long started = System.nanoTime();
        RunState state = execute(run(FailureStrategy.END, task("broken")));

        assertThat(state).isEqualTo(RunState.FAILED);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_resumed_run_goes_on_counting_attempts_against_the_same_retries() throws Exception {
        script.on("flaky", () -> false);

        RunState state = execute(new DagRun(List.of(retried("flaky", 2, Duration.ZERO)), FailureStrategy.END,
                Set.of(), Map.of("flaky", 2), script, journal, workers, timers, Clock.systemUTC()));

        assertThat(state).isEqualTo(RunState.FAILED);
        assertThat(journal.attemptsOf("flaky")).containsExactly(RunState.FAILED);
    }

    @Test
    void a_run_never_has_more_attempts_going_than_the_pool_has_workers() throws Exception {
        ScheduledExecutorService twoWorkers = Executors.newScheduledThreadPool(2);
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        TaskAttempts counting = (task, taskRunId, attempt) -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            Thread.sleep(50);
            now.decrementAndGet();
            return TaskAttempts.Outcome.of(true);
        };
        List<ScheduledTask> wide = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            wide.add(task("t" + i));
        }
        try {
            RunState state = caller.submit(new DagRun(wide, FailureStrategy.END, Set.of(), Map.of(), counting, journal, twoWorkers,
                    timers, Clock.systemUTC())::execute).get(20, TimeUnit.SECONDS);

            assertThat(state).isEqualTo(RunState.SUCCEEDED);
            assertThat(most.get()).isEqualTo(2);
        } finally {
            twoWorkers.shutdownNow();
        }
    }

    /** What each task's attempts do; a task without a script succeeds at once. */
    private static final class Script implements TaskAttempts {

        interface Behaviour {
            boolean attempt() throws Exception;
        }

        private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
        private final List<String> started = Collections.synchronizedList(new ArrayList<>());

        void on(String task, Behaviour behaviour) {
            behaviours.put(task, behaviour);
        }

        List<String> started() {
            synchronized (started) {
                return List.copyOf(started).stream().distinct().toList();
            }
        }

        @Override
        public Outcome run(ScheduledTask task, String taskRunId, int attempt) throws Exception {
            started.add(task.name());
            return Outcome.of(behaviours.getOrDefault(task.name(), () -> true).attempt());
        }
    }

    /** The run's journal, in memory. */
    private static final class Journal implements RunJournal {

        private record Entry(String id, String task, int attempt, Instant startedAt, RunState state, String note) {
        }

        private final List<Entry> entries = new ArrayList<>();

        @Override
        public synchronized String attemptStarted(String taskName, int attempt, Instant at) {
            String id = String.valueOf(entries.size() + 1);
            entries.add(new Entry(id, taskName, attempt, at, null, null));
            return id;
        }

        @Override
        public synchronized void attemptEnded(String taskRunId, RunState state, Instant at, String note, String output) {
            int index = Integer.parseInt(taskRunId) - 1;
            Entry started = entries.get(index);
            entries.set(index, new Entry(started.id(), started.task(), started.attempt(), started.startedAt(), state,
                    note));
        }

        synchronized List<RunState> attemptsOf(String task) {
            return entries.stream().filter(entry -> entry.task().equals(task)).map(Entry::state).toList();
        }

        synchronized List<Instant> startsOf(String task) {
            return entries.stream().filter(entry -> entry.task().equals(task)).map(Entry::startedAt).toList();
        }

        synchronized RunState endOf(String task) {
            List<RunState> states = attemptsOf(task);
            return states.get(states.size() - 1);
        }

        synchronized String noteOf(String task) {
            return entries.stream().filter(entry -> entry.task().equals(task)).reduce((a, b) -> b).orElseThrow().note();
        }
    }
}
