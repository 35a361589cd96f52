package org.notebookscheduler.application.settings;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.notebookscheduler.domain.notification.NotificationPolicy;
import org.notebookscheduler.domain.notification.WebhookTarget;

/**
 * Who is told about results, and how, when a schedule says nothing of its own.
 *
 * @param destinations the robots every notified result goes to; empty means no notifications
 * @param zone         the time zone the message's times are written in
 */
public record NotificationSettings(NotificationPolicy policy, List<WebhookTarget> destinations, ZoneId zone) {

    public NotificationSettings {
        Objects.requireNonNull(policy, "policy");
        destinations = List.copyOf(destinations);
        Objects.requireNonNull(zone, "zone");
    }

    public static NotificationSettings none() {
        return new NotificationSettings(NotificationPolicy.defaults(), List.of(), ZoneId.systemDefault());
    }
}
