package org.notebookscheduler.domain.notification;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When to try a failed delivery again: exponential backoff with jitter, never sooner than the robot
 * asked (its retry-after), and dead after {@code maxAttempts} or once it has been retrying for
 * {@code maxAge}, whichever comes first: a robot outage is tolerated for a time, not a count.
 *
 * @param jitter fraction of the delay drawn at random, 0 to 1, so relays do not retry in lockstep
 * @param maxAge how long a notification keeps retrying (since it was created or last replayed)
 */
public record DeliveryBackoff(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier,
        double jitter, Duration maxAge) {

    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);

    public DeliveryBackoff(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier,
            double jitter) {
        this(maxAttempts, initialDelay, maxDelay, multiplier, jitter, DEFAULT_MAX_AGE);
    }

    public DeliveryBackoff {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be at least 1");
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be between 0 and 1");
        }
        Objects.requireNonNull(maxAge, "maxAge");
    }

    public static DeliveryBackoff defaults() {
        return new DeliveryBackoff(100, Duration.ofSeconds(10), Duration.ofMinutes(30), 2.0, 0.2, DEFAULT_MAX_AGE);
    }

    /**
     * The wait before the next attempt after {@code failedAttempts} failures, or empty when the
     * notification should go dead.
     *
     * @param random a number in [0, 1) that places the jitter
     */
    public Optional<Duration> delayAfter(int failedAttempts, Optional<Duration> retryAfter, double random) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        double exponential = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        double capped = Math.min(exponential, maxDelay.toMillis());
        double jittered = capped * (1 - jitter + 2 * jitter * random);
        Duration delay = Duration.ofMillis(Math.round(Math.min(jittered, maxDelay.toMillis())));
        if (retryAfter.isPresent() && retryAfter.get().compareTo(delay) > 0) {
            delay = retryAfter.get();
        }
        return Optional.of(delay);
    }
}
