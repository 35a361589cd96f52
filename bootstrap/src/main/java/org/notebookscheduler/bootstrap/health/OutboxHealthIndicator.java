package org.notebookscheduler.bootstrap.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.notebookscheduler.application.port.out.NotificationOutbox;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The outbox is DOWN when its oldest notification neither delivered nor dead has waited longer than
 * {@code notebook.scheduler.health.outbox-max-age}: people are not being told about results (a robot
 * down, every relay stopped). The backlog is in the details. It is one value per database, the same
 * on every instance; a stuck outbox is not cured by restarting one, so it belongs in readiness or
 * alerting, not in a liveness probe.
 */
final class OutboxHealthIndicator implements HealthIndicator {

    private final NotificationOutbox outbox;
    private final Duration maxAge;
    private final Clock clock;

    OutboxHealthIndicator(NotificationOutbox outbox, Duration maxAge, Clock clock) {
        this.outbox = outbox;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        NotificationOutbox.Backlog backlog = outbox.backlog(now);
        Duration oldest = backlog.oldestPending().map(created -> Duration.between(created, now)).orElse(Duration.ZERO);
        Health.Builder health = oldest.compareTo(maxAge) > 0 ? Health.down() : Health.up();
        return health.withDetail("pending", backlog.pending()).withDetail("due", backlog.due())
                .withDetail("dead", backlog.dead()).withDetail("oldestPendingSeconds", oldest.toSeconds())
                .withDetail("maxAgeSeconds", maxAge.toSeconds()).build();
    }
}
