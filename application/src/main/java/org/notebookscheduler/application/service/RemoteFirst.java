package org.notebookscheduler.application.service;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.notebookscheduler.application.port.out.EngineLifecycle;
import org.notebookscheduler.application.port.out.RemoteChange;
import org.notebookscheduler.application.port.out.RemoteLinkLostException;
import org.notebookscheduler.application.port.out.ScheduleStore;
import org.notebookscheduler.application.port.out.Transactions;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.schedule.Schedule;

/**
 * The one way a schedule changes on both sides. The engine changes first, having confirmed the
 * remote object is the schedule's and put itself back if it failed half-way; then the store and the
 * audit trail change in one transaction. When that transaction fails, the engine's change is undone,
 * so a change ends fully applied on both sides or on neither.
 */
final class RemoteFirst {

    private final Transactions transactions;
    private final Engines engines;
    private final ScheduleStore store;

    RemoteFirst(Transactions transactions, Engines engines, ScheduleStore store) {
        this.transactions = transactions;
        this.engines = engines;
        this.store = store;
    }

    /**
     * Changes a stored schedule on both sides while holding it: the stored row is locked at the
     * version {@code schedule} was read at (a change that lost the race is refused before it reaches
     * the engine), the engine changes, then the store; a failure after the engine changed, the
     * commit included, undoes the engine's change.
     */
    <T> T change(Schedule schedule, Supplier<RemoteChange> remote, Function<RemoteChange, T> local) {
        RemoteChange[] applied = new RemoteChange[1];
        try {
            return transactions.inTransaction(() -> {
                store.lockForChange(schedule.id(), schedule.version());
                applied[0] = remote.get();
                return local.apply(applied[0]);
            });
        } catch (RuntimeException failure) {
            if (applied[0] != null) {
                undo(failure, applied[0]);
            }
            throw failure;
        }
    }

    /**
     * Brings the engine's copy of the schedule's definition up to date; when its linked process is
     * not its own any more, the link is dropped (recorded in {@code events}) and the schedule
     * registered afresh on the same engine.
     */
    RemoteChange pushDefinition(Schedule schedule, List<ScheduleEvent> events, Instant now) {
        EngineLifecycle engine = engines.of(schedule).lifecycle();
        if (schedule.remote().isPresent()) {
            try {
                return engine.update(schedule);
            } catch (RemoteLinkLostException lost) {
                events.add(schedule.unlink(lost.why(), now));
            }
        }
        return engine.register(schedule);
    }

    /** Records {@code change} locally with {@code local}, in one transaction; undoes it when that fails. */
    <T> T record(RemoteChange change, Supplier<T> local) {
        try {
            return transactions.inTransaction(local);
        } catch (RuntimeException failure) {
            undo(failure, change);
            throw failure;
        }
    }

    /** Best effort: the original failure is what the caller must see; the undo's own failure rides along. */
    static void undo(RuntimeException failure, RemoteChange change) {
        try {
            change.undo();
        } catch (RuntimeException undoFailed) {
            failure.addSuppressed(undoFailed);
        }
    }
}
