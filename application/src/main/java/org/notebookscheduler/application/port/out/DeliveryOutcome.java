package org.notebookscheduler.application.port.out;

import java.time.Duration;
import java.util.Optional;

/** How one delivery attempt to a robot went. */
public sealed interface DeliveryOutcome {

    record Delivered() implements DeliveryOutcome {
    }

    /** Trying again may help: a rate limit, a 5xx, a network failure. */
    record Retryable(String reason, Optional<Duration> retryAfter) implements DeliveryOutcome {
    }

    /** Trying again will not help: a bad token, a bad signature, a malformed message. */
    record Permanent(String reason) implements DeliveryOutcome {
    }
}
