package org.notebookscheduler.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.notebookscheduler.application.port.in.ReconcileSchedulesUseCase;
import org.notebookscheduler.application.port.in.ScheduleView;
import org.notebookscheduler.application.port.out.AuditLog;
import org.notebookscheduler.application.port.out.CurrentUser;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.port.out.ScheduleStore;
import org.notebookscheduler.application.port.out.RemoteChange;
import org.notebookscheduler.application.port.out.EngineException;
import org.notebookscheduler.application.port.out.Transactions;
import org.notebookscheduler.domain.audit.FieldChange;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.audit.ScheduleEventType;
import org.notebookscheduler.domain.schedule.ReleaseState;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.shared.Actor;

/** The local store is the truth; this service finds where the engine disagrees and mends it on request. */
public final class ReconciliationService implements ReconcileSchedulesUseCase {

    private static final int BATCH = 100;

    private final ScheduleStore store;
    private final AuditLog audit;
    private final Engines engines;
    private final ScheduleAccess access;
    private final Transactions transactions;
    private final RemoteFirst remoteFirst;
    private final Clock clock;

    public ReconciliationService(ScheduleStore store, AuditLog audit, Engines engines, CurrentUser currentUser,
            Transactions transactions, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.engines = engines;
        this.access = new ScheduleAccess(store, currentUser);
        this.transactions = transactions;
        this.remoteFirst = new RemoteFirst(transactions, engines, store);
        this.clock = clock;
    }

    @Override
    public Report reconcile() {
        int checked = 0;
        int drifted = 0;
        int recorded = 0;
        int unreachable = 0;
        for (int pageNumber = 1; ; pageNumber++) {
            Page<Schedule> page = store.findByOwner(null, new PageRequest(pageNumber, BATCH));
            for (Schedule schedule : page.items()) {
                if (schedule.remote().isEmpty()) {
                    continue;
                }
                checked++;
                List<FieldChange> drift;
                try {
                    drift = engines.of(schedule).drift().of(schedule);
                } catch (EngineException e) {
                    unreachable++;
                    continue;
                }
                if (drift.isEmpty()) {
                    continue;
                }
                drifted++;
                if (!alreadyRecorded(schedule.id(), drift)) {
                    ScheduleEvent found = new ScheduleEvent(schedule.id(), ScheduleEventType.DRIFT_FOUND,
                            Actor.SCHEDULER.name(), clock.instant(), drift,
                            "the scheduler differs from the stored schedule; repair puts the stored one back");
                    transactions.run(() -> audit.append(found));
                    recorded++;
                }
            }
            if ((long) pageNumber * BATCH >= page.total()) {
                return new Report(checked, drifted, recorded, unreachable);
            }
        }
    }

    /** The same difference found again, neither changed nor repaired since, is not news. */
    private boolean alreadyRecorded(ScheduleId id, List<FieldChange> drift) {
        return audit.latest(id, Set.of(ScheduleEventType.DRIFT_FOUND, ScheduleEventType.DRIFT_REPAIRED))
                .filter(last -> last.type() == ScheduleEventType.DRIFT_FOUND && last.changes().equals(drift))
                .isPresent();
    }

    /**
     * Pushes the stored schedule to the engine again: its definition, cron and release state. A
     * schedule whose process is gone or someone else's is registered afresh, and put back online
     * when it was online.
     */
    @Override
    public ScheduleView repair(ScheduleId id) {
        Actor actor = access.actor();
        Schedule schedule = access.load(id, actor);
        Instant now = clock.instant();
        boolean online = schedule.releaseState() == ReleaseState.ONLINE;
        List<ScheduleEvent> events = new ArrayList<>();
        return remoteFirst.change(schedule, () -> {
            RemoteChange defined = remoteFirst.pushDefinition(schedule, events, now);
            try {
                if (!schedule.remote().equals(Optional.of(defined.ref()))) {
                    events.add(schedule.link(defined.ref(), actor, now));
                }
                if (online && schedule.releaseState() != ReleaseState.ONLINE) {
                    schedule.putOnline(actor, now).ifPresent(events::add);
                }
                return defined.then(online ? engines.of(schedule).lifecycle().online(schedule)
                        : engines.of(schedule).lifecycle().offline(schedule));
            } catch (RuntimeException failure) {
                RemoteFirst.undo(failure, defined);
                throw failure;
            }
        }, change -> {
            Schedule saved = store.save(schedule);
            events.forEach(audit::append);
            audit.append(ScheduleEvent.of(id, ScheduleEventType.DRIFT_REPAIRED, actor.name(), now,
                    "pushed the stored schedule to " + change.ref().scheduler() + " again"));
            return ScheduleView.of(saved, clock);
        });
    }
}
