package org.notebookscheduler.application.fakes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.notebookscheduler.application.port.out.DeliveryOutcome;
import org.notebookscheduler.application.port.out.NotificationSender;
import org.notebookscheduler.domain.notification.WebhookTarget;

/** Answers with the outcomes a test queued, then with delivered; remembers what it was asked to send. */
public final class ScriptedNotificationSender implements NotificationSender {

    public record Sent(WebhookTarget target, String text) {
    }

    private final Deque<DeliveryOutcome> script = new ArrayDeque<>();
    private final List<Sent> sent = new ArrayList<>();

    public synchronized ScriptedNotificationSender then(DeliveryOutcome outcome) {
        script.add(outcome);
        return this;
    }

    @Override
    public synchronized DeliveryOutcome send(WebhookTarget target, String text) {
        sent.add(new Sent(target, text));
        DeliveryOutcome next = script.poll();
        return next == null ? new DeliveryOutcome.Delivered() : next;
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }
}
