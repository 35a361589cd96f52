package org.notebookscheduler.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.shared.ErrorCode;

class NotificationTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final DeliveryBackoff BACKOFF =
            new DeliveryBackoff(3, Duration.ofSeconds(10), Duration.ofMinutes(5), 2.0, 0.0);

    private static Notification pending() {
        return Notification.pending(ScheduleId.newId(), null,
                WebhookTarget.of("https://example.com/hook", null, null, "webhookUrl"), "hello", NOW);
    }

    @Test
    void a_new_notification_is_due_at_once() {
        Notification notification = pending();

        assertThat(notification.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(notification.nextAttemptAt()).isEqualTo(NOW);
    }

    @Test
    void a_retryable_failure_makes_it_due_again_after_an_exponential_backoff() {
        Notification notification = pending();

        notification.failedRetryably("503", Optional.empty(), BACKOFF, 0.5, NOW);
        assertThat(notification.nextAttemptAt()).isEqualTo(NOW.plusSeconds(10));
        notification.failedRetryably("503", Optional.empty(), BACKOFF, 0.5, NOW);
        assertThat(notification.nextAttemptAt()).isEqualTo(NOW.plusSeconds(20));
        assertThat(notification.status()).isEqualTo(NotificationStatus.PENDING);
    }

    @Test
    void the_robots_retry_after_is_honoured_when_longer_than_the_backoff() {
        Notification notification = pending();

        notification.failedRetryably("429", Optional.of(Duration.ofSeconds(60)), BACKOFF, 0.5, NOW);

        assertThat(notification.nextAttemptAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void it_goes_dead_when_the_attempts_run_out() {
        Notification notification = pending();

        for (int i = 0; i < 3; i++) {
            notification.failedRetryably("503", Optional.empty(), BACKOFF, 0.5, NOW);
        }

        assertThat(notification.status()).isEqualTo(NotificationStatus.DEAD);
        assertThat(notification.attempts()).isEqualTo(3);
        assertThat(notification.lastError()).contains("503");
    }

    @Test
    void a_permanent_failure_is_dead_at_once() {
        Notification notification = pending();

        notification.failedPermanently("token is not exist", NOW);

        assertThat(notification.status()).isEqualTo(NotificationStatus.DEAD);
    }

    @Test
    void a_replayed_dead_notification_is_due_again_and_keeps_its_attempts_and_last_error() {
        Notification notification = pending();
        notification.failedPermanently("bad token", NOW);

        notification.replay(NOW.plusSeconds(3600));

        assertThat(notification.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(notification.nextAttemptAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(notification.attempts()).isEqualTo(1);
        assertThat(notification.lastError()).contains("bad token");
    }

    /** Observed: replay erased the failure history (attempts, lastError). */
    @Test
    void after_a_replay_the_attempts_go_on_counting_while_the_retries_start_afresh() {
        Notification notification = pending();
        for (int i = 0; i < 3; i++) {
            notification.failedRetryably("HTTP 503", Optional.empty(), BACKOFF, 0.5, NOW);
        }
        assertThat(notification.status()).isEqualTo(NotificationStatus.DEAD);

        notification.replay(NOW.plusSeconds(3600));
        notification.failedRetryably("HTTP 502", Optional.empty(), BACKOFF, 0.5, NOW.plusSeconds(3600));

        assertThat(notification.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(notification.attempts()).isEqualTo(4);
        assertThat(notification.nextAttemptAt()).isEqualTo(NOW.plusSeconds(3610));
    }

    @Test
    void each_failed_attempt_is_handed_to_the_history_with_its_number_time_and_error() {
        Notification notification = pending();
        assertThat(notification.newFailure()).isEmpty();

        notification.failedRetryably("HTTP 503", Optional.empty(), BACKOFF, 0.5, NOW);
        assertThat(notification.newFailure()).contains(new FailedAttempt(1, NOW, "HTTP 503"));
        notification.failedPermanently("HTTP 400 bad token", NOW.plusSeconds(10));
        assertThat(notification.newFailure()).contains(new FailedAttempt(2, NOW.plusSeconds(10), "HTTP 400 bad token"));
    }

    @Test
    void a_delivery_adds_nothing_to_the_failure_history() {
        Notification notification = pending();

        notification.delivered(NOW);

        assertThat(notification.newFailure()).isEmpty();
    }

    @Test
    void only_a_dead_notification_can_be_replayed() {
        Notification notification = pending();
        notification.delivered(NOW);

        assertThatThrownBy(() -> notification.replay(NOW))
                .hasFieldOrPropertyWithValue("code", ErrorCode.NOTIFICATION_NOT_DEAD);
    }

    @Test
    void jitter_spreads_the_delay_around_the_backoff_without_passing_the_cap() {
        DeliveryBackoff jittered = new DeliveryBackoff(10, Duration.ofSeconds(10), Duration.ofSeconds(30), 2.0, 0.2);

        assertThat(jittered.delayAfter(1, Optional.empty(), 0.0)).contains(Duration.ofSeconds(8));
        assertThat(jittered.delayAfter(1, Optional.empty(), 1.0)).contains(Duration.ofSeconds(12));
        assertThat(jittered.delayAfter(9, Optional.empty(), 1.0)).contains(Duration.ofSeconds(30));
    }

    /** Observed: with the defaults a robot outage longer than about 21 minutes turned notifications dead. */
    @Test
    void with_the_defaults_a_two_hour_robot_outage_is_waited_out_and_a_day_long_one_is_not() {
        Notification notification = pending();
        DeliveryBackoff defaults = DeliveryBackoff.defaults();
        Instant now = NOW;
        while (now.isBefore(NOW.plus(Duration.ofHours(2)))) {
            notification.failedRetryably("HTTP 503", Optional.empty(), defaults, 0.5, now);
            now = notification.nextAttemptAt();
        }
        assertThat(notification.status()).isEqualTo(NotificationStatus.PENDING);

        while (notification.status() == NotificationStatus.PENDING) {
            notification.failedRetryably("HTTP 503", Optional.empty(), defaults, 0.5, now);
            now = notification.nextAttemptAt();
        }
        assertThat(now).isBetween(NOW.plus(Duration.ofHours(23)), NOW.plus(Duration.ofHours(24)));
    }

    @Test
    void a_replay_gives_a_dead_notification_a_fresh_age_to_retry_in() {
        Notification notification = pending();
        notification.failedPermanently("HTTP 400", NOW);
        Instant later = NOW.plus(Duration.ofDays(3));

        notification.replay(later);
        notification.failedRetryably("HTTP 503", Optional.empty(), DeliveryBackoff.defaults(), 0.5, later);

        assertThat(notification.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(notification.retrySince()).isEqualTo(later);
    }
}
