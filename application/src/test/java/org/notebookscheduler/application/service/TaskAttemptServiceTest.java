package org.notebookscheduler.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.application.fakes.Refusals.assertRefused;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.fakes.TestWorld;
import org.notebookscheduler.application.port.in.RunTaskAttemptUseCase.Outcome;
import org.notebookscheduler.application.port.in.TaskAttempt;
import org.notebookscheduler.domain.audit.ScheduleEventType;
import org.notebookscheduler.domain.execution.ExecutionStatus;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.shared.ErrorCode;

/** A task attempt handed over by an engine directly, with no callback and no credential in between. */
class TaskAttemptServiceTest {

    private final TestWorld world = new TestWorld();
    private final ScheduleId scheduleId = world.onlineSchedule("daily", "nb-1");
    private final String task = stored().definition().tasks().get(0).name();

    private Schedule stored() {
        return world.schedules.findById(scheduleId).orElseThrow();
    }

    @Test
    void an_engine_runs_an_attempt_and_its_result_audit_line_and_notification_are_recorded_together() {
        world.runner.failWith("cell 3 raised");

        Outcome outcome = world.attempts.run(TaskAttempt.of(scheduleId, task, "2026-11-24T10:00"));

        assertThat(outcome.repeated()).isFalse();
        assertThat(outcome.result().status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(outcome.result().attempt()).isEqualTo(1);
        assertThat(outcome.result().executedBy()).isEqualTo("alice");
        assertThat(world.audit.history(scheduleId, org.notebookscheduler.application.port.out.PageRequest.first(50)).items())
                .extracting(event -> event.type())
                .contains(ScheduleEventType.EXECUTION_RECORDED);
        assertThat(world.outbox.all()).hasSize(1);
    }

    @Test
    void what_the_runner_printed_is_handed_back_for_the_engines_task_log_and_a_repeat_prints_nothing() {
        world.runner.prints("cell 1: 42 rows written");

        Outcome ran = world.attempts.run(TaskAttempt.of(scheduleId, task, "run-1"));
        Outcome repeat = world.attempts.run(TaskAttempt.of(scheduleId, task, "run-1"));

        assertThat(ran.output()).contains("cell 1: 42 rows written");
        assertThat(repeat.repeated()).isTrue();
        assertThat(repeat.output()).isEmpty();
    }

    @Test
    void a_retry_in_the_same_run_is_the_next_attempt_and_one_after_success_is_a_repeat_that_runs_nothing() {
        world.runner.failWith("flaky");
        world.attempts.run(TaskAttempt.of(scheduleId, task, "run-1"));
        world.runner.succeed();
        Outcome second = world.attempts.run(TaskAttempt.of(scheduleId, task, "run-1"));

        Outcome third = world.attempts.run(TaskAttempt.of(scheduleId, task, "run-1"));

        assertThat(second.result().attempt()).isEqualTo(2);
        assertThat(third.repeated()).isTrue();
        assertThat(third.result().id()).isEqualTo(second.result().id());
        assertThat(world.runner.requests()).hasSize(2);
    }

    @Test
    void the_engines_run_ids_and_time_values_reach_the_result_and_the_runner() {
        TaskAttempt attempt = new TaskAttempt(scheduleId, task, "run-7",
                Optional.of(new TaskAttempt.EngineRun("run-7", "task-run-3")), Optional.empty(),
                Map.of("system.biz.date", "20261123"));

        Outcome outcome = world.attempts.run(attempt);

        assertThat(outcome.result().runId()).isEqualTo("run-7");
        assertThat(outcome.result().taskRunId()).isEqualTo("task-run-3");
        assertThat(world.runner.requests().get(0).parameters()).containsEntry("system.biz.date", "20261123");
    }

    @Test
    void a_shorter_timeout_than_the_tasks_is_honoured_and_a_longer_one_is_not() {
        Duration own = stored().definition().tasks().get(0).timeout();

        world.attempts.run(new TaskAttempt(scheduleId, task, "short", Optional.empty(),
                Optional.of(Duration.ofMinutes(5)), Map.of()));
        world.attempts.run(new TaskAttempt(scheduleId, task, "long", Optional.empty(),
                Optional.of(own.plusHours(10)), Map.of()));

        assertThat(world.runner.requests()).extracting(request -> request.timeout())
                .containsExactly(Duration.ofMinutes(5), own);
    }

    @Test
    void an_attempt_checks_itself_and_its_refusals_name_its_own_fields() {
        assertRefused(() -> TaskAttempt.of(scheduleId, task, " "), ErrorCode.FIELD_REQUIRED, "runKey");
        assertRefused(() -> TaskAttempt.of(scheduleId, task, "r".repeat(129)), ErrorCode.FIELD_TOO_LONG, "runKey");
        assertRefused(() -> TaskAttempt.of(null, task, "run-1"), ErrorCode.FIELD_REQUIRED, "scheduleId");
        assertRefused(() -> new TaskAttempt(scheduleId, task, "run-1", Optional.empty(), Optional.of(Duration.ZERO),
                Map.of()), ErrorCode.FIELD_OUT_OF_RANGE, "timeout");
        assertRefused(() -> new TaskAttempt(scheduleId, task, "run-1", Optional.empty(), Optional.empty(),
                Map.of("region", "eu")), ErrorCode.PARAMETER_RESERVED, "timeParameters.region");
        assertThat(world.runner.requests()).isEmpty();
    }

    @Test
    void an_attempt_of_a_schedule_or_task_that_is_gone_is_refused_and_runs_nothing() {
        assertRefused(() -> world.attempts.run(TaskAttempt.of(ScheduleId.newId(), task, "run-1")),
                ErrorCode.SCHEDULE_NOT_FOUND, "scheduleId");
        assertRefused(() -> world.attempts.run(TaskAttempt.of(scheduleId, "no-such-task", "run-1")),
                ErrorCode.CALLBACK_MISMATCH, "taskName");
        assertThat(world.runner.requests()).isEmpty();
        assertThat(world.executions.findAttempts(scheduleId, task, "run-1")).isEmpty();
    }
}
