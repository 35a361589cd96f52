package org.notebookscheduler.adapters.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.notebookscheduler.application.port.out.DeliveryOutcome;
import org.notebookscheduler.domain.notification.WebhookTarget;

/**
 * Any other endpoint: {@code {"event": "notebook-scheduler.notification", "text": ...}}, success on
 * any 2xx, retry on 408, 429 and 5xx. With a secret, the request carries
 * {@code X-Notebook-Scheduler-Timestamp} (Unix seconds) and {@code X-Notebook-Scheduler-Signature:
 * sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}, so the receiver can check it and refuse
 * old ones.
 */
final class GenericRobot implements Robot {

    static final String TIMESTAMP_HEADER = "X-Notebook-Scheduler-Timestamp";
    static final String SIGNATURE_HEADER = "X-Notebook-Scheduler-Signature";

    @Override
    public Request request(WebhookTarget target, String text, Instant now) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("event", "notebook-scheduler.notification");
        message.put("text", text);
        String body = Messages.json(message);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        target.signingSecret().ifPresent(secret -> {
            String timestamp = String.valueOf(now.getEpochSecond());
            headers.put(TIMESTAMP_HEADER, timestamp);
            headers.put(SIGNATURE_HEADER, "sha256=" + HexFormat.of().formatHex(Messages.hmacSha256(
                    Messages.utf8(secret.reveal()), Messages.utf8(timestamp + "." + body))));
        });
        return new Request(URI.create(target.url().reveal()), headers, body);
    }

    @Override
    public DeliveryOutcome judge(Answer answer) {
        return StatusOnly.judge("the webhook", answer);
    }
}
