package org.notebookscheduler.adapters.dolphinscheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * How long the operation running on this thread may still wait for DolphinScheduler, all calls
 * and retries included. The first two thirds are for the change itself; the last third is kept for
 * putting things back when the change fails, so an answer comes within the deadline either way.
 */
final class Deadline {

    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    private final Duration budget;
    private final Instant forwardUntil;
    private final Instant until;
    private boolean undoing;

    private Deadline(Duration budget, Instant now) {
        this.budget = budget;
        this.until = now.plus(budget);
        this.forwardUntil = now.plus(budget.multipliedBy(2).dividedBy(3));
    }

    /** Runs {@code work} within {@code budget}; nested calls share the outer deadline. */
    static <T> T within(Duration budget, Supplier<T> work) {
        if (CURRENT.get() != null) {
            return work.get();
        }
        CURRENT.set(new Deadline(budget, Instant.now()));
        try {
            return work.get();
        } finally {
            CURRENT.remove();
        }
    }

    static void within(Duration budget, Runnable work) {
        within(budget, () -> {
            work.run();
            return null;
        });
    }

    /** Runs the undo of a failed change in the time kept for it. */
    static void undoing(Runnable undo) {
        Deadline current = CURRENT.get();
        boolean before = current != null && current.undoing;
        if (current != null) {
            current.undoing = true;
        }
        try {
            undo.run();
        } finally {
            if (current != null) {
                current.undoing = before;
            }
        }
    }

    /** What is left for the next call; {@code fallback} when no deadline runs. Never negative. */
    static Duration remaining(Duration fallback) {
        Deadline current = CURRENT.get();
        if (current == null) {
            return fallback;
        }
        Duration left = Duration.between(Instant.now(), current.undoing ? current.until : current.forwardUntil);
        return left.isNegative() ? Duration.ZERO : left.compareTo(fallback) < 0 ? left : fallback;
    }

    static boolean expired() {
        return remaining(Duration.ofDays(1)).isZero();
    }

    /** The running deadline's whole budget, for messages. */
    static String budget() {
        Deadline current = CURRENT.get();
        return current == null ? "the read timeout" : current.budget.toMillis() / 1000.0 + " s";
    }
}
