package org.notebookscheduler.domain.notification;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/**
 * What one schedule says about its notifications; every part left null follows the global
 * settings. An empty destination list (not null) means this schedule notifies no one.
 */
public record NotificationOverrides(NotificationLevel level, String header, MessageTemplate template,
        Boolean notifyOnStart, Duration longRunWarning, List<WebhookTarget> destinations) {

    public static final int MAX_DESTINATIONS = 10;

    public NotificationOverrides {
        destinations = destinations == null ? null : List.copyOf(destinations);
        if (destinations != null && destinations.size() > MAX_DESTINATIONS) {
            throw new RefusedException(ErrorCode.FIELD_OUT_OF_RANGE, "notifications.destinations",
                    "a schedule may have at most " + MAX_DESTINATIONS + " destinations");
        }
    }

    public static NotificationOverrides none() {
        return new NotificationOverrides(null, null, null, null, null, null);
    }

    public boolean isNone() {
        return equals(none());
    }

    /** The global policy with this schedule's parts in place of the global ones. */
    public NotificationPolicy applyTo(NotificationPolicy global) {
        return new NotificationPolicy(level != null ? level : global.level(), header != null ? header : global.header(),
                global.includeError(), global.maxErrorLength(), template != null ? template : global.template(),
                notifyOnStart != null ? notifyOnStart : global.notifyOnStart(),
                longRunWarning != null ? longRunWarning : global.longRunWarning());
    }

    public List<WebhookTarget> destinationsOr(List<WebhookTarget> global) {
        return destinations != null ? destinations : global;
    }

    /** One line for the audit trail; destinations appear as kind and host only. */
    public String describe() {
        return "level=" + level + " header=" + header + " template=" + template + " notifyOnStart=" + notifyOnStart
                + " longRunWarning=" + longRunWarning + " destinations=" + (destinations == null ? null
                        : destinations.stream().map(WebhookTarget::toString).collect(Collectors.joining(", ", "[", "]")));
    }
}
