package org.notebookscheduler.domain.notification;

import java.time.Instant;
import java.util.Objects;

/**
 * One attempt that did not deliver a notification, as its history keeps it: the attempt's number
 * counted over the notification's whole life (replays included), when it was made, and what the
 * robot or the network answered. A timeout says "possibly delivered" in its error, since the robot
 * may have posted the message before the answer was lost.
 */
public record FailedAttempt(int number, Instant at, String error) {

    public FailedAttempt {
        if (number < 1) {
            throw new IllegalArgumentException("attempts are numbered from 1");
        }
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(error, "error");
    }
}
