package org.notebookscheduler.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import org.notebookscheduler.application.port.in.RelayNotificationsUseCase;
import org.notebookscheduler.application.port.out.AuditLog;
import org.notebookscheduler.application.port.out.DeliveryOutcome;
import org.notebookscheduler.application.port.out.DestinationPacing;
import org.notebookscheduler.application.port.out.NotificationOutbox;
import org.notebookscheduler.application.port.out.NotificationSender;
import org.notebookscheduler.application.port.out.Transactions;
import org.notebookscheduler.application.settings.RelaySettings;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.audit.ScheduleEventType;
import org.notebookscheduler.domain.notification.Notification;
import org.notebookscheduler.domain.notification.NotificationStatus;
import org.notebookscheduler.domain.notification.WebhookTarget;
import org.notebookscheduler.domain.shared.Actor;

/**
 * One relay pass: claim a due batch under a lease, try each row once, and store what happened. Every
 * instance runs passes; the claim keeps them off each other's rows.
 */
public final class NotificationRelayService implements RelayNotificationsUseCase {

    private static final System.Logger LOG = System.getLogger(NotificationRelayService.class.getName());

    private final NotificationOutbox outbox;
    private final AuditLog audit;
    private final Transactions transactions;
    private final DestinationPacing pacing;
    private final NotificationSender sender;
    private final RelaySettings settings;
    private final Clock clock;
    private final DoubleSupplier random;

