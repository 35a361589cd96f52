package org.notebookscheduler.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.notebookscheduler.domain.notification.FailedAttempt;
import org.notebookscheduler.domain.notification.Notification;
import org.notebookscheduler.domain.notification.NotificationId;

/**
 * Notifications waiting to be delivered. Rows are written in the caller's transaction, so a
 * notification exists exactly when the result it tells about does.
 */
public interface NotificationOutbox {

    void enqueue(Notification notification);

    /**
     * Claims up to {@code limit} due pending notifications for {@code claimant} until
     * {@code now + lease}, the longest due first, and returns them oldest created first: a robot's
     * messages are tried in the order they were written, even when an older one waited out a
     * backoff that a newer one never had. No two claimants hold the same row; a row whose lease ran
     * out (its relay died) can be claimed again.
     */
    List<Notification> claimDue(String claimant, Instant now, Duration lease, int limit);

    /**
     * Stores what {@code claimant}'s attempt did (a failed attempt joins the notification's
     * history) and releases its lease, if it still holds the row:
     * the row is pending and claimed by it. Returns false, writing nothing, when the claim was lost
     * (its lease ran out and another relay took the row), so a late relay never overwrites the
     * result of the row's new holder.
     */
    boolean complete(Notification notification, String claimant);

    /**
     * Makes a dead notification due again, with a fresh set of retries, if it is still dead; its
     * attempts, last error and history stay. Returns whether this call moved it: however many
     * replays run at once, a row moves once.
     */
    boolean replay(NotificationId id, Instant now);

    Optional<Notification> findById(NotificationId id);

    /** Every failed attempt of the notification, first first, through all its replays. */
    List<FailedAttempt> failures(NotificationId id);

    /** Oldest first. */
    Page<Notification> findDead(DeadNotificationFilter filter, PageRequest page);

    /** Notifications not yet delivered nor dead, oldest first: what is waiting, and for which robot. */
    Page<Notification> findPending(DeadNotificationFilter filter, PageRequest page);

    /** Removes delivered notifications older than {@code before}, with their history; returns how many. */
    int purgeDelivered(Instant before);

    /** How much is waiting, for the operators' gauges. */
    Backlog backlog(Instant now);

    /**
     * @param pending   notifications not yet delivered nor dead
     * @param due       of those, the ones whose next attempt is now or past
     * @param dead      notifications that need someone to look at them
     * @param oldestPending when the oldest notification not yet delivered nor dead was created: how
     *                      long someone has been waiting, whether it is due now or backing off
     */
    record Backlog(long pending, long due, long dead, Optional<Instant> oldestPending) {
    }
}
