package org.notebookscheduler.adapters.webhook;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.notebookscheduler.application.port.out.DeliveryOutcome;
import org.notebookscheduler.domain.notification.WebhookTarget;
import tools.jackson.databind.JsonNode;

/**
 * DingTalk custom robots. A text message; when the robot signs ("加签"), {@code timestamp}
 * (milliseconds) and {@code sign} (Base64 of HMAC-SHA256 keyed by the secret over
 * {@code timestamp + "\n" + secret}, URL-encoded) go into the query. The body's {@code errcode}
 * decides; a throttled robot stays throttled for ten minutes.
 */
final class DingTalkRobot implements Robot {

    static final int MAX_TEXT = 4_000;
    static final Duration THROTTLE_PENALTY = Duration.ofMinutes(10);
    private static final Set<Integer> RATE_LIMITED = Set.of(410100, 130101);
    private static final int SYSTEM_BUSY = -1;

    @Override
    public Request request(WebhookTarget target, String text, Instant now) {
        String url = target.url().reveal();
        if (target.signingSecret().isPresent()) {
            String timestamp = String.valueOf(now.toEpochMilli());
            String secret = target.signingSecret().get().reveal();
            String sign = Messages.base64(Messages.hmacSha256(Messages.utf8(secret),
                    Messages.utf8(timestamp + "\n" + secret)));
            url += (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                    + URLEncoder.encode(sign, StandardCharsets.UTF_8);
        }
        String body = Messages.json(Map.of("msgtype", "text", "text", Map.of("content",
                Messages.cutChars(text, MAX_TEXT))));
        return new Request(URI.create(url), Map.of("Content-Type", "application/json;charset=utf-8"), body);
    }

    @Override
    public DeliveryOutcome judge(Answer answer) {
        JsonNode body = Messages.parse(answer.body());
        if (body == null || !body.has("errcode")) {
            return StatusOnly.judge("DingTalk", answer);
        }
        int code = body.get("errcode").asInt();
        String message = body.path("errmsg").asString("");
        if (code == 0) {
            return new DeliveryOutcome.Delivered();
        }
        if (RATE_LIMITED.contains(code)) {
            return new DeliveryOutcome.Retryable(Messages.reason("DingTalk throttled the robot (" + code + ")", message),
                    Optional.of(answer.retryAfter().orElse(THROTTLE_PENALTY)));
        }
        if (code == SYSTEM_BUSY) {
            return new DeliveryOutcome.Retryable(Messages.reason("DingTalk is busy", message), answer.retryAfter());
        }
        return new DeliveryOutcome.Permanent(Messages.reason("DingTalk refused with errcode " + code, message));
    }
}
