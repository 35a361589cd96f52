package org.notebookscheduler.application.port.in;

import org.notebookscheduler.application.port.out.DeadNotificationFilter;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import java.util.List;
import org.notebookscheduler.domain.notification.FailedAttempt;
import org.notebookscheduler.domain.notification.Notification;
import org.notebookscheduler.domain.notification.NotificationId;

/**
 * Look at notifications that could not be delivered and send them again. A user manages the
 * notifications of their own schedules; an admin, all of them. Every replay is audited.
 */
public interface ReplayDeadNotificationsUseCase {

    Page<Notification> dead(DeadNotificationFilter filter, PageRequest page);

    /** What is still waiting to be delivered (backing off, paced, or stuck), with the same filter. */
    Page<Notification> pending(DeadNotificationFilter filter, PageRequest page);

    /** One notification with every failed attempt it has had, first first, through its replays. */
    NotificationHistory history(NotificationId id);

    void replay(NotificationId id);

    /** Replays every dead notification the filter matches; returns how many. */
    int replayMatching(DeadNotificationFilter filter);

    record NotificationHistory(Notification notification, List<FailedAttempt> failures) {
        public NotificationHistory {
            failures = List.copyOf(failures);
        }
    }
}
