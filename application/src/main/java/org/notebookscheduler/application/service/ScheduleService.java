package org.notebookscheduler.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.notebookscheduler.application.port.in.ManageSchedulesUseCase;
import org.notebookscheduler.application.port.in.ScheduleView;
import org.notebookscheduler.application.port.in.UpdateSchedule;
import org.notebookscheduler.application.port.out.AuditLog;
import org.notebookscheduler.application.port.out.CurrentUser;
import org.notebookscheduler.application.port.out.NotebookCatalog;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.port.out.ScheduleStore;
import org.notebookscheduler.application.port.out.RemoteChange;
import org.notebookscheduler.application.port.out.RemoteLinkLostException;
import org.notebookscheduler.application.port.out.Transactions;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.run.RunId;
import org.notebookscheduler.domain.schedule.EntityRef;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleDefinition;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.schedule.ScheduledTask;
import org.notebookscheduler.domain.shared.Actor;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/**
 * Creates and changes schedules, each change through {@link RemoteFirst}: the remote scheduler
 * first, then the store with the audit row in one transaction, the remote change undone when the
 * local write fails. A schedule whose remote process is gone or someone else's is unlinked.
 */
public final class ScheduleService implements ManageSchedulesUseCase {

    public static final Duration DEFAULT_MIN_FIRE_INTERVAL = Duration.ofMinutes(1);

    private final ScheduleStore store;
    private final AuditLog audit;
    private final Engines engines;
    private final NotebookCatalog catalog;
    private final ScheduleAccess access;
    private final Transactions transactions;
    private final RemoteFirst remoteFirst;
    private final Duration minFireInterval;
    private final Clock clock;

    public ScheduleService(ScheduleStore store, AuditLog audit, Engines engines, NotebookCatalog catalog,
            CurrentUser currentUser, Transactions transactions, Clock clock) {
        this(store, audit, engines, catalog, currentUser, transactions, clock, DEFAULT_MIN_FIRE_INTERVAL);
    }

    /** @param minFireInterval a cron firing more often than this is refused */
    public ScheduleService(ScheduleStore store, AuditLog audit, Engines engines, NotebookCatalog catalog,
            CurrentUser currentUser, Transactions transactions, Clock clock, Duration minFireInterval) {
        this.minFireInterval = minFireInterval;
        this.store = store;
        this.audit = audit;
        this.engines = engines;
        this.catalog = catalog;
        this.access = new ScheduleAccess(store, currentUser);
        this.transactions = transactions;
        this.remoteFirst = new RemoteFirst(transactions, engines, store);
        this.clock = clock;
    }

    @Override
    public ScheduleView create(ScheduleDefinition definition) {
        Actor actor = access.actor();
        Instant now = clock.instant();
        Schedule.Created created = Schedule.create(ScheduleId.newId(), actor.name(), resolve(definition, actor), now);
        Schedule schedule = created.schedule();
        assertNoConflicts(schedule);
        RemoteChange change = engines.forNewSchedules().lifecycle().register(schedule);
        return remoteFirst.record(change, () -> {
            assertNoConflicts(schedule);
            ScheduleEvent linked = schedule.link(change.ref(), actor, now);
            Schedule saved = store.save(schedule);
            audit.append(created.event());
            audit.append(linked);
            return view(saved);
        });
    }

    @Override
    public ScheduleView update(UpdateSchedule update) {
        Actor actor = access.actor();
        Schedule schedule = access.load(update.id(), actor);
        if (update.expectedVersion() != null && update.expectedVersion() != schedule.version()) {
            throw new RefusedException(ErrorCode.SCHEDULE_CONCURRENTLY_MODIFIED, "version",
                    "schedule " + schedule.id() + " is at version " + schedule.version() + ", not "
                            + update.expectedVersion() + "; reload it and edit again");
        }
        Instant now = clock.instant();
        List<ScheduleEvent> events = new ArrayList<>(List.of(schedule.revise(resolve(update.definition(), actor),
                actor, now)));
        assertNoConflicts(schedule);
        return remoteFirst.change(schedule, () -> remoteFirst.pushDefinition(schedule, events, now), change -> {
            if (!schedule.remote().equals(Optional.of(change.ref()))) {
                events.add(schedule.link(change.ref(), actor, now));
            }
            Schedule saved = store.save(schedule);
            events.forEach(audit::append);
            return view(saved);
        });
    }

    @Override
    public void delete(ScheduleId id) {
        Actor actor = access.actor();
        Schedule schedule = access.load(id, actor);
        Instant now = clock.instant();
        List<ScheduleEvent> events = new ArrayList<>();
        ScheduleEvent deleted = schedule.delete(actor, now);
        remoteFirst.change(schedule, () -> {
            if (schedule.remote().isPresent()) {
                try {
                    return engines.of(schedule).lifecycle().delete(schedule);
                } catch (RemoteLinkLostException lost) {
                    events.add(schedule.unlink(lost.why(), now));
                }
            }
            return RemoteChange.none(null);
        }, change -> {
            store.delete(id);
            events.forEach(audit::append);
            audit.append(deleted);
            return null;
        });
    }

    @Override
    public ScheduleView online(ScheduleId id) {
        return release(id, true);
    }

    @Override
    public ScheduleView offline(ScheduleId id) {
        return release(id, false);
    }

