package org.notebookscheduler.adapters.webhook;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.notebookscheduler.application.port.out.DeliveryOutcome;
import org.notebookscheduler.domain.notification.WebhookTarget;

/** One kind of IM robot: how to phrase a message to it, and what its answer means. */
interface Robot {

    Request request(WebhookTarget target, String text, Instant now);

    DeliveryOutcome judge(Answer answer);

    /** What to send; the URI holds the robot's credential and is never logged. */
    record Request(URI uri, Map<String, String> headers, String body) {
    }

    /** What came back. */
    record Answer(int status, String body, Optional<Duration> retryAfter) {

        boolean is2xx() {
            return status >= 200 && status < 300;
        }

        /** 408, 429 and 5xx: the robot or the way to it is busy or broken, not the message. */
        boolean transientStatus() {
            return status == 408 || status == 429 || status >= 500;
        }
    }
}
