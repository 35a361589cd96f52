package org.notebookscheduler.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.notebookscheduler.application.port.in.ReconcileSchedulesUseCase;
import org.notebookscheduler.application.port.in.ScheduleView;
import org.notebookscheduler.application.port.out.AuditLog;
import org.notebookscheduler.application.port.out.CurrentUser;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.port.out.ScheduleStore;
import org.notebookscheduler.application.port.out.SchedulerGateway;
import org.notebookscheduler.application.port.out.SchedulerGatewayException;
import org.notebookscheduler.application.port.out.Transactions;
import org.notebookscheduler.domain.audit.FieldChange;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.audit.ScheduleEventType;
import org.notebookscheduler.domain.schedule.ReleaseState;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.shared.Actor;

/** The local store is the truth; this service finds where the engine disagrees and mends it on request. */
public final class ReconciliationService implements ReconcileSchedulesUseCase {

    private static final int BATCH = 100;

    private final ScheduleStore store;
    private final AuditLog audit;
    private final SchedulerGateway gateway;
    private final ScheduleAccess access;
    private final Transactions transactions;
    private final Clock clock;

    public ReconciliationService(ScheduleStore store, AuditLog audit, SchedulerGateway gateway, CurrentUser currentUser,
            Transactions transactions, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.gateway = gateway;
        this.access = new ScheduleAccess(store, currentUser);
        this.transactions = transactions;
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
                    drift = gateway.drift(schedule);
                } catch (SchedulerGatewayException e) {
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

    /** The same difference found again, with nothing done about it since, is not news. */
    private boolean alreadyRecorded(ScheduleId id, List<FieldChange> drift) {
        long total = audit.history(id, PageRequest.first(1)).total();
        if (total == 0) {
            return false;
        }
        List<ScheduleEvent> last = audit.history(id, new PageRequest((int) total, 1)).items();
        return !last.isEmpty() && last.get(0).type() == ScheduleEventType.DRIFT_FOUND
                && last.get(0).changes().equals(drift);
    }

    @Override
    public ScheduleView repair(ScheduleId id) {
        Actor actor = access.actor();
        Schedule schedule = access.load(id, actor);
        Instant now = clock.instant();
        Optional<RemoteRef> before = schedule.remote();
        RemoteRef after;
        try {
            after = before.isPresent() ? gateway.update(schedule) : gateway.register(schedule);
        } catch (SchedulerGatewayException e) {
            if (e.kind() != SchedulerGatewayException.Kind.NOT_FOUND) {
                throw e;
            }
            after = gateway.register(schedule);
        }
        if (schedule.releaseState() == ReleaseState.ONLINE) {
            gateway.online(after);
        } else {
            gateway.offline(after);
        }
        RemoteRef linked = after;
        return transactions.inTransaction(() -> {
            if (!before.equals(Optional.of(linked))) {
                audit.append(schedule.link(linked, actor, now));
            }
            Schedule saved = store.save(schedule);
            audit.append(ScheduleEvent.of(id, ScheduleEventType.DRIFT_REPAIRED, actor.name(), now,
                    "pushed the stored schedule to " + linked.scheduler() + " again"));
            return ScheduleView.of(saved, clock);
        });
    }
}
