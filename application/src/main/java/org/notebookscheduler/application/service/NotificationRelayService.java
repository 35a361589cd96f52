package org.notebookscheduler.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.notebookscheduler.application.port.in.RelayNotificationsUseCase;
import org.notebookscheduler.application.port.out.DeliveryOutcome;
import org.notebookscheduler.application.port.out.NotificationOutbox;
import org.notebookscheduler.application.port.out.NotificationSender;
import org.notebookscheduler.application.settings.RelaySettings;
import org.notebookscheduler.domain.notification.Notification;

/**
 * One relay pass: claim a due batch under a lease, try each row once, and store what happened. Every
 * instance runs passes; the claim keeps them off each other's rows.
 */
public final class NotificationRelayService implements RelayNotificationsUseCase {

    private final NotificationOutbox outbox;
    private final NotificationSender sender;
    private final RelaySettings settings;
    private final Clock clock;
    private final DoubleSupplier random;

    /** @param random numbers in [0, 1) that spread retries (jitter) */
    public NotificationRelayService(NotificationOutbox outbox, NotificationSender sender, RelaySettings settings,
            Clock clock, DoubleSupplier random) {
        this.outbox = outbox;
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
        // Past this point another relay may take the rows back; sending one then could send it twice.
        Instant stopSendingAt = claimedAt.plus(settings.lease().multipliedBy(4).dividedBy(5));
        int delivered = 0;
        int retrying = 0;
        int dead = 0;
        for (Notification notification : claimed) {
            if (clock.instant().isAfter(stopSendingAt)) {
                break;
            }
            deliver(notification);
            switch (notification.status()) {
                case DELIVERED -> delivered++;
                case PENDING -> retrying++;
                case DEAD -> dead++;
            }
        }
        return new Report(delivered + retrying + dead, delivered, retrying, dead);
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
        } else if (outcome instanceof DeliveryOutcome.Permanent permanent) {
            notification.failedPermanently(permanent.reason());
        } else {
            notification.delivered(now);
        }
        outbox.update(notification);
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
