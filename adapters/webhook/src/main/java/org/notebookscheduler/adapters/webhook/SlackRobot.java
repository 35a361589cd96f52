package org.notebookscheduler.adapters.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.notebookscheduler.application.port.out.DeliveryOutcome;
import org.notebookscheduler.domain.notification.WebhookTarget;

/**
 * Slack incoming webhooks: {@code {"text": ...}} with {@code &}, {@code <}, {@code >} escaped. Success
 * is HTTP 200 with the plain text {@code ok}; errors are 4xx with a plain-text reason (permanent);
 * 429 carries {@code Retry-After}.
 */
final class SlackRobot implements Robot {

    static final int MAX_TEXT = 39_000;

    @Override
    public Request request(WebhookTarget target, String text, Instant now) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return new Request(URI.create(target.url().reveal()), Map.of("Content-Type", "application/json"),
                Messages.json(Map.of("text", Messages.cutChars(escaped, MAX_TEXT))));
    }

    @Override
    public DeliveryOutcome judge(Answer answer) {
        if (answer.status() == 200) {
            return "ok".equals(answer.body() == null ? null : answer.body().strip()) ? new DeliveryOutcome.Delivered()
                    : new DeliveryOutcome.Permanent(Messages.reason("Slack answered 200 without ok", answer.body()));
        }
        return StatusOnly.judge("Slack", answer);
    }
}
