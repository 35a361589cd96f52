package org.notebookscheduler.adapters.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.notebookscheduler.application.port.out.DeliveryOutcome;
import org.notebookscheduler.domain.notification.WebhookTarget;
import tools.jackson.databind.JsonNode;

/**
 * Feishu and Lark custom bots. A text message, signed in the body when the bot has a secret (the
 * HMAC's key is {@code timestamp + "\n" + secret} and its message empty, as Feishu's own sample
 * does). HTTP 200 is not success: the body's {@code code} is, falling back to the legacy
 * {@code StatusCode}; the body is read on other statuses too (a rate limit has come back as 400).
 */
final class FeishuRobot implements Robot {

    /** Feishu refuses bodies over 20 KB; the text is kept well under. */
    static final int MAX_TEXT = 15_000;

    @Override
    public Request request(WebhookTarget target, String text, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        target.signingSecret().ifPresent(secret -> {
            String timestamp = String.valueOf(now.getEpochSecond());
            body.put("timestamp", timestamp);
            body.put("sign", Messages.base64(Messages.hmacSha256(
                    Messages.utf8(timestamp + "\n" + secret.reveal()), new byte[0])));
        });
        body.put("msg_type", "text");
        body.put("content", Map.of("text", Messages.cutChars(text, MAX_TEXT)));
        return new Request(URI.create(target.url().reveal()), Map.of("Content-Type", "application/json"),
                Messages.json(body));
    }

    @Override
    public DeliveryOutcome judge(Answer answer) {
        JsonNode body = Messages.parse(answer.body());
        if (body != null && body.has("code")) {
            int code = body.get("code").asInt();
            String msg = body.path("msg").asString("");
            if (code == 0) {
                return new DeliveryOutcome.Delivered();
            }
            if (code == 11232 || (code == 9499 && msg.toLowerCase(java.util.Locale.ROOT).contains("too many"))) {
                return new DeliveryOutcome.Retryable(Messages.reason("Feishu rate limit " + code, msg),
                        answer.retryAfter());
            }
            return new DeliveryOutcome.Permanent(Messages.reason("Feishu refused with code " + code, msg));
        }
        if (body != null && body.has("StatusCode")) {
            return body.get("StatusCode").asInt() == 0 ? new DeliveryOutcome.Delivered()
                    : new DeliveryOutcome.Permanent(Messages.reason("Feishu refused with StatusCode "
                            + body.get("StatusCode").asInt(), body.path("StatusMessage").asString("")));
        }
        return StatusOnly.judge("Feishu", answer);
    }
}
