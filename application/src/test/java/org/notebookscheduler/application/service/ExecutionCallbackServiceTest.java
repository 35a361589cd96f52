package org.notebookscheduler.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.notebookscheduler.application.fakes.Examples.definition;
import static org.notebookscheduler.application.fakes.Examples.feishu;
import static org.notebookscheduler.application.fakes.Examples.notebook;
import static org.notebookscheduler.application.fakes.Refusals.assertRefused;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.fakes.TestWorld;
import org.notebookscheduler.application.port.in.ExecutionCallback;
import org.notebookscheduler.application.port.in.RunTaskAttemptUseCase.Outcome;
import org.notebookscheduler.application.port.out.NotebookRunner;
import org.notebookscheduler.application.port.out.CallerRuns;
import org.notebookscheduler.domain.audit.ScheduleEventType;
import org.notebookscheduler.domain.execution.ExecutionResult;
import org.notebookscheduler.domain.execution.ExecutionStatus;
import org.notebookscheduler.domain.notification.NotificationLevel;
import org.notebookscheduler.domain.notification.NotificationPolicy;
import org.notebookscheduler.domain.notification.WebhookKind;
import org.notebookscheduler.domain.notification.WebhookTarget;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.schedule.ScheduledTask;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

class ExecutionCallbackServiceTest {

    private static final String RUN = "2026-11-25 02:00:00";

    private TestWorld world = new TestWorld();

    private ScheduleId scheduleNotebook(String id, Duration timeout) {
        ScheduleId scheduleId = world.scheduleService.create(definition("daily-" + id, new ScheduledTask("run-" + id,
                notebook(id), null, timeout, 2, Duration.ofMinutes(1), Set.of(), Map.of("region", "eu"))))
                .schedule().id();
        world.scheduleService.online(scheduleId);
        return scheduleId;
    }

    /** The callback of {@code notebookId}'s task with {@code token} in place of its credential. */
    private ExecutionCallback callback(String token, String notebookId, String runKey) {
        ExecutionCallback genuine = world.callbackFor(notebookId, runKey);
        return new ExecutionCallback(token, genuine.scheduleId(), genuine.taskName(), genuine.entityType(),
                genuine.entityId(), genuine.commitId(), genuine.timeout(), runKey, genuine.parameters());
    }

    private Outcome handle(String notebookId, String runKey) {
        return world.callbacks.handle(world.callbackFor(notebookId, runKey));
    }

    private static ExecutionCallback with(ExecutionCallback callback, String entityType, String entityId,
            String commitId, Map<String, String> parameters) {
        return new ExecutionCallback(callback.token(), callback.scheduleId(), callback.taskName(), entityType,
                entityId, commitId, callback.timeout(), callback.runKey(), parameters);
    }

