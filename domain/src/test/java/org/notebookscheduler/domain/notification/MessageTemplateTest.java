package org.notebookscheduler.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.domain.schedule.EntityRef;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

class MessageTemplateTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final NotificationPolicy.RunInProgress RUN = new NotificationPolicy.RunInProgress("daily",
            "extract", new EntityRef(EntityType.NOTEBOOK, "nb-1", "sales"), "alice",
            Instant.parse("2026-11-24T18:00:00Z"), 1);

    @Test
    void a_custom_template_fills_its_placeholders() {
        MessageTemplate template = MessageTemplate.of("[{status}] {scheduleName}/{task} by {user} at {time}", "template");

        assertThat(template.render(Map.of("status", "failed", "scheduleName", "daily", "task", "extract",
                "user", "alice", "time", "2026-11-25 02:00:00")))
                .isEqualTo("[failed] daily/extract by alice at 2026-11-25 02:00:00");
    }

    @Test
    void a_line_whose_placeholders_are_all_empty_is_left_out_and_plain_lines_stay() {
        MessageTemplate template = MessageTemplate.of("Run report\nError: {error}\nStatus: {status}", "template");

        assertThat(template.render(Map.of("status", "succeed"))).isEqualTo("Run report\nStatus: succeed");
    }

    @Test
    void a_placeholder_that_does_not_exist_is_refused_naming_the_field_and_the_known_ones() {
        assertThatThrownBy(() -> MessageTemplate.of("{stauts}", "notifications.template"))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FIELD_OUT_OF_RANGE);
                    assertThat(e.field()).contains("notifications.template");
                    assertThat(e.getMessage()).contains("{stauts}", "status");
                });
    }

    @Test
    void a_start_notice_says_started_and_has_no_duration_line() {
        String text = NotificationPolicy.defaults().renderStarted(RUN, SHANGHAI);

        assertThat(text).isEqualTo("Byzer Notebook Schedule Task Notification:\nNotebook: sales\nSchedule: daily\n"
                + "Time: 2026-11-25 02:00:00\nUser: alice\nStatus: started");
    }

    @Test
    void a_long_run_warning_says_how_long_it_has_been_going() {
        String text = NotificationPolicy.defaults().renderStillRunning(RUN, Duration.ofMinutes(95), SHANGHAI);

        assertThat(text).contains("Duration: 01:35:00", "Status: still running after 01:35:00");
    }

    @Test
    void a_schedules_overrides_replace_only_what_they_name() {
        NotificationPolicy global = NotificationPolicy.defaults();
        WebhookTarget slack = WebhookTarget.of("https://hooks.slack.com/services/T/B/x", null, null, "url");
        NotificationOverrides overrides = new NotificationOverrides(NotificationLevel.ALL, null, null, true,
                Duration.ofHours(1), List.of(slack));

        NotificationPolicy effective = overrides.applyTo(global);

        assertThat(effective.level()).isEqualTo(NotificationLevel.ALL);
        assertThat(effective.header()).isEqualTo(NotificationPolicy.DEFAULT_HEADER);
        assertThat(effective.notifyOnStart()).isTrue();
        assertThat(effective.longRunWarningAfter()).contains(Duration.ofHours(1));
        assertThat(overrides.destinationsOr(List.of())).containsExactly(slack);
        assertThat(NotificationOverrides.none().destinationsOr(List.of(slack))).containsExactly(slack);
        assertThat(overrides.describe()).doesNotContain("/services/T/B/x");
    }
}
