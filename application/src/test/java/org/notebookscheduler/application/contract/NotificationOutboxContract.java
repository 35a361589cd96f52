package org.notebookscheduler.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.application.fakes.Examples.NOW;
import static org.notebookscheduler.application.fakes.Examples.notification;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.port.out.DeadNotificationFilter;
import org.notebookscheduler.application.port.out.NotificationOutbox;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.domain.notification.DeliveryBackoff;
import org.notebookscheduler.domain.notification.FailedAttempt;
import org.notebookscheduler.domain.notification.Notification;
import org.notebookscheduler.domain.notification.NotificationStatus;
import org.notebookscheduler.domain.schedule.ScheduleId;

/** What every {@link NotificationOutbox} does; the in-memory fake and the table both pass it. */
public abstract class NotificationOutboxContract {

    private static final Duration LEASE = Duration.ofMinutes(2);

    /** An outbox over an empty database. */
    protected abstract NotificationOutbox outbox();

    @Test
    void a_due_notification_is_claimed_once_while_its_lease_holds() {
        NotificationOutbox outbox = outbox();
        Notification queued = notification(ScheduleId.newId(), NOW);
        outbox.enqueue(queued);

        List<Notification> first = outbox.claimDue("relay-1", NOW, LEASE, 10);
        List<Notification> second = outbox.claimDue("relay-2", NOW.plusSeconds(60), LEASE, 10);

        assertThat(first).extracting(Notification::id).containsExactly(queued.id());
        assertThat(second).isEmpty();
    }

    @Test
    void a_claim_whose_lease_ran_out_can_be_claimed_by_another_relay() {
        NotificationOutbox outbox = outbox();
        outbox.enqueue(notification(ScheduleId.newId(), NOW));
        outbox.claimDue("relay-that-died", NOW, LEASE, 10);

        List<Notification> reclaimed = outbox.claimDue("relay-2", NOW.plus(LEASE).plusSeconds(1), LEASE, 10);

        assertThat(reclaimed).hasSize(1);
    }

    @Test
    void a_notification_not_yet_due_is_not_claimed() {
        NotificationOutbox outbox = outbox();
        outbox.enqueue(notification(ScheduleId.newId(), NOW.plusSeconds(30)));

        assertThat(outbox.claimDue("relay-1", NOW, LEASE, 10)).isEmpty();
        assertThat(outbox.claimDue("relay-1", NOW.plusSeconds(30), LEASE, 10)).hasSize(1);
    }

    @Test
    void a_claim_takes_at_most_the_limit_oldest_due_first() {
        NotificationOutbox outbox = outbox();
        for (int i = 0; i < 5; i++) {
            outbox.enqueue(notification(ScheduleId.newId(), NOW.minusSeconds(i)));
        }

        List<Notification> claimed = outbox.claimDue("relay-1", NOW, LEASE, 3);

        assertThat(claimed).hasSize(3);
        assertThat(claimed).extracting(Notification::nextAttemptAt)
                .containsExactly(NOW.minusSeconds(4), NOW.minusSeconds(3), NOW.minusSeconds(2));
    }

    /** Observed: 417 of 490 messages arrived after a newer message to the same robot. */
    @Test
    void a_claimed_batch_comes_back_oldest_created_first_even_when_an_older_one_waited_out_a_backoff() {
        NotificationOutbox outbox = outbox();
        Notification older = notification(ScheduleId.newId(), NOW.minusSeconds(60));
        older.failedRetryably("HTTP 503", Optional.empty(), DeliveryBackoff.defaults(), 0.5, NOW.minusSeconds(60));
        outbox.enqueue(older);
        Notification newer = notification(ScheduleId.newId(), NOW.minusSeconds(30));
        outbox.enqueue(newer);

        List<Notification> claimed = outbox.claimDue("relay-1", NOW, LEASE, 10);

        assertThat(claimed).extracting(Notification::id).containsExactly(older.id(), newer.id());
    }

    @Test
    void a_completed_attempt_stores_the_new_state_and_releases_the_lease() {
        NotificationOutbox outbox = outbox();
        outbox.enqueue(notification(ScheduleId.newId(), NOW));
        Notification claimed = outbox.claimDue("relay-1", NOW, LEASE, 10).get(0);
        claimed.failedRetryably("HTTP 503", Optional.empty(), DeliveryBackoff.defaults(), 0.5, NOW);

        assertThat(outbox.complete(claimed, "relay-1")).isTrue();

        Notification stored = outbox.findById(claimed.id()).orElseThrow();
        assertThat(stored.attempts()).isEqualTo(1);
        assertThat(stored.lastError()).contains("HTTP 503");
        assertThat(outbox.claimDue("relay-2", stored.nextAttemptAt(), LEASE, 10)).hasSize(1);
    }

