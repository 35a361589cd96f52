package org.notebookscheduler.application.service;

import org.notebookscheduler.application.port.out.CurrentUser;
import org.notebookscheduler.application.port.out.ScheduleStore;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.shared.Actor;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/** Loads a schedule for the current user, refusing one that is missing or someone else's. */
final class ScheduleAccess {

    private final ScheduleStore store;
    private final CurrentUser currentUser;

    ScheduleAccess(ScheduleStore store, CurrentUser currentUser) {
        this.store = store;
        this.currentUser = currentUser;
    }

    Actor actor() {
        return currentUser.get();
    }

    Schedule load(ScheduleId id, Actor actor) {
        Schedule schedule = store.findById(id).orElseThrow(() -> notFound(id));
        schedule.assertAccessibleBy(actor);
        return schedule;
    }

    static RefusedException notFound(ScheduleId id) {
        return new RefusedException(ErrorCode.SCHEDULE_NOT_FOUND, "scheduleId", "no schedule " + id);
    }

    static RemoteRef remoteOf(Schedule schedule) {
        return schedule.remote().orElseThrow(() -> new RefusedException(ErrorCode.SCHEDULE_NOT_LINKED, "remote",
                "schedule " + schedule.id() + " is not yet registered with the scheduler"));
    }
}
