package org.notebookscheduler.application.service;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.notebookscheduler.application.port.in.ReplayDeadNotificationsUseCase;
import org.notebookscheduler.application.port.out.AuditLog;
import org.notebookscheduler.application.port.out.CurrentUser;
import org.notebookscheduler.application.port.out.DeadNotificationFilter;
import org.notebookscheduler.application.port.out.NotificationOutbox;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.port.out.ScheduleStore;
import org.notebookscheduler.application.port.out.Transactions;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.audit.ScheduleEventType;
import org.notebookscheduler.domain.notification.Notification;
import org.notebookscheduler.domain.notification.NotificationId;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.shared.Actor;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/**
 * Dead notifications and their replay. A user works on one of their own schedules at a time; an
 * admin on any filter. A replay makes the row due again for the relay and leaves an audit line.
 */
public final class DeadNotificationReplayService implements ReplayDeadNotificationsUseCase {

    private static final int REPLAY_BATCH = PageRequest.MAX_SIZE;

    private final NotificationOutbox outbox;
    private final ScheduleAccess access;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    public DeadNotificationReplayService(NotificationOutbox outbox, ScheduleStore schedules, CurrentUser currentUser,
            AuditLog audit, Transactions transactions, Clock clock) {
        this.outbox = outbox;
        this.access = new ScheduleAccess(schedules, currentUser);
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Page<Notification> dead(DeadNotificationFilter filter, PageRequest page) {
        assertMayFilter(filter, access.actor());
        return outbox.findDead(filter, page);
    }

    @Override
    public void replay(NotificationId id) {
        Actor actor = access.actor();
        Notification notification = outbox.findById(id)
                .orElseThrow(() -> new RefusedException(ErrorCode.NOTIFICATION_NOT_FOUND, "notificationId",
                        "no notification " + id));
        if (!actor.admin()) {
            access.load(notification.scheduleId(), actor);
        }
        replay(notification, actor);
    }

    @Override
    public int replayMatching(DeadNotificationFilter filter) {
        Actor actor = access.actor();
        assertMayFilter(filter, actor);
        Set<NotificationId> replayed = new HashSet<>();
        while (true) {
            // Replayed rows leave the dead set, so the first page always holds the ones still to do.
            List<Notification> batch = outbox.findDead(filter, PageRequest.first(REPLAY_BATCH)).items().stream()
                    .filter(notification -> !replayed.contains(notification.id()))
                    .toList();
            if (batch.isEmpty()) {
                return replayed.size();
            }
            for (Notification notification : batch) {
                replay(notification, actor);
                replayed.add(notification.id());
            }
        }
    }

    private void replay(Notification notification, Actor actor) {
        notification.replay(clock.instant());
        transactions.run(() -> {
            outbox.update(notification);
            audit.append(ScheduleEvent.of(notification.scheduleId(), ScheduleEventType.NOTIFICATION_REPLAYED,
                    actor.name(), clock.instant(), "replayed notification " + notification.id() + " to "
                            + notification.target().redacted()));
        });
    }

    private void assertMayFilter(DeadNotificationFilter filter, Actor actor) {
        if (actor.admin()) {
            return;
        }
        ScheduleId scheduleId = filter.scheduleId();
        if (scheduleId == null) {
            throw new RefusedException(ErrorCode.FIELD_REQUIRED, "scheduleId",
                    "scheduleId is required: only an admin may look across schedules");
        }
        access.load(scheduleId, actor);
    }
}