    @Test
    void dead_notifications_are_listed_by_schedule_and_error() {
        NotificationOutbox outbox = outbox();
        ScheduleId scheduleId = ScheduleId.newId();
        Notification dead = notification(scheduleId, NOW);
        dead.failedPermanently("HTTP 400 token invalid", NOW);
        outbox.enqueue(dead);
        Notification otherDead = notification(ScheduleId.newId(), NOW);
        otherDead.failedPermanently("HTTP 400 token invalid", NOW);
        outbox.enqueue(otherDead);
        outbox.enqueue(notification(scheduleId, NOW));

        var bySchedule = outbox.findDead(new DeadNotificationFilter(scheduleId, null, null, null, null),
                PageRequest.first(10));
        var byError = outbox.findDead(new DeadNotificationFilter(null, null, null, null, "token invalid"),
                PageRequest.first(10));

        assertThat(bySchedule.items()).extracting(Notification::id).containsExactly(dead.id());
        assertThat(byError.total()).isEqualTo(2);
        assertThat(bySchedule.items().get(0).status()).isEqualTo(NotificationStatus.DEAD);
    }

    @Test
    void the_backlog_counts_pending_due_and_dead_and_knows_the_oldest_pending() {
        NotificationOutbox outbox = outbox();
        outbox.enqueue(notification(ScheduleId.newId(), NOW.minusSeconds(90)));
        outbox.enqueue(notification(ScheduleId.newId(), NOW.minusSeconds(30)));
        outbox.enqueue(notification(ScheduleId.newId(), NOW.plusSeconds(60)));
        Notification dead = notification(ScheduleId.newId(), NOW);
        dead.failedPermanently("bad token", NOW);
        outbox.enqueue(dead);

        NotificationOutbox.Backlog backlog = outbox.backlog(NOW);

        assertThat(backlog.pending()).isEqualTo(3);
        assertThat(backlog.due()).isEqualTo(2);
        assertThat(backlog.dead()).isEqualTo(1);
        assertThat(backlog.oldestPending()).contains(NOW.minusSeconds(90));
    }

    @Test
    void the_oldest_pending_age_counts_from_creation_while_the_notification_backs_off() {
        NotificationOutbox outbox = outbox();
        Notification waiting = notification(ScheduleId.newId(), NOW.minusSeconds(600));
        outbox.enqueue(waiting);
        Notification claimed = outbox.claimDue("relay-1", NOW, LEASE, 10).get(0);
        claimed.failedRetryably("HTTP 503", Optional.of(java.time.Duration.ofMinutes(5)), DeliveryBackoff.defaults(),
                0.5, NOW);
        outbox.complete(claimed, "relay-1");

        NotificationOutbox.Backlog backlog = outbox.backlog(NOW);

        assertThat(backlog.due()).isZero();
        assertThat(backlog.oldestPending()).contains(NOW.minusSeconds(600));
    }

    @Test
    void pending_notifications_are_listed_oldest_first_by_robot_without_the_dead_or_delivered() {
        NotificationOutbox outbox = outbox();
        org.notebookscheduler.domain.notification.WebhookTarget other = org.notebookscheduler.domain.notification
                .WebhookTarget.of("https://oapi.dingtalk.com/robot/send?access_token=other", null, null, "url");
        Notification newer = notification(ScheduleId.newId(), NOW.plusSeconds(5));
        Notification older = notification(ScheduleId.newId(), NOW);
        outbox.enqueue(newer);
        outbox.enqueue(older);
        outbox.enqueue(Notification.pending(ScheduleId.newId(), null, other, "elsewhere", NOW));
        Notification dead = notification(ScheduleId.newId(), NOW);
        dead.failedPermanently("bad token", NOW);
        outbox.enqueue(dead);
        String robot = older.target().redacted();

        List<Notification> waiting = outbox.findPending(new DeadNotificationFilter(null, robot, null, null, null),
                PageRequest.first(10)).items();

        assertThat(waiting).extracting(Notification::id).containsExactly(older.id(), newer.id());
    }

    @Test
    void a_relay_whose_claim_ran_out_cannot_overwrite_the_new_holders_result() {
        NotificationOutbox outbox = outbox();
        outbox.enqueue(notification(ScheduleId.newId(), NOW));
        Notification late = outbox.claimDue("relay-1", NOW, LEASE, 10).get(0);
        Notification taken = outbox.claimDue("relay-2", NOW.plus(LEASE).plusSeconds(1), LEASE, 10).get(0);
        taken.delivered(NOW.plus(LEASE).plusSeconds(2));
        assertThat(outbox.complete(taken, "relay-2")).isTrue();
        late.failedPermanently("HTTP 400", NOW);

        assertThat(outbox.complete(late, "relay-1")).isFalse();
        assertThat(outbox.findById(late.id()).orElseThrow().status()).isEqualTo(NotificationStatus.DELIVERED);
    }

