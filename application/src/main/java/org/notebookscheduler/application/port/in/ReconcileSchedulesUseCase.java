package org.notebookscheduler.application.port.in;

import org.notebookscheduler.domain.schedule.ScheduleId;

/**
 * Keeps the remote engine and the local store from drifting apart silently: finds where someone
 * changed the engine by hand, records it in the audit trail, and puts the stored schedule back.
 */
public interface ReconcileSchedulesUseCase {

    /**
     * Compares every linked schedule with the engine and records each new difference as a
     * {@code DRIFT_FOUND} audit event; a difference already recorded is not recorded again.
     */
    Report reconcile();

    /** Pushes the stored schedule to the engine again (re-creating it there if it is gone) and audits the repair. */
    ScheduleView repair(ScheduleId id);

    /**
     * @param checked     linked schedules compared
     * @param drifted     schedules that differ from the engine
     * @param recorded    schedules whose difference was new and has been audited
     * @param unreachable schedules that could not be compared because the engine failed
     */
    record Report(int checked, int drifted, int recorded, int unreachable) {
    }
}
