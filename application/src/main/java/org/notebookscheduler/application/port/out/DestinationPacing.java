package org.notebookscheduler.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When each robot may be sent to next, shared by every instance: a robot gets at most one message
 * per its kind's interval, and nothing while it is backing off after a failure, so a rate limit is
 * respected and a failing robot is not hammered, whatever the number of relays.
 *
 * <p>It is also each robot's circuit: a failure opens it (the robot is held, marked failing since
 * then); when the hold ends the oldest waiting message goes alone as the probe; a delivery closes
 * it. Opening and closing are reported once per outage, however many relays see it.
 */
public interface DestinationPacing {

    /**
     * Takes the robot's next slot for a send now, committed at once. Empty when the send may go;
     * otherwise when the robot is free again (the send is then postponed to that time).
     *
     * @param destination the robot as shown ({@code scheme://host/…#fingerprint}): one robot, one key
     */
    Optional<Instant> reserve(String destination, Instant now, Duration interval);

    /**
     * Nothing goes to the robot before {@code until}: its last message failed and backs off.
     *
     * @return true when this opened the robot's circuit: it was not failing before {@code now}
     */
    boolean holdUntil(String destination, Instant until, Instant now);

    /**
     * The robot took a message, so it is not failing (any more).
     *
     * @return since when it had been failing, when this closed its circuit; empty if it was closed
     */
    Optional<Instant> recovered(String destination);
}