    @Test
    void a_dead_notification_is_replayed_once_however_many_replays_run_at_once() throws Exception {
        NotificationOutbox outbox = outbox();
        List<Notification> dead = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Notification notification = notification(ScheduleId.newId(), NOW);
            notification.failedPermanently("bad token", NOW);
            outbox.enqueue(notification);
            dead.add(notification);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        java.util.concurrent.atomic.AtomicInteger moved = new java.util.concurrent.atomic.AtomicInteger();
        try {
            List<java.util.concurrent.Future<?>> replays = new java.util.ArrayList<>();
            for (int replayer = 0; replayer < 3; replayer++) {
                replays.add(pool.submit(() -> dead.forEach(notification -> {
                    if (outbox.replay(notification.id(), NOW)) {
                        moved.incrementAndGet();
                    }
                })));
            }
            for (java.util.concurrent.Future<?> replay : replays) {
                replay.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(moved.get()).isEqualTo(30);
        assertThat(dead).allSatisfy(notification -> assertThat(outbox.findById(notification.id()).orElseThrow()
                .status()).isEqualTo(NotificationStatus.PENDING));
    }

    /** Observed: replay erased the failure history (attempts, lastError). */
    @Test
    void a_dead_letter_keeps_every_failed_attempt_and_a_replay_keeps_them_all() {
        NotificationOutbox outbox = outbox();
        outbox.enqueue(notification(ScheduleId.newId(), NOW));
        Notification first = outbox.claimDue("relay-1", NOW, LEASE, 10).get(0);
        first.failedRetryably("HTTP 503", Optional.empty(), DeliveryBackoff.defaults(), 0.5, NOW);
        outbox.complete(first, "relay-1");
        Notification second = outbox.claimDue("relay-1", NOW.plusSeconds(60), LEASE, 10).get(0);
        second.failedPermanently("HTTP 400 token invalid", NOW.plusSeconds(60));
        outbox.complete(second, "relay-1");

        assertThat(outbox.replay(first.id(), NOW.plusSeconds(3600))).isTrue();
        Notification replayed = outbox.findById(first.id()).orElseThrow();
        assertThat(replayed.attempts()).isEqualTo(2);
        assertThat(replayed.lastError()).contains("HTTP 400 token invalid");

        Notification third = outbox.claimDue("relay-2", NOW.plusSeconds(3600), LEASE, 10).get(0);
        third.failedRetryably("timed out after 10s, possibly delivered", Optional.empty(),
                DeliveryBackoff.defaults(), 0.5, NOW.plusSeconds(3601));
        outbox.complete(third, "relay-2");

        assertThat(outbox.failures(first.id())).containsExactly(
                new FailedAttempt(1, NOW, "HTTP 503"),
                new FailedAttempt(2, NOW.plusSeconds(60), "HTTP 400 token invalid"),
                new FailedAttempt(3, NOW.plusSeconds(3601), "timed out after 10s, possibly delivered"));
        Notification retrying = outbox.findById(first.id()).orElseThrow();
        assertThat(retrying.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(retrying.attempts()).isEqualTo(3);
        assertThat(retrying.nextAttemptAt()).isBefore(NOW.plusSeconds(3601 + 60));
    }

    @Test
    void an_attempt_whose_claim_was_lost_leaves_no_trace_in_the_history() {
        NotificationOutbox outbox = outbox();
        outbox.enqueue(notification(ScheduleId.newId(), NOW));
        Notification late = outbox.claimDue("relay-1", NOW, LEASE, 10).get(0);
        outbox.claimDue("relay-2", NOW.plus(LEASE).plusSeconds(1), LEASE, 10);
        late.failedRetryably("HTTP 503", Optional.empty(), DeliveryBackoff.defaults(), 0.5, NOW.plus(LEASE));

        assertThat(outbox.complete(late, "relay-1")).isFalse();
        assertThat(outbox.failures(late.id())).isEmpty();
    }

    @Test
    void purging_removes_only_delivered_notifications_older_than_the_cut() {
        NotificationOutbox outbox = outbox();
        Notification old = notification(ScheduleId.newId(), NOW);
        old.failedRetryably("HTTP 503", Optional.empty(), DeliveryBackoff.defaults(), 0.5, NOW);
        old.delivered(NOW);
        outbox.enqueue(old);
        Notification recent = notification(ScheduleId.newId(), NOW);
        recent.delivered(NOW.plusSeconds(3600));
        outbox.enqueue(recent);
        Notification dead = notification(ScheduleId.newId(), NOW);
        dead.failedPermanently("bad token", NOW);
        outbox.enqueue(dead);

        int purged = outbox.purgeDelivered(NOW.plusSeconds(60));

        assertThat(purged).isEqualTo(1);
        assertThat(outbox.findById(old.id())).isEmpty();
        assertThat(outbox.failures(old.id())).isEmpty();
        assertThat(outbox.failures(dead.id())).hasSize(1);
        assertThat(outbox.findById(recent.id())).isPresent();
        assertThat(outbox.findById(dead.id())).isPresent();
    }
}