    @Test
    void a_callback_reads_its_schedule_once_and_gives_its_claim_back_with_the_result() {
        scheduleNotebook("nb-1", null);
        int readsBefore = world.schedules.readsById();
        int releasesBefore = world.claims.releases();

        Outcome outcome = handle("nb-1", RUN);

        assertThat(outcome.result().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(world.schedules.readsById() - readsBefore).isEqualTo(1);
        assertThat(world.claims.releases() - releasesBefore).isEqualTo(1);
    }

    @Test
    void a_wrong_token_is_refused_and_nothing_runs_or_is_recorded() {
        scheduleNotebook("nb-1", null);
        int auditBefore = world.audit.all().size();

        assertRefused(() -> world.callbacks.handle(callback("guess", "nb-1", RUN)),
                ErrorCode.CALLBACK_TOKEN_INVALID, "token");

        assertThat(world.runner.requests()).isEmpty();
        assertThat(world.executions.all()).isEmpty();
        assertThat(world.audit.all()).hasSize(auditBefore);
    }

    @Test
    void a_missing_token_is_refused() {
        scheduleNotebook("nb-1", null);

        assertRefused(() -> world.callbacks.handle(callback(null, "nb-1", RUN)), ErrorCode.CALLBACK_TOKEN_INVALID,
                "token");
    }

    @Test
    void the_entity_runs_as_its_owner_at_the_scheduled_commit_with_the_task_and_time_parameters() {
        scheduleNotebook("nb-1", null);

        handle("nb-1", RUN);

        NotebookRunner.Request request = world.runner.requests().get(0);
        assertThat(request.owner()).isEqualTo("alice");
        assertThat(request.commitId()).isEqualTo("commit-nb-1");
        assertThat(request.entity().id()).isEqualTo("nb-1");
        assertThat(request.parameters()).containsEntry("region", "eu").containsEntry("system.biz.date", "20261124");
    }

    @Test
    void the_run_timeout_is_the_smallest_of_the_task_the_callback_and_the_configured_cap() {
        scheduleNotebook("nb-1", Duration.ofHours(2));
        scheduleNotebook("nb-2", null);

        handle("nb-1", RUN);
        world.callbacks.handle(world.callbackFor("nb-1", "other run", "600"));
        handle("nb-2", RUN);

        assertThat(world.runner.requests()).extracting(NotebookRunner.Request::timeout)
                .containsExactly(Duration.ofHours(2), Duration.ofMinutes(10), Duration.ofHours(2).plusMinutes(40));
    }

    @Test
    void a_failed_run_is_recorded_audited_and_queued_for_notification_under_the_default_policy() {
        scheduleNotebook("nb-1", null);
        world.runner.failWith("Table not found: sales");

        Outcome outcome = handle("nb-1", RUN);

        ExecutionResult result = outcome.result();
        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.message()).isEqualTo("Table not found: sales");
        assertThat(result.duration()).isEqualTo(Duration.ofMinutes(3));
        assertThat(world.executions.all()).containsExactly(result);
        assertThat(world.audit.all()).extracting(event -> event.type()).endsWith(ScheduleEventType.EXECUTION_RECORDED);
        assertThat(world.outbox.all()).singleElement().satisfies(notification -> {
            assertThat(notification.executionId()).contains(result.id());
            assertThat(notification.text()).contains("Status: failed", "Table not found: sales");
        });
    }

