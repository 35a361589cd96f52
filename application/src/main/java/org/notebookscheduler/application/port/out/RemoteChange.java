package org.notebookscheduler.application.port.out;

import org.notebookscheduler.domain.schedule.RemoteRef;

/**
 * A change the engine has made for one schedule, and the way back. The application records the
 * change locally after the engine took it; when that local write fails, {@link #undo()} puts the
 * engine back as it was before the change, so neither side keeps what the other does not know.
 */
public interface RemoteChange {

    /** Where the schedule lives after the change (for a delete: where it lived). */
    RemoteRef ref();

    /** Puts the engine back as it was before the change. Safe to call after a partial undo. */
    void undo();

    /** This change followed by {@code next}; undone in the reverse order. */
    default RemoteChange then(RemoteChange next) {
        return of(next.ref(), () -> {
            try {
                next.undo();
            } finally {
                undo();
            }
        });
    }

    /** A change that needs no undo, such as one that found the engine as wanted already. */
    static RemoteChange none(RemoteRef ref) {
        return of(ref, () -> { });
    }

    /** A change to {@code ref} that {@code undo} takes back. */
    static RemoteChange of(RemoteRef ref, Runnable undo) {
        return new RemoteChange() {
            @Override
            public RemoteRef ref() {
                return ref;
            }

            @Override
            public void undo() {
                undo.run();
            }
        };
    }
}
