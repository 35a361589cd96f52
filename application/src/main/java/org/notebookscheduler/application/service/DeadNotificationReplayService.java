package org.notebookscheduler.application.service;

import java.time.Clock;
import java.time.Instant;
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
    public Page<Notification> pending(DeadNotificationFilter filter, PageRequest page) {
        assertMayFilter(filter, access.actor());
        return outbox.findPending(filter, page);
    }

    @Override
    public NotificationHistory history(NotificationId id) {
        Notification notification = visible(id, access.actor());
        return new NotificationHistory(notification, outbox.failures(id));
    }

    @Override
    public void replay(NotificationId id) {
        Actor actor = access.actor();
        Notification notification = visible(id, actor);
        if (!replay(notification, actor)) {
            throw new RefusedException(ErrorCode.NOTIFICATION_NOT_DEAD, "notificationId", "notification " + id
                    + " is not dead (any more); only a dead notification can be replayed");
        }
    }

    @Override
    public int replayMatching(DeadNotificationFilter filter) {
        Actor actor = access.actor();
        assertMayFilter(filter, actor);
        Set<NotificationId> seen = new HashSet<>();
        int moved = 0;
        while (true) {
            // Replayed rows leave the dead set, so the first page always holds the ones still to do.
            List<Notification> batch = outbox.findDead(filter, PageRequest.first(REPLAY_BATCH)).items().stream()
                    .filter(notification -> !seen.contains(notification.id()))
                    .toList();
            if (batch.isEmpty()) {
                return moved;
            }
            for (Notification notification : batch) {
                seen.add(notification.id());
                if (replay(notification, actor)) {
                    moved++;
                }
            }
        }
    }

    /**
     * Moves the row from dead to due, and writes the audit line, only if this call is the one that
     * moved it: two replays at once (a double click, three instances) move and audit each row once.
     */
    private boolean replay(Notification notification, Actor actor) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            if (!outbox.replay(notification.id(), now)) {
                return false;
            }
            audit.append(ScheduleEvent.of(notification.scheduleId(), ScheduleEventType.NOTIFICATION_REPLAYED,
                    actor.name(), now, "replayed notification " + notification.id() + " to "
                            + notification.target().redacted()));
            return true;
        });
    }

    /** The notification, if it exists and belongs to one of the actor's schedules (any, for an admin). */
    private Notification visible(NotificationId id, Actor actor) {
        Notification notification = outbox.findById(id)
                .orElseThrow(() -> new RefusedException(ErrorCode.NOTIFICATION_NOT_FOUND, "notificationId",
                        "no notification " + id));
        if (!actor.admin()) {
            access.load(notification.scheduleId(), actor);
        }
        return notification;
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
