package org.notebookscheduler.application.port.out;

import org.notebookscheduler.domain.notification.WebhookTarget;

/** Delivers one message to one robot. Never throws for a delivery failure: it says what happened. */
public interface NotificationSender {

    DeliveryOutcome send(WebhookTarget target, String text);
}
