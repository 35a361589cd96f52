package org.notebookscheduler.adapters.embedded;

import java.time.Duration;
import java.util.Objects;

/**
 * How the embedded engine runs on this instance.
 *
 * @param instanceId       this instance among those sharing the database (Quartz's too)
 * @param workers          how many task attempts run at once on this instance, all runs together
 * @param heartbeat        how often this instance says its runs are alive
 * @param missedHeartbeats after how many missed heartbeats another instance ends its runs as
 *                         interrupted
 */
public record EmbeddedSettings(String instanceId, int workers, Duration heartbeat, int missedHeartbeats) {

    public EmbeddedSettings {
        Objects.requireNonNull(instanceId, "instanceId");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat must be positive");
        }
        if (missedHeartbeats < 2) {
            throw new IllegalArgumentException("missedHeartbeats must be at least 2");
        }
    }
}