    /** Changes the release state remotely, then locally; a local failure puts the remote one back. */
    private ScheduleView release(ScheduleId id, boolean online) {
        Actor actor = access.actor();
        Schedule schedule = access.load(id, actor);
        Instant now = clock.instant();
        Optional<ScheduleEvent> event = online ? schedule.putOnline(actor, now) : schedule.takeOffline(actor, now);
        if (event.isEmpty()) {
            return view(schedule);
        }
        List<ScheduleEvent> events = new ArrayList<>(List.of(event.get()));
        try {
            return remoteFirst.change(schedule, () -> {
                if (online) {
                    return engines.of(schedule).lifecycle().online(schedule);
                }
                try {
                    return engines.of(schedule).lifecycle().offline(schedule);
                } catch (RemoteLinkLostException lost) {
                    events.add(schedule.unlink(lost.why(), now));
                    return RemoteChange.none(null);
                }
            }, change -> {
                Schedule saved = store.save(schedule);
                events.forEach(audit::append);
                return view(saved);
            });
        } catch (RemoteLinkLostException lost) {
            throw dropLink(id, lost, now);
        }
    }

    /**
     * Records that the schedule's remote process is not its own any more, and refuses what needed
     * it: nothing can run or go online before repair registers the schedule afresh.
     */
    private RefusedException dropLink(ScheduleId id, RemoteLinkLostException lost, Instant now) {
        transactions.run(() -> store.findById(id).ifPresent(stored -> {
            ScheduleEvent unlinked = stored.unlink(lost.why(), now);
            store.save(stored);
            audit.append(unlinked);
        }));
        return new RefusedException(ErrorCode.SCHEDULE_NOT_LINKED, "remote", lost.why()
                + "; the schedule is now offline and unlinked: repair it (POST /api/schedules/" + id
                + "/repair), then try again");
    }

    /**
     * The request is recorded before the run starts: the run's callbacks are expected only after a
     * recorded request (for an offline schedule), and they may arrive before the scheduler answers.
     */
    @Override
    public Optional<RunId> runNow(ScheduleId id) {
        Actor actor = access.actor();
        Schedule schedule = access.load(id, actor);
        Instant now = clock.instant();
        ScheduleEvent requested = schedule.requestRun(actor, now);
        transactions.run(() -> audit.append(requested));
        try {
            return engines.of(schedule).lifecycle().runNow(schedule);
        } catch (RemoteLinkLostException lost) {
            throw dropLink(id, lost, now);
        }
    }

    @Override
    public ScheduleView get(ScheduleId id) {
        return view(access.load(id, access.actor()));
    }

    @Override
    public Page<ScheduleView> list(String owner, PageRequest page) {
        Actor actor = access.actor();
        String listed = owner;
        if (listed == null) {
            listed = actor.admin() ? null : actor.name();
        } else if (!actor.mayAccessOwnedBy(listed)) {
            throw new RefusedException(ErrorCode.ACCESS_DENIED, "owner",
                    actor.name() + " may not list the schedules of " + listed);
        }
        return store.findByOwner(listed, page).map(this::view);
    }

    @Override
    public Optional<ScheduleView> findByEntity(EntityType type, String entityId) {
        Actor actor = access.actor();
        Optional<Schedule> found = store.findByEntity(type, entityId);
        found.ifPresent(schedule -> schedule.assertAccessibleBy(actor));
        return found.map(this::view);
    }

    /**
     * Checks every task's entity against the host's catalog (it must exist and be the actor's to
     * schedule), takes its current name from there, and pins a task without a commit to the
     * entity's latest, so the schedule runs what its owner saw when scheduling it.
     */
    private ScheduleDefinition resolve(ScheduleDefinition definition, Actor actor) {
        List<ScheduledTask> tasks = new ArrayList<>();
        for (int i = 0; i < definition.tasks().size(); i++) {
            ScheduledTask task = definition.tasks().get(i);
            EntityRef entity = task.entity();
            String field = "tasks[" + i + "].entity";
            NotebookCatalog.Entry entry = catalog.find(entity.type(), entity.id())
                    .orElseThrow(() -> new RefusedException(ErrorCode.ENTITY_NOT_FOUND, field,
                            "no " + entity.type().wireName() + " with id " + entity.id()));
            if (!actor.mayAccessOwnedBy(entry.owner())) {
                throw new RefusedException(ErrorCode.ACCESS_DENIED, field,
                        actor.name() + " may not schedule " + entity.key() + ", which belongs to " + entry.owner());
            }
            ScheduledTask resolved = task.withEntity(new EntityRef(entity.type(), entity.id(), entry.name()));
            if (resolved.commitId() == null && entry.latestCommit() != null) {
                resolved = resolved.withCommit(entry.latestCommit());
            }
            tasks.add(resolved);
        }
        Instant now = clock.instant();
        definition.cron().assertFiresAfter(now);
        definition.cron().assertFiresAtMostEvery(minFireInterval, now);
        return new ScheduleDefinition(definition.name(), definition.description(), tasks, definition.cron(),
                definition.runSettings(), definition.notifications());
    }

    private void assertNoConflicts(Schedule schedule) {
        store.findByOwnerAndName(schedule.owner(), schedule.name()).ifPresent(schedule::assertNoConflictWith);
        List<EntityRef> entities = schedule.definition().tasks().stream().map(ScheduledTask::entity).toList();
        store.findHoldingAny(entities).forEach(schedule::assertNoConflictWith);
    }

    private ScheduleView view(Schedule schedule) {
        return ScheduleView.of(schedule, clock);
    }
}
