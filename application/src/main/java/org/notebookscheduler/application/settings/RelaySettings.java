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
 * @param maxSendTime the longest one delivery can take (connect and answer timeouts): a send is started
 *                    only while this much of the claim is left, so no send outlives its claim
 */
public record RelaySettings(String relayId, Duration lease, int batchSize, DeliveryBackoff backoff,
        Duration retention, Duration maxSendTime) {

    /** The default sender's timeouts: 5 s to connect, 10 s for the answer. */
    public static final Duration DEFAULT_MAX_SEND_TIME = Duration.ofSeconds(15);

    public RelaySettings(String relayId, Duration lease, int batchSize, DeliveryBackoff backoff, Duration retention) {
        this(relayId, lease, batchSize, backoff, retention, DEFAULT_MAX_SEND_TIME);
    }

    public RelaySettings {
        Objects.requireNonNull(relayId, "relayId");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(maxSendTime, "maxSendTime");
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