    @Test
    void a_successful_run_is_not_notified_when_only_failures_are() {
        scheduleNotebook("nb-1", null);

        Outcome outcome = handle("nb-1", RUN);

        assertThat(outcome.result().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(world.outbox.all()).isEmpty();
    }

    @Test
    void with_level_all_a_successful_run_is_queued_once_per_destination() {
        WebhookTarget slack = WebhookTarget.of("https://hooks.slack.com/services/T0/B0/xyz", null, null, "webhookUrl");
        world = new TestWorld(new NotificationPolicy(NotificationLevel.ALL, "Header", true, 256), List.of(feishu(), slack));
        scheduleNotebook("nb-1", null);

        handle("nb-1", RUN);

        assertThat(world.outbox.all()).extracting(notification -> notification.target().kind())
                .containsExactlyInAnyOrder(WebhookKind.FEISHU, WebhookKind.SLACK);
    }

    @Test
    void a_repeated_callback_for_a_task_that_already_succeeded_in_that_run_is_not_run_or_recorded_again() {
        scheduleNotebook("nb-1", null);
        Outcome first = handle("nb-1", RUN);

        Outcome again = handle("nb-1", RUN);

        assertThat(again.repeated()).isTrue();
        assertThat(again.result()).isEqualTo(first.result());
        assertThat(world.runner.requests()).hasSize(1);
        assertThat(world.executions.all()).hasSize(1);
    }

    @Test
    void the_schedulers_retry_after_a_failure_is_recorded_as_the_next_attempt() {
        scheduleNotebook("nb-1", null);
        world.runner.failWith("flaky");
        handle("nb-1", RUN);
        world.runner.succeed();

        Outcome retry = handle("nb-1", RUN);

        assertThat(retry.repeated()).isFalse();
        assertThat(retry.result().attempt()).isEqualTo(2);
        assertThat(world.executions.all()).extracting(ExecutionResult::status)
                .containsExactly(ExecutionStatus.FAILED, ExecutionStatus.SUCCEEDED);
    }

    @Test
    void when_the_notification_cannot_be_queued_the_result_and_its_audit_line_are_not_kept_either() {
        scheduleNotebook("nb-1", null);
        world.runner.failWith("boom");
        int auditBefore = world.audit.all().size();
        world.outbox.faults().failNext("enqueue", new IllegalStateException("outbox table full"));

        assertThatThrownBy(() -> handle("nb-1", RUN)).hasMessageContaining("outbox table full");

        assertThat(world.executions.all()).isEmpty();
        assertThat(world.audit.all()).hasSize(auditBefore);
        assertThat(world.outbox.all()).isEmpty();
    }

    @Test
    void a_wrong_token_is_refused_before_anything_else_in_the_callback_is_looked_at() {
        assertRefused(() -> world.callbacks.handle(new ExecutionCallback("guess", "not-an-id", null, "spreadsheet",
                null, null, "abc", null, Map.of())), ErrorCode.CALLBACK_TOKEN_INVALID, "token");
    }

    @Test
    void an_entity_type_other_than_the_tasks_is_refused_naming_the_callback_field() {
        scheduleNotebook("nb-1", null);

        assertRefused(() -> world.callbacks.handle(with(world.callbackFor("nb-1", RUN), "spreadsheet", "nb-1", null,
                Map.of())), ErrorCode.CALLBACK_MISMATCH, "entity_type");
        assertThat(world.runner.requests()).isEmpty();
    }

    @Test
    void a_timeout_that_is_not_a_number_of_seconds_is_refused_naming_the_callback_field() {
        scheduleNotebook("nb-1", null);

        assertRefused(() -> world.callbacks.handle(world.callbackFor("nb-1", RUN, "ten minutes")),
                ErrorCode.FIELD_OUT_OF_RANGE, "timeout");
        assertThat(world.runner.requests()).isEmpty();
    }

    @Test
    void a_run_key_the_scheduler_left_unsubstituted_makes_the_callback_a_run_of_its_own() {
        scheduleNotebook("nb-1", null);

        handle("nb-1", "${system.datetime}");
        handle("nb-1", "${system.datetime}");

        assertThat(world.executions.all()).extracting(ExecutionResult::runKey)
                .allSatisfy(key -> assertThat(key).startsWith("manual-")).doesNotHaveDuplicates();
    }

    @Test
    void a_callback_for_a_schedule_that_does_not_exist_is_refused_like_a_wrong_credential() {
        ScheduleId unknown = ScheduleId.newId();

        assertRefused(() -> world.callbacks.handle(new ExecutionCallback(TestWorld.credential(unknown, "run-nb-9"),
                unknown.toString(), "run-nb-9", "notebook", "nb-9", null, null, RUN, Map.of())),
                ErrorCode.CALLBACK_TOKEN_INVALID, "token");
        assertThat(world.runner.requests()).isEmpty();
    }

    @Test
    void a_runner_that_throws_is_recorded_as_a_failed_run() {
        scheduleNotebook("nb-1", null);
        NotebookRunner broken = request -> {
            throw new IllegalStateException("engine unreachable");
        };
        var settings = org.notebookscheduler.application.settings.CallbackSettings.withToken(
                org.notebookscheduler.domain.shared.Secret.of(TestWorld.CALLBACK_TOKEN, "callbackToken"));
        ExecutionCallbackService service = new ExecutionCallbackService(settings, world.schedules, world.audit,
                world.clock, world.engines, new TaskAttemptService(world.schedules, world.executions, world.audit,
                        world.outbox, org.notebookscheduler.application.settings.NotificationSettings.none(), broken,
                        world.transactions, world.clock, world.alarms, world.claims, settings.maxTimeout()));

        Outcome outcome = service.handle(world.callbackFor("nb-1", RUN));

        assertThat(outcome.result().status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(outcome.result().message()).isEqualTo("engine unreachable");
    }

    @Test
    void a_callback_that_loses_a_race_for_its_attempt_number_is_recorded_as_the_next_attempt() {
        scheduleNotebook("nb-1", null);
        world.runner.failWith("flaky");
        world.runner.whileRunning(() -> {
            world.runner.whileRunning(() -> { });
            // the first holder looks dead: its claim ran out, so the same attempt is taken over
            world.clock.advance(Duration.ofHours(4));
            handle("nb-1", RUN);
        });

        handle("nb-1", RUN);

        assertThat(world.executions.all()).extracting(ExecutionResult::attempt).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void a_callback_that_loses_the_race_to_a_success_answers_as_a_repeat() {
        scheduleNotebook("nb-1", null);
        world.runner.whileRunning(() -> {
            world.runner.whileRunning(() -> { });
            world.clock.advance(Duration.ofHours(4));
            handle("nb-1", RUN);
        });

        Outcome loser = handle("nb-1", RUN);

        assertThat(loser.repeated()).isTrue();
        assertThat(world.executions.all()).hasSize(1);
    }

    @Test
    void a_callback_without_a_run_key_is_a_run_of_its_own() {
        scheduleNotebook("nb-1", null);

        handle("nb-1", null);
        handle("nb-1", null);

        assertThat(world.runner.requests()).hasSize(2);
        assertThat(world.executions.all()).extracting(ExecutionResult::attempt).containsExactly(1, 1);
    }

    @Test
    void the_global_callback_token_itself_is_not_a_credential() {
        scheduleNotebook("nb-1", null);

        assertRefused(() -> world.callbacks.handle(callback(TestWorld.CALLBACK_TOKEN, "nb-1", RUN)),
                ErrorCode.CALLBACK_TOKEN_INVALID, "token");
        assertThat(world.runner.requests()).isEmpty();
    }

    @Test
    void one_tasks_credential_does_not_run_another_schedules_task() {
        scheduleNotebook("nb-1", null);
        scheduleNotebook("nb-2", null);
        ExecutionCallback mine = world.callbackFor("nb-1", RUN);
        ExecutionCallback theirs = world.callbackFor("nb-2", RUN);

        assertRefused(() -> world.callbacks.handle(new ExecutionCallback(mine.token(), theirs.scheduleId(),
                theirs.taskName(), "notebook", "nb-2", null, null, RUN, Map.of())), ErrorCode.CALLBACK_TOKEN_INVALID,
                "token");
        assertThat(world.runner.requests()).isEmpty();
    }

    @Test
    void the_stored_schedule_decides_the_commit_and_parameters_and_a_different_commit_is_refused() {
        scheduleNotebook("nb-1", null);
        ExecutionCallback genuine = world.callbackFor("nb-1", RUN);

        assertRefused(() -> world.callbacks.handle(with(genuine, "notebook", "nb-1", "evil", Map.of())),
                ErrorCode.CALLBACK_MISMATCH, "commit_id");
        world.callbacks.handle(with(genuine, "notebook", "nb-1", null,
                Map.of("evil_param", "x", "region", "us", "system.biz.date", "20261124")));

        NotebookRunner.Request request = world.runner.requests().get(0);
        assertThat(request.commitId()).isEqualTo("commit-nb-1");
        assertThat(request.parameters()).containsEntry("region", "eu").containsEntry("system.biz.date", "20261124")
                .doesNotContainKey("evil_param");
    }

    @Test
    void an_entity_other_than_the_tasks_is_refused_so_a_credential_cannot_run_someone_elses_notebook() {
        scheduleNotebook("nb-1", null);

        assertRefused(() -> world.callbacks.handle(with(world.callbackFor("nb-1", RUN), "notebook", "nb-bob", null,
                Map.of())), ErrorCode.CALLBACK_MISMATCH, "entity_id");
        assertThat(world.runner.requests()).isEmpty();
    }

    @Test
    void a_callback_for_an_offline_schedule_nobody_asked_to_run_is_refused() {
        ScheduleId id = scheduleNotebook("nb-1", null);
        world.scheduleService.offline(id);

        assertRefused(() -> handle("nb-1", RUN), ErrorCode.CALLBACK_NOT_EXPECTED, "schedule_id");
        assertThat(world.runner.requests()).isEmpty();
    }

    @Test
    void a_callback_for_an_offline_schedule_is_run_after_a_run_now_while_that_run_can_last() {
        ScheduleId id = scheduleNotebook("nb-1", null);
        world.scheduleService.offline(id);
        world.scheduleService.runNow(id);

        handle("nb-1", "manual-1");
        world.clock.advance(Duration.ofDays(2));

        assertThat(world.runner.requests()).hasSize(1);
        assertRefused(() -> handle("nb-1", "manual-2"), ErrorCode.CALLBACK_NOT_EXPECTED, "schedule_id");
    }

    /** Observed on a real 1.3.9: ten identical callbacks sent at once ran the notebook ten times. */
    @Test
    void an_identical_callback_arriving_while_the_attempt_runs_is_refused_and_the_notebook_runs_once() {
        scheduleNotebook("nb-1", null);
        RefusedException[] duplicate = new RefusedException[1];
        world.runner.whileRunning(() -> {
            try {
                handle("nb-1", RUN);
            } catch (RefusedException e) {
                duplicate[0] = e;
            }
        });

        Outcome first = handle("nb-1", RUN);

        assertThat(duplicate[0]).isNotNull();
        assertThat(duplicate[0].code()).isEqualTo(ErrorCode.ATTEMPT_IN_PROGRESS);
        assertThat(world.runner.requests()).hasSize(1);
        assertThat(first.result().attempt()).isEqualTo(1);
        assertThat(world.executions.all()).hasSize(1);
    }

    @Test
    void the_claim_on_an_attempt_is_given_up_with_its_result_so_the_schedulers_retry_runs() {
        scheduleNotebook("nb-1", null);
        world.runner.failWith("flaky");
        handle("nb-1", RUN);
        world.runner.succeed();

        Outcome retry = handle("nb-1", RUN);

        assertThat(retry.result().attempt()).isEqualTo(2);
        assertThat(world.claims.held(new org.notebookscheduler.application.port.out.AttemptClaims.Attempt(
                retry.result().scheduleId(), retry.result().taskName(), RUN, 1))).isFalse();
    }

    /** Observed on a real 1.3.9: a retry inside one run-now instance got a new run key and counted as a new run. */
    @Test
    void retries_inside_one_scheduler_run_are_attempts_of_it_whatever_run_key_the_callback_sent() {
        scheduleNotebook("nb-1", null);
        world.engine.callbacksComeFrom(new CallerRuns.CallerRun("345", "345.1", "901"));
        world.runner.failWith("flaky");
        handle("nb-1", "20261125101500");
        world.runner.succeed();
        world.engine.callbacksComeFrom(new CallerRuns.CallerRun("345", "345.1", "902"));

        Outcome retry = handle("nb-1", "20261125101731");

        assertThat(retry.result().attempt()).isEqualTo(2);
        assertThat(retry.result().runKey()).isEqualTo("345.1");
        assertThat(retry.result().runId()).isEqualTo("345");
        assertThat(retry.result().taskRunId()).isEqualTo("902");
    }

    /** Observed on a real 1.3.9: a repeat of a scheduled run was recorded as attempts 4, 5, 6 of the old run. */
    @Test
    void a_repeat_of_a_run_is_a_run_of_its_own() {
        scheduleNotebook("nb-1", null);
        world.engine.callbacksComeFrom(new CallerRuns.CallerRun("345", "345.1", "901"));
        handle("nb-1", "20261125020000");
        world.engine.callbacksComeFrom(new CallerRuns.CallerRun("345", "345.2", "950"));

        Outcome repeat = handle("nb-1", "20261125020000");

        assertThat(repeat.repeated()).isFalse();
        assertThat(repeat.result().attempt()).isEqualTo(1);
        assertThat(world.runner.requests()).hasSize(2);
    }

    @Test
    void when_the_scheduler_cannot_tell_the_run_the_callbacks_run_key_is_kept() {
        scheduleNotebook("nb-1", null);
        world.engine.faults().failNext("callerRun", new org.notebookscheduler.application.port.out
                .EngineException(org.notebookscheduler.application.port.out.EngineException.Kind
                        .UNAVAILABLE, "instance/list-paging", "cannot reach DolphinScheduler"));

        Outcome outcome = handle("nb-1", RUN);

        assertThat(outcome.result().runKey()).isEqualTo(RUN);
        assertThat(outcome.result().runId()).isNull();
    }
}
