package org.notebookscheduler.adapters.webhook;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.notebookscheduler.application.port.out.DeliveryOutcome;
import org.notebookscheduler.domain.notification.WebhookTarget;
import tools.jackson.databind.JsonNode;

/**
 * WeCom group robots: a text message of at most 2048 UTF-8 bytes, no signing (the key in the URL is
 * the credential). The body's {@code errcode} decides; 45009 is the rate limit (20 a minute).
 */
final class WeComRobot implements Robot {

    static final int MAX_TEXT_BYTES = 2048;
    private static final int RATE_LIMITED = 45009;
    private static final int SYSTEM_BUSY = -1;

    @Override
    public Request request(WebhookTarget target, String text, Instant now) {
        String body = Messages.json(Map.of("msgtype", "text", "text", Map.of("content",
                Messages.cutBytes(text, MAX_TEXT_BYTES))));
        return new Request(URI.create(target.url().reveal()), Map.of("Content-Type", "application/json"), body);
    }

    @Override
    public DeliveryOutcome judge(Answer answer) {
        JsonNode body = Messages.parse(answer.body());
        if (body == null || !body.has("errcode")) {
            return StatusOnly.judge("WeCom", answer);
        }
        int code = body.get("errcode").asInt();
        // WeCom's message echoes the caller's IP; it stays in the reason, which only operators see
        String message = body.path("errmsg").asString("");
        if (code == 0) {
            return new DeliveryOutcome.Delivered();
        }
        if (code == RATE_LIMITED) {
            return new DeliveryOutcome.Retryable(Messages.reason("WeCom rate limit", message),
                    Optional.of(answer.retryAfter().orElse(Duration.ofMinutes(1))));
        }
        if (code == SYSTEM_BUSY) {
            return new DeliveryOutcome.Retryable(Messages.reason("WeCom is busy", message), answer.retryAfter());
        }
        return new DeliveryOutcome.Permanent(Messages.reason("WeCom refused with errcode " + code, message));
    }
}
