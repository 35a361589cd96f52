package org.notebookscheduler.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.application.fakes.Refusals.assertRefused;

import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.fakes.TestWorld;
import org.notebookscheduler.application.port.out.DeadNotificationFilter;
import org.notebookscheduler.application.port.out.DeliveryOutcome;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.audit.ScheduleEventType;
import org.notebookscheduler.domain.notification.Notification;
import org.notebookscheduler.domain.notification.NotificationId;
import org.notebookscheduler.domain.notification.NotificationStatus;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.shared.Actor;
import org.notebookscheduler.domain.shared.ErrorCode;

class DeadNotificationReplayServiceTest {

    private final TestWorld world = new TestWorld();

    /** A failed run of a new schedule whose notification the robot refused for good. */
    private ScheduleId scheduleWithDeadNotification(String notebookId) {
        ScheduleId id = world.onlineSchedule("daily-" + notebookId, notebookId);
        world.runner.failWith("boom");
        world.callbacks.handle(world.callbackFor(notebookId, "run-1"));
        world.sender.then(new DeliveryOutcome.Permanent("HTTP 400 token invalid"));
        world.relay.relayDue();
        return id;
    }

    private Notification onlyDeadOf(ScheduleId id) {
        return world.replay.dead(new DeadNotificationFilter(id, null, null, null, null), PageRequest.first(10))
                .items().get(0);
    }

    @Test
    void a_replayed_notification_is_due_again_delivered_by_the_relay_and_the_replay_is_audited() {
        ScheduleId id = scheduleWithDeadNotification("nb-1");
        Notification dead = onlyDeadOf(id);

        world.replay.replay(dead.id());
        world.clock.advance(java.time.Duration.ofSeconds(1)); // the robot's pace: one Feishu message per 0.6 s
        world.relay.relayDue();

        assertThat(world.outbox.findById(dead.id()).orElseThrow().status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(world.audit.all()).filteredOn(event -> event.scheduleId().equals(id))
                .extracting(ScheduleEvent::type).endsWith(ScheduleEventType.NOTIFICATION_REPLAYED);
        assertThat(world.audit.all().get(world.audit.all().size() - 1).detail())
                .contains("open.feishu.cn").doesNotContain("secret-token");
    }

    @Test
    void only_a_dead_notification_can_be_replayed() {
        ScheduleId id = scheduleWithDeadNotification("nb-1");
        Notification dead = onlyDeadOf(id);
        world.replay.replay(dead.id());

        assertRefused(() -> world.replay.replay(dead.id()), ErrorCode.NOTIFICATION_NOT_DEAD, "notificationId");
    }

    @Test
    void an_unknown_notification_is_refused_as_not_found() {
        assertRefused(() -> world.replay.replay(NotificationId.newId()), ErrorCode.NOTIFICATION_NOT_FOUND,
                "notificationId");
    }

    @Test
    void replaying_by_filter_replays_every_match_and_nothing_else() {
        scheduleWithDeadNotification("nb-1");
        scheduleWithDeadNotification("nb-2");
        world.actAs(Actor.admin("root"));

        int replayed = world.replay.replayMatching(DeadNotificationFilter.all());

        assertThat(replayed).isEqualTo(2);
        assertThat(world.replay.dead(DeadNotificationFilter.all(), PageRequest.first(10)).total()).isZero();
    }

    @Test
    void a_user_looks_at_dead_notifications_one_of_their_own_schedules_at_a_time() {
        ScheduleId alices = scheduleWithDeadNotification("nb-1");

        assertRefused(() -> world.replay.dead(DeadNotificationFilter.all(), PageRequest.first(10)),
                ErrorCode.FIELD_REQUIRED, "scheduleId");
        world.actAs(Actor.user("bob"));
        assertRefused(() -> world.replay.dead(new DeadNotificationFilter(alices, null, null, null, null),
                PageRequest.first(10)), ErrorCode.ACCESS_DENIED, "scheduleId");
        assertRefused(() -> world.replay.replay(onlyDeadOfAsAdmin(alices).id()), ErrorCode.ACCESS_DENIED, "scheduleId");
    }

    @Test
    void a_notifications_history_is_shown_to_its_schedules_owner_and_to_no_other_user() {
        ScheduleId alices = scheduleWithDeadNotification("nb-1");
        NotificationId dead = onlyDeadOfAsAdmin(alices).id();

        assertThat(world.replay.history(dead).failures()).extracting(failure -> failure.error())
                .containsExactly("HTTP 400 token invalid");
        world.actAs(Actor.user("bob"));
        assertRefused(() -> world.replay.history(dead), ErrorCode.ACCESS_DENIED, "scheduleId");
    }

    private Notification onlyDeadOfAsAdmin(ScheduleId id) {
        return world.outbox.findDead(new DeadNotificationFilter(id, null, null, null, null), PageRequest.first(1))
                .items().get(0);
    }
}
