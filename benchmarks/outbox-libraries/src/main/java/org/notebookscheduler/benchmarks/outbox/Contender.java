package org.notebookscheduler.benchmarks.outbox;

import java.util.List;
import java.util.Optional;

/**
 * One outbox implementation as the benchmark drives it: a backlog is staged, relays drain it, the
 * table is emptied for the next measurement. Only the draining is timed.
 */
interface Contender extends AutoCloseable {

    /** A short name for the tables of figures. */
    String name();

    /**
     * Writes one row for each message, as this implementation's users write them (in transactions,
     * through its own API), so that every row is due at once and none has been delivered. Not timed.
     */
    void stage(List<String> messages) throws Exception;

    /**
     * A relay as on one more instance: the benchmark calls {@link Relay#pass()} on each relay's own
     * thread until the relay finds nothing due twice in a row.
     */
    Relay newRelay(int number);

    /** Removes every row this implementation keeps, so that each measurement starts from the same table. */
    void clear() throws Exception;

    /** Where the relays' time went since the last staging, for those that can say; empty otherwise. */
    default Optional<String> timeBreakdown() {
        return Optional.empty();
    }

    interface Relay {

        /** Claims what is due (up to one batch), delivers it and records the outcome; false when nothing was due. */
        boolean pass() throws Exception;
    }
}
