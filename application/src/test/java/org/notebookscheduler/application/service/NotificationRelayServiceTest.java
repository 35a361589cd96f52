package org.notebookscheduler.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.application.fakes.Examples.NOW;
import static org.notebookscheduler.application.fakes.Examples.notification;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.fakes.CapturedLogs;
import org.notebookscheduler.application.fakes.TestWorld;
import org.notebookscheduler.application.port.in.RelayNotificationsUseCase.Report;
import org.notebookscheduler.application.port.out.DeliveryOutcome;
import org.notebookscheduler.domain.audit.ScheduleEventType;
import org.notebookscheduler.domain.notification.Notification;
import org.notebookscheduler.domain.notification.NotificationStatus;
import org.notebookscheduler.domain.schedule.ScheduleId;

class NotificationRelayServiceTest {

    private final TestWorld world = new TestWorld();

    private Notification queued() {
        Notification notification = notification(ScheduleId.newId(), NOW);
        world.outbox.enqueue(notification);
        return notification;
    }

    private Notification stored(Notification notification) {
        return world.outbox.findById(notification.id()).orElseThrow();
    }

    private static DeliveryOutcome unavailable() {
        return new DeliveryOutcome.Retryable("HTTP 503", Optional.empty());
    }

    @Test
    void a_delivered_notification_is_marked_delivered_and_never_sent_again() {
        Notification notification = queued();

        Report report = world.relay.relayDue();
        world.clock.advance(Duration.ofHours(1));
        world.relay.relayDue();

        assertThat(report).isEqualTo(new Report(1, 1, 0, 0));
        assertThat(stored(notification).status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(world.sender.sent()).hasSize(1);
    }

    @Test
    void a_retryable_failure_waits_for_the_backoff_before_the_next_try() {
        Notification notification = queued();
        world.sender.then(unavailable());

        Report report = world.relay.relayDue();
        world.clock.advance(Duration.ofSeconds(5));
        Report tooEarly = world.relay.relayDue();
        world.clock.advance(Duration.ofSeconds(5));
        Report due = world.relay.relayDue();

        assertThat(report.retrying()).isEqualTo(1);
        assertThat(tooEarly.claimed()).isZero();
        assertThat(due.delivered()).isEqualTo(1);
        assertThat(stored(notification).attempts()).isEqualTo(2);
    }

    @Test
    void a_robots_retry_after_is_honoured() {
        Notification notification = queued();
        world.sender.then(new DeliveryOutcome.Retryable("HTTP 429", Optional.of(Duration.ofMinutes(5))));

        world.relay.relayDue();

        assertThat(stored(notification).nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void a_permanent_failure_is_dead_at_once() {
        Notification notification = queued();
        world.sender.then(new DeliveryOutcome.Permanent("token invalid"));

        Report report = world.relay.relayDue();

        assertThat(report.dead()).isEqualTo(1);
        assertThat(stored(notification).status()).isEqualTo(NotificationStatus.DEAD);
        assertThat(stored(notification).lastError()).contains("token invalid");
    }

    /** Observed: 930 dead letters wrote no log line and no audit line. */
    @Test
    void a_notification_going_dead_leaves_an_audit_line_with_the_reason_and_no_secret() {
        Notification notification = queued();
        world.sender.then(new DeliveryOutcome.Permanent("token invalid"));

        world.relay.relayDue();

        assertThat(world.audit.all()).filteredOn(event -> event.type() == ScheduleEventType.NOTIFICATION_DEAD)
                .singleElement().satisfies(event -> {
                    assertThat(event.scheduleId()).isEqualTo(notification.scheduleId());
                    assertThat(event.detail()).contains("token invalid", notification.target().redacted())
                            .doesNotContain(notification.target().url().reveal());
                });
    }

    /** Observed: with a 20 s lease and a robot answering in 30 s, two rows were received twice. */
    @Test
    void a_send_that_could_outlive_the_claim_is_not_started() {
        for (int i = 0; i < 5; i++) {
            queued();
        }
        var relay = new NotificationRelayService(world.outbox, world.audit, world.transactions, world.pacing, (target, text) -> {
            world.clock.advance(Duration.ofSeconds(20));
            return new DeliveryOutcome.Delivered();
        }, new org.notebookscheduler.application.settings.RelaySettings("relay-fenced", Duration.ofSeconds(60), 50,
                org.notebookscheduler.domain.notification.DeliveryBackoff.defaults(), Duration.ofDays(7),
                Duration.ofSeconds(30)), world.clock, () -> 0.5);

        Report report = relay.relayDue();

        // sends start at 0 s and 20 s; at 40 s a 30 s send would end after the 60 s claim
        assertThat(report.delivered()).isEqualTo(2);
    }

    @Test
    void a_robot_down_for_several_attempts_then_back_gets_the_message_exactly_once() {
        Notification notification = queued();
        world.sender.then(unavailable()).then(unavailable()).then(unavailable());

        for (int pass = 0; pass < 10; pass++) {
            world.relay.relayDue();
            world.clock.advance(Duration.ofMinutes(5));
        }

        assertThat(stored(notification).status()).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(stored(notification).attempts()).isEqualTo(4);
        assertThat(world.sender.sent()).hasSize(4);
    }

    @Test
    void a_notification_that_keeps_failing_is_dead_after_the_last_allowed_attempt() {
        Notification notification = queued();
        for (int i = 0; i < 8; i++) {
            world.sender.then(unavailable());
        }
        var eightAttempts = new NotificationRelayService(world.outbox, world.audit, world.transactions, world.pacing,
                world.sender, new org.notebookscheduler.application.settings.RelaySettings("relay-8",
                        Duration.ofMinutes(2), 50, new org.notebookscheduler.domain.notification.DeliveryBackoff(8,
                                Duration.ofSeconds(10), Duration.ofMinutes(30), 2.0, 0.2), Duration.ofDays(7)),
                world.clock, () -> 0.5);

        for (int pass = 0; pass < 20; pass++) {
            eightAttempts.relayDue();
            world.clock.advance(Duration.ofMinutes(40));
        }

        assertThat(stored(notification).status()).isEqualTo(NotificationStatus.DEAD);
        assertThat(stored(notification).attempts()).isEqualTo(8);
    }

    @Test
    void a_sender_that_throws_counts_as_a_retryable_failure() {
        Notification notification = queued();
        TestWorld broken = world;
        var service = new NotificationRelayService(broken.outbox, broken.audit, broken.transactions, broken.pacing, (target, text) -> {
            throw new IllegalStateException("socket closed");
        }, org.notebookscheduler.application.settings.RelaySettings.defaults("relay-x"), broken.clock, () -> 0.5);

        Report report = service.relayDue();

        assertThat(report.retrying()).isEqualTo(1);
        assertThat(stored(notification).status()).isEqualTo(NotificationStatus.PENDING);
    }

    @Test
    void a_batch_that_outlasts_most_of_its_lease_stops_sending_and_hands_the_rest_back_at_once() {
        for (int i = 0; i < 5; i++) {
            queued();
        }
        var slowRobot = new NotificationRelayService(world.outbox, world.audit, world.transactions, world.pacing, (target, text) -> {
            world.clock.advance(Duration.ofSeconds(45));
            return new DeliveryOutcome.Delivered();
        }, org.notebookscheduler.application.settings.RelaySettings.defaults("relay-slow"), world.clock, () -> 0.5);

        Report report = slowRobot.relayDue();

        assertThat(report.delivered()).isEqualTo(3);
        assertThat(world.outbox.all()).filteredOn(n -> n.status() == NotificationStatus.PENDING).hasSize(2);
        // another relay takes the two it did not send without waiting for the first pass's lease to end
        assertThat(world.outbox.claimDue("relay-2", NOW.plusSeconds(1), Duration.ofMinutes(2), 10)).hasSize(2);
    }

    @Test
    void delivered_notifications_are_purged_after_the_retention_and_dead_ones_are_kept() {
        Notification delivered = queued();
        world.relay.relayDue();
        Notification dead = queued();
        world.sender.then(new DeliveryOutcome.Permanent("bad token"));
        world.relay.relayDue();

        world.clock.advance(Duration.ofDays(8));
        int purged = world.relay.purgeDelivered();

        assertThat(purged).isEqualTo(1);
        assertThat(world.outbox.findById(delivered.id())).isEmpty();
        assertThat(world.outbox.findById(dead.id())).isPresent();
    }

    private Notification queuedTo(org.notebookscheduler.domain.notification.WebhookTarget robot, String text,
            java.time.Instant createdAt) {
        Notification notification = Notification.pending(ScheduleId.newId(), null, robot, text, createdAt);
        world.outbox.enqueue(notification);
        return notification;
    }

    private static final org.notebookscheduler.domain.notification.WebhookTarget DINGTALK =
            org.notebookscheduler.domain.notification.WebhookTarget.of(
                    "https://oapi.dingtalk.com/robot/send?access_token=dt", null, null, "url");

    /** Observed: during a rate limit two robots got 514 requests for 80 messages; DingTalk takes 20 a minute. */
    @Test
    void a_rate_limited_robot_gets_one_message_per_its_interval_and_the_rest_wait_their_turn() {
        for (int i = 0; i < 5; i++) {
            queuedTo(DINGTALK, "message " + i, NOW.plusMillis(i));
        }

        world.relay.relayDue();
        world.clock.advance(Duration.ofSeconds(1));
        world.relay.relayDue();
        world.clock.advance(Duration.ofSeconds(2));
        world.relay.relayDue();

        assertThat(world.sender.sent()).extracting(sent -> sent.text()).containsExactly("message 0", "message 1");
        assertThat(world.outbox.all()).filteredOn(n -> n.status() == NotificationStatus.PENDING).hasSize(3)
                .allSatisfy(n -> assertThat(n.attempts()).isZero());
    }

    @Test
    void a_failing_robot_is_not_hammered_and_its_messages_go_out_in_creation_order_when_it_is_back() {
        Notification first = queuedTo(DINGTALK, "first", NOW);
        queuedTo(DINGTALK, "second", NOW.plusMillis(1));
        world.sender.then(unavailable());

        world.relay.relayDue();
        world.clock.advance(Duration.ofSeconds(5));
        world.relay.relayDue(); // the robot backs off: "second" must not jump ahead of "first"
        world.clock.advance(Duration.ofMinutes(10));
        for (int pass = 0; pass < 4; pass++) {
            world.relay.relayDue();
            world.clock.advance(Duration.ofSeconds(3));
        }

        assertThat(world.sender.sent()).extracting(sent -> sent.text()).containsExactly("first", "first", "second");
        assertThat(stored(first).status()).isEqualTo(NotificationStatus.DELIVERED);
    }

    private static final org.notebookscheduler.domain.notification.WebhookTarget TOKENED_ROBOT =
            org.notebookscheduler.domain.notification.WebhookTarget.of(
                    "https://oapi.dingtalk.com/robot/send?access_token=tok-9f8e7d6c", null, null, "url");

    /** Observed: about 10,000 failed attempts wrote no log line, even at DEBUG. */
    @Test
    void a_robots_first_failure_opens_its_circuit_with_one_warning_and_failed_probes_add_none() {
        queuedTo(TOKENED_ROBOT, "first", NOW);
        queuedTo(TOKENED_ROBOT, "second", NOW.plusMillis(1));
        world.sender.then(unavailable()).then(unavailable()).then(unavailable());

        try (CapturedLogs logs = CapturedLogs.of(NotificationRelayService.class)) {
            for (int pass = 0; pass < 6; pass++) {
                world.relay.relayDue();
                world.clock.advance(Duration.ofMinutes(2));
            }

            assertThat(world.sender.sent()).extracting(sent -> sent.text())
                    .containsExactly("first", "first", "first", "first", "second");
            assertThat(logs.at(Level.WARNING)).singleElement().satisfies(line -> assertThat(line)
                    .contains("is failing", TOKENED_ROBOT.redacted(), "HTTP 503").doesNotContain("tok-9f8e7d6c"));
        }
    }

    @Test
    void a_delivery_after_an_outage_closes_the_circuit_with_one_line_saying_since_when() {
        queuedTo(TOKENED_ROBOT, "first", NOW);
        queuedTo(TOKENED_ROBOT, "second", NOW.plusMillis(1));
        world.sender.then(unavailable());

        try (CapturedLogs logs = CapturedLogs.of(NotificationRelayService.class)) {
            for (int pass = 0; pass < 6; pass++) {
                world.relay.relayDue();
                world.clock.advance(Duration.ofMinutes(1));
            }

            assertThat(world.sender.sent()).extracting(sent -> sent.text()).containsExactly("first", "first", "second");
            assertThat(logs.at(Level.INFO)).singleElement().satisfies(line -> assertThat(line)
                    .contains(TOKENED_ROBOT.redacted(), "delivers again", NOW.toString()));
        }
    }

    @Test
    void each_failed_attempt_joins_the_notifications_history() {
        Notification notification = queued();
        world.sender.then(unavailable()).then(new DeliveryOutcome.Permanent("HTTP 400 token invalid"));

        world.relay.relayDue();
        world.clock.advance(Duration.ofMinutes(1));
        world.relay.relayDue();

        assertThat(world.outbox.failures(notification.id())).extracting(failure -> failure.error())
                .containsExactly("HTTP 503", "HTTP 400 token invalid");
    }
}
