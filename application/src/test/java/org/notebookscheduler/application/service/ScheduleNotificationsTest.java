package org.notebookscheduler.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.application.fakes.Examples.daily;
import static org.notebookscheduler.application.fakes.Examples.notebook;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.fakes.TestWorld;
import org.notebookscheduler.domain.notification.MessageTemplate;
import org.notebookscheduler.domain.notification.Notification;
import org.notebookscheduler.domain.notification.NotificationLevel;
import org.notebookscheduler.domain.notification.NotificationOverrides;
import org.notebookscheduler.domain.notification.WebhookKind;
import org.notebookscheduler.domain.notification.WebhookTarget;
import org.notebookscheduler.domain.schedule.RunSettings;
import org.notebookscheduler.domain.schedule.ScheduleDefinition;
import org.notebookscheduler.domain.schedule.ScheduledTask;

/** A schedule's own notification settings over the global ones, the start notice and the long-run warning. */
class ScheduleNotificationsTest {

    private static final WebhookTarget SLACK = WebhookTarget.of("https://hooks.slack.com/services/T/B/team-x", null,
            null, "url");

    private final TestWorld world = new TestWorld();

    private void schedule(NotificationOverrides overrides) {
        world.scheduleService.online(world.scheduleService.create(new ScheduleDefinition("daily", null,
                List.of(ScheduledTask.of("run-nb-1", notebook("nb-1"))), daily(), RunSettings.defaults(), overrides))
                .schedule().id());
    }

    private void callback() {
        world.callbacks.handle(world.callbackFor("nb-1", "20261125020000"));
    }

    private static NotificationOverrides overrides(NotificationLevel level, Boolean onStart, Duration warning,
            List<WebhookTarget> destinations, MessageTemplate template) {
        return new NotificationOverrides(level, null, template, onStart, warning, destinations);
    }

    @Test
    void a_schedule_that_wants_every_result_is_told_of_a_success_although_the_global_level_is_failed() {
        schedule(overrides(NotificationLevel.ALL, null, null, null, null));

        callback();

        assertThat(world.outbox.all()).singleElement().satisfies(
                notification -> assertThat(notification.text()).contains("Status: succeed"));
    }

    @Test
    void a_schedule_with_its_own_destinations_notifies_them_instead_of_the_global_robot() {
        schedule(overrides(NotificationLevel.ALL, null, null, List.of(SLACK), null));

        callback();

        assertThat(world.outbox.all()).extracting(notification -> notification.target().kind())
                .containsExactly(WebhookKind.SLACK);
    }

    @Test
    void a_schedule_with_an_empty_destination_list_notifies_no_one() {
        schedule(overrides(NotificationLevel.ALL, null, null, List.of(), null));

        callback();

        assertThat(world.outbox.all()).isEmpty();
    }

    @Test
    void a_run_start_is_announced_before_the_run_when_the_schedule_asks() {
        schedule(overrides(null, true, null, null, null));
        world.runner.whileRunning(() -> assertThat(world.outbox.all()).hasSize(1));

        callback();

        assertThat(world.outbox.all()).extracting(Notification::text).singleElement()
                .satisfies(text -> assertThat(text).contains("Status: started"));
    }

    @Test
    void a_run_still_going_past_the_threshold_is_warned_about_while_it_runs() {
        schedule(overrides(null, null, Duration.ofMinutes(2), null, null));
        world.runner.whileRunning(() -> {
            world.alarms.fireDue();
            assertThat(world.outbox.all()).extracting(Notification::text).singleElement()
                    .satisfies(text -> assertThat(text).contains("still running after 00:02:00"));
        });

        callback();

        assertThat(world.outbox.all()).hasSize(1);
    }

    @Test
    void a_run_that_ends_before_the_threshold_raises_no_warning() {
        schedule(overrides(null, null, Duration.ofHours(1), null, null));

        callback();
        world.clock.advance(Duration.ofHours(2));
        world.alarms.fireDue();

        assertThat(world.outbox.all()).isEmpty();
        assertThat(world.alarms.armed()).isZero();
    }

    @Test
    void a_schedules_template_shapes_its_messages() {
        schedule(overrides(NotificationLevel.ALL, null, null, null,
                MessageTemplate.of("{scheduleName}: {status} in {duration}", "template")));

        callback();

        assertThat(world.outbox.all()).extracting(Notification::text).containsExactly("daily: succeed in 00:03:00");
    }
}
