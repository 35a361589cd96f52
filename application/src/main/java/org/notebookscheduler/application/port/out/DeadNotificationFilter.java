package org.notebookscheduler.application.port.out;

import java.time.Instant;
import org.notebookscheduler.domain.schedule.ScheduleId;

/**
 * Which dead notifications to list or replay; every field is optional.
 *
 * @param destination matched against the redacted URL (scheme and host), never the secret one
 * @param errorContains a text the last delivery error contains
 */
public record DeadNotificationFilter(ScheduleId scheduleId, String destination, Instant from, Instant to,
        String errorContains) {

    public static DeadNotificationFilter all() {
        return new DeadNotificationFilter(null, null, null, null, null);
    }
}
