package org.notebookscheduler.application.settings;

import java.time.Duration;
import java.util.Objects;
import org.notebookscheduler.domain.notification.DeliveryBackoff;

/**
 * How this instance relays the outbox.
 *
 * @param relayId   names this instance on the rows it claims; unique per running instance
 * @param lease     how long a claim holds; a relay that dies loses its rows to others after this
 * @param batchSize how many rows one pass claims
 * @param retention delivered rows are purged after this
 */
public record RelaySettings(String relayId, Duration lease, int batchSize, DeliveryBackoff backoff,
        Duration retention) {

    public RelaySettings {
        Objects.requireNonNull(relayId, "relayId");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(retention, "retention");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
    }

    public static RelaySettings defaults(String relayId) {
        return new RelaySettings(relayId, Duration.ofMinutes(2), 50, DeliveryBackoff.defaults(), Duration.ofDays(7));
    }
}
