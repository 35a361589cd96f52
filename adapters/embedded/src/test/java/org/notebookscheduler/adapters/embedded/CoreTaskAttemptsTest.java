package org.notebookscheduler.adapters.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.application.fakes.Examples.definition;
import static org.notebookscheduler.application.fakes.Examples.notebook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.fakes.TestWorld;
import org.notebookscheduler.application.port.out.ExecutionQuery;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.domain.execution.ExecutionResult;
import org.notebookscheduler.domain.execution.ExecutionStatus;
import org.notebookscheduler.domain.run.RunState;
import org.notebookscheduler.domain.schedule.FailureStrategy;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.schedule.ScheduledTask;

/** An embedded run's attempts go through the core's task-attempt use case, as a callback's do. */
class CoreTaskAttemptsTest {

    private final TestWorld world = new TestWorld();
    private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void shutDown() {
        workers.shutdownNow();
        timers.shutdownNow();
    }

    private final List<String> journaled = new ArrayList<>();
    private final RunJournal journal = new RunJournal() {
        @Override
        public synchronized String attemptStarted(String taskName, int attempt, Instant at) {
            journaled.add(taskName);
            return "task-run-" + journaled.size();
        }

        @Override
        public void attemptEnded(String taskRunId, RunState state, Instant at, String note, String output) {
        }
    };

    @Test
    void each_attempt_is_recorded_with_the_runs_ids_and_a_failure_is_notified_like_any_engines() throws Exception {
        ScheduleId id = world.scheduleService.create(definition("pipeline", ScheduledTask.of("extract", notebook("nb-1")),
                ScheduledTask.of("report", notebook("nb-2")).after("extract"))).schedule().id();
        Schedule schedule = world.schedules.findById(id).orElseThrow();
        CoreTaskAttempts attempts = new CoreTaskAttempts(world.attempts, id, "run-41", "run-41.1",
                Map.of("system.biz.date", "20261124"));

        world.runner.succeed();
        RunState first = new DagRun(schedule.definition().tasks(), FailureStrategy.END, Set.of(), Map.of(), attempts, journal,
                workers, timers, world.clock).execute();
        world.runner.failWith("cell 4 raised");
        RunState again = new DagRun(schedule.definition().tasks(), FailureStrategy.END, Set.of(), Map.of(),
                new CoreTaskAttempts(world.attempts, id, "run-42", "run-42.1", Map.of()), journal, workers, timers,
                world.clock).execute();

        assertThat(first).isEqualTo(RunState.SUCCEEDED);
        assertThat(again).isEqualTo(RunState.FAILED);
        List<ExecutionResult> results = world.executions.search(ExecutionQuery.ofSchedule(id), PageRequest.first(10))
                .items();
        assertThat(results).extracting(ExecutionResult::taskName, ExecutionResult::runKey, ExecutionResult::status,
                ExecutionResult::runId, ExecutionResult::taskRunId).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("extract", "run-41.1", ExecutionStatus.SUCCEEDED, "run-41",
                                "task-run-1"),
                        org.assertj.core.groups.Tuple.tuple("report", "run-41.1", ExecutionStatus.SUCCEEDED, "run-41",
                                "task-run-2"),
                        org.assertj.core.groups.Tuple.tuple("extract", "run-42.1", ExecutionStatus.FAILED, "run-42",
                                "task-run-3"));
        assertThat(world.runner.requests().get(0).parameters()).containsEntry("system.biz.date", "20261124");
        assertThat(world.outbox.all()).singleElement()
                .satisfies(notification -> assertThat(notification.text()).contains("cell 4 raised"));
    }
}
