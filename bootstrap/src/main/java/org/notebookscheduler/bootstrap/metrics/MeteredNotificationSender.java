package org.notebookscheduler.bootstrap.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.notebookscheduler.application.port.out.DeliveryOutcome;
import org.notebookscheduler.application.port.out.NotificationSender;
import org.notebookscheduler.domain.notification.WebhookTarget;

/**
 * Times every call to a robot: {@code notebook.scheduler.robot.calls}, by the robot's {@code kind}
 * (FEISHU, DINGTALK, WECOM, SLACK, GENERIC) and {@code outcome} (delivered, retryable, permanent).
 * The robot's URL is never a tag: it holds the robot's token.
 */
final class MeteredNotificationSender implements NotificationSender {

    private final NotificationSender sender;
    private final MeterRegistry registry;

    MeteredNotificationSender(NotificationSender sender, MeterRegistry registry) {
        this.sender = sender;
        this.registry = registry;
    }

    @Override
    public DeliveryOutcome send(WebhookTarget target, String text) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "retryable";
        try {
            DeliveryOutcome delivered = sender.send(target, text);
            outcome = delivered instanceof DeliveryOutcome.Delivered ? "delivered"
                    : delivered instanceof DeliveryOutcome.Permanent ? "permanent" : "retryable";
            return delivered;
        } finally {
            sample.stop(Timer.builder("notebook.scheduler.robot.calls").description("calls to IM robots")
                    .tag("kind", target.kind().name()).tag("outcome", outcome).register(registry));
        }
    }
}
