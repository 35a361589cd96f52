package org.notebookscheduler.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.domain.execution.ExecutionId;
import org.notebookscheduler.domain.execution.ExecutionResult;
import org.notebookscheduler.domain.execution.ExecutionStatus;
import org.notebookscheduler.domain.schedule.EntityRef;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.schedule.ScheduleId;

class NotificationPolicyTest {

    private static final Instant STARTED = Instant.parse("2026-11-24T01:59:58Z");

    static ExecutionResult result(ExecutionStatus status, long seconds, String message) {
        return new ExecutionResult(ExecutionId.newId(), ScheduleId.newId(), "nightly sales", "alice", "report",
                new EntityRef(EntityType.NOTEBOOK, "42", "sales report"), "20261124020000", 1, status, "alice",
                STARTED, STARTED.plusSeconds(seconds), message);
    }

    private static NotificationPolicy policy(NotificationLevel level) {
        return new NotificationPolicy(level, "Byzer Notebook Schedule Task Notification:", true, 256);
    }

    @Test
    void level_failed_notifies_a_failure_only() {
        NotificationPolicy policy = policy(NotificationLevel.FAILED);

        assertThat(policy.shouldNotify(result(ExecutionStatus.FAILED, 1, "boom"))).isTrue();
        assertThat(policy.shouldNotify(result(ExecutionStatus.SUCCEEDED, 1, null))).isFalse();
    }

    @Test
    void level_all_notifies_success_and_failure() {
        NotificationPolicy policy = policy(NotificationLevel.ALL);

        assertThat(policy.shouldNotify(result(ExecutionStatus.SUCCEEDED, 1, null))).isTrue();
        assertThat(policy.shouldNotify(result(ExecutionStatus.FAILED, 1, "boom"))).isTrue();
    }

    @Test
    void the_message_shows_every_field_the_reference_shows() {
        String text = policy(NotificationLevel.ALL).render(result(ExecutionStatus.SUCCEEDED, 3725, null),
                ZoneId.of("Asia/Shanghai"));

        assertThat(text).isEqualTo("""
                Byzer Notebook Schedule Task Notification:
                Notebook: sales report
                Schedule: nightly sales
                Time: 2026-11-24 09:59:58
                Duration: 01:02:05
                User: alice
                Status: succeed""");
    }

    @Test
    void a_failure_shows_its_error_cut_to_the_maximum_length() {
        String text = policy(NotificationLevel.FAILED).render(result(ExecutionStatus.FAILED, 5, "e".repeat(1000)),
                ZoneId.of("UTC"));

        assertThat(text).contains("Status: failed").endsWith("Error: " + "e".repeat(256));
    }

    @Test
    void the_error_can_be_left_out() {
        NotificationPolicy policy = new NotificationPolicy(NotificationLevel.FAILED, "h", false, 256);

        assertThat(policy.render(result(ExecutionStatus.FAILED, 5, "secret stack"), ZoneId.of("UTC")))
                .doesNotContain("Error").doesNotContain("secret stack");
    }

    @Test
    void the_cut_never_splits_a_character_in_two() {
        NotificationPolicy policy = new NotificationPolicy(NotificationLevel.FAILED, "h", true, 3);

        String text = policy.render(result(ExecutionStatus.FAILED, 5, "ab\uD83D\uDE00cd"), ZoneId.of("UTC"));

        assertThat(text).endsWith("Error: ab");
    }

    @Test
    void a_duration_past_a_day_keeps_counting_hours() {
        assertThat(NotificationPolicy.hoursMinutesSeconds(java.time.Duration.ofHours(26).plusSeconds(61)))
                .isEqualTo("26:01:01");
    }

    @Test
    void the_defaults_are_the_seed_defaults() {
        NotificationPolicy defaults = NotificationPolicy.defaults();

        assertThat(defaults.level()).isEqualTo(NotificationLevel.FAILED);
        assertThat(defaults.header()).isEqualTo("Byzer Notebook Schedule Task Notification:");
        assertThat(defaults.maxErrorLength()).isEqualTo(256);
    }

    @Test
    void a_workflow_is_named_as_a_workflow() {
        ExecutionResult base = result(ExecutionStatus.FAILED, 1, "x");
        ExecutionResult workflow = new ExecutionResult(base.id(), base.scheduleId(), base.scheduleName(), base.owner(),
                base.taskName(), new EntityRef(EntityType.WORKFLOW, "7", "pipeline"), base.runKey(), 1, base.status(),
                base.executedBy(), base.startedAt(), base.finishedAt(), base.message());

        assertThat(NotificationPolicy.defaults().render(workflow, ZoneId.of("UTC"))).contains("Workflow: pipeline");
    }
}