    /** @param random numbers in [0, 1) that spread retries (jitter) */
    public NotificationRelayService(NotificationOutbox outbox, AuditLog audit, Transactions transactions,
            DestinationPacing pacing, NotificationSender sender, RelaySettings settings, Clock clock,
            DoubleSupplier random) {
        this.pacing = pacing;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = transactions;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Report relayDue() {
        Instant claimedAt = clock.instant();
        List<Notification> claimed = outbox.claimDue(settings.relayId(), claimedAt, settings.lease(),
                settings.batchSize());
        // A send started later could still be going when the claim runs out and another relay takes
        // the row: the same message would go out twice.
        Instant stopSendingAt = claimedAt.plus(settings.lease()).minus(settings.maxSendTime());
        int delivered = 0;
        int retrying = 0;
        int dead = 0;
        // an unpaced robot is asked once per pass whether it is held; later rows of the pass reuse the answer
        Map<String, Optional<Instant>> unpacedHolds = new HashMap<>();
        // a robot's circuit is closed by its first delivery in a pass; later ones need not ask again
        Set<String> deliveredTo = new HashSet<>();
        for (int next = 0; next < claimed.size(); next++) {
            Notification notification = claimed.get(next);
            if (clock.instant().isAfter(stopSendingAt)) {
                // handed back untouched, for any relay to take now rather than when the lease runs out
                claimed.subList(next, claimed.size()).forEach(unsent -> outbox.complete(unsent, settings.relayId()));
                break;
            }
            // one robot's messages go at its kind's pace and wait while it backs off, oldest first
            Optional<Instant> busyUntil = busyUntil(notification.target(), unpacedHolds);
            if (busyUntil.isPresent()) {
                notification.postpone(busyUntil.get());
                store(notification, clock.instant());
                continue;
            }
            deliver(notification);
            if (notification.status() == NotificationStatus.DELIVERED
                    && deliveredTo.add(notification.target().redacted())) {
                pacing.recovered(notification.target().redacted()).ifPresent(since -> LOG.log(
                        System.Logger.Level.INFO, "Robot {0} delivers again; it had been failing since {1}",
                        notification.target().redacted(), since));
            }
            if (notification.status() == NotificationStatus.PENDING
                    && notification.target().kind().minInterval().isZero()) {
                unpacedHolds.put(notification.target().redacted(), Optional.of(notification.nextAttemptAt()));
            }
            switch (notification.status()) {
                case DELIVERED -> delivered++;
                case PENDING -> retrying++;
                case DEAD -> dead++;
            }
        }
        return new Report(delivered + retrying + dead, delivered, retrying, dead);
    }

    private Optional<Instant> busyUntil(WebhookTarget target, Map<String, Optional<Instant>> unpacedHolds) {
        Instant now = clock.instant();
        Duration interval = target.kind().minInterval();
        if (interval.isZero() && unpacedHolds.containsKey(target.redacted())) {
            return unpacedHolds.get(target.redacted()).filter(until -> until.isAfter(now));
        }
        Optional<Instant> busy = pacing.reserve(target.redacted(), now, interval);
        if (interval.isZero()) {
            unpacedHolds.put(target.redacted(), busy);
        }
        return busy;
    }

    private void deliver(Notification notification) {
        DeliveryOutcome outcome;
        try {
            outcome = sender.send(notification.target(), notification.text());
        } catch (RuntimeException e) {
            // A sender should say what happened rather than throw; if one throws, treat it as a passing fault.
            outcome = new DeliveryOutcome.Retryable("sender failed: " + e.getClass().getSimpleName(), Optional.empty());
        }
        Instant now = clock.instant();
        if (outcome instanceof DeliveryOutcome.Retryable retryable) {
            notification.failedRetryably(retryable.reason(), retryable.retryAfter(), settings.backoff(),
                    random.getAsDouble(), now);
            LOG.log(System.Logger.Level.DEBUG, "Notification {0} to {1}: attempt {2} failed: {3}", notification.id(),
                    notification.target().redacted(), notification.attempts(), retryable.reason());
            if (notification.status() == NotificationStatus.PENDING) {
                // the robot is failing: nothing else goes to it before this one's retry, which stays first
                // and probes it; a delivery closes the circuit again
                String robot = notification.target().redacted();
                if (pacing.holdUntil(robot, notification.nextAttemptAt(), now)) {
                    LOG.log(System.Logger.Level.WARNING, "Robot {0} is failing ({1}): its messages wait until {2},"
                            + " when the oldest goes alone to probe it; each failed probe waits longer, up to {3}",
                            robot, retryable.reason(), notification.nextAttemptAt(), settings.backoff().maxDelay());
                }
            }
        } else if (outcome instanceof DeliveryOutcome.Permanent permanent) {
            notification.failedPermanently(permanent.reason(), now);
        } else {
            notification.delivered(now);
        }
        store(notification, now);
    }

    /**
     * The outcome is stored as soon as the send returns, row by row, so that a relay that stops
     * mid-batch sends again only the message it was sending. Only a dead notification needs a
     * transaction of this service's (its audit line goes with it); {@code complete} is atomic by itself.
     */
    private void store(Notification notification, Instant now) {
        if (notification.status() != NotificationStatus.DEAD) {
            completeOrSayLost(notification);
            return;
        }
        transactions.run(() -> {
            if (completeOrSayLost(notification)) {
                LOG.log(System.Logger.Level.WARNING, "Notification {0} to {1} is dead after {2} attempt(s): {3};"
                        + " it waits in the dead letters for a replay", notification.id(),
                        notification.target().redacted(), notification.attempts(),
                        notification.lastError().orElse("no reason given"));
                audit.append(ScheduleEvent.of(notification.scheduleId(), ScheduleEventType.NOTIFICATION_DEAD,
                        Actor.SCHEDULER.name(), now, "notification " + notification.id() + " to "
                                + notification.target().redacted() + " gave up after " + notification.attempts()
                                + " attempt(s): " + notification.lastError().orElse("no reason given")));
            }
        });
    }

    private boolean completeOrSayLost(Notification notification) {
        boolean held = outbox.complete(notification, settings.relayId());
        if (!held) {
            LOG.log(System.Logger.Level.WARNING, "Notification {0} to {1}: this relay''s claim ran out while it"
                    + " was being sent and another relay holds it now; this attempt''s result is not stored",
                    notification.id(), notification.target().redacted());
        }
        return held;
    }

    @Override
    public NotificationOutbox.Backlog backlog() {
        return outbox.backlog(clock.instant());
    }

    @Override
    public int purgeDelivered() {
        return outbox.purgeDelivered(clock.instant().minus(settings.retention()));
    }
}
