package org.notebookscheduler.application.settings;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.notebookscheduler.domain.shared.Secret;

/**
 * How the execution callback is guarded and bounded.
 *
 * @param token      the token the scheduler must present; empty refuses every callback, so an
 *                   unconfigured module fails closed
 * @param maxTimeout no run lasts longer than this, whatever the task or the callback ask for
 */
public record CallbackSettings(Optional<Secret> token, Duration maxTimeout) {

    /** The reference product caps a scheduled run at four hours. */
    public static final Duration DEFAULT_MAX_TIMEOUT = Duration.ofHours(4);

    public CallbackSettings {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(maxTimeout, "maxTimeout");
        if (maxTimeout.isNegative() || maxTimeout.isZero()) {
            throw new IllegalArgumentException("maxTimeout must be positive");
        }
    }

    public static CallbackSettings withToken(Secret token) {
        return new CallbackSettings(Optional.of(token), DEFAULT_MAX_TIMEOUT);
    }
}
