package org.notebookscheduler.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
     * {@code now + lease}. No two claimants hold the same row; a row whose lease ran out (its relay
     * died) can be claimed again.
     */
    List<Notification> claimDue(String claimant, Instant now, Duration lease, int limit);

    /** Stores the notification's new state and releases the claimant's lease on it. */
    void update(Notification notification);

    Optional<Notification> findById(NotificationId id);

    /** Oldest first. */
    Page<Notification> findDead(DeadNotificationFilter filter, PageRequest page);

    /** Removes delivered notifications older than {@code before}; returns how many. */
    int purgeDelivered(Instant before);

    /** How much is waiting, for the operators' gauges. */
    Backlog backlog(Instant now);

    /**
     * @param pending   notifications not yet delivered nor dead
     * @param due       of those, the ones whose next attempt is now or past
     * @param dead      notifications that need someone to look at them
     * @param oldestDue when the longest-waiting due notification became due
     */
    record Backlog(long pending, long due, long dead, Optional<Instant> oldestDue) {
    }
}
