package org.notebookscheduler.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.notebookscheduler.application.port.in.ManageSchedulesUseCase;
import org.notebookscheduler.application.port.in.ScheduleView;
import org.notebookscheduler.application.port.in.UpdateSchedule;
import org.notebookscheduler.application.port.out.AuditLog;
import org.notebookscheduler.application.port.out.CurrentUser;
import org.notebookscheduler.application.port.out.NotebookCatalog;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.port.out.ScheduleStore;
import org.notebookscheduler.application.port.out.SchedulerGateway;
import org.notebookscheduler.application.port.out.SchedulerGatewayException;
import org.notebookscheduler.application.port.out.Transactions;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.schedule.EntityRef;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleDefinition;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.schedule.ScheduledTask;
import org.notebookscheduler.domain.shared.Actor;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/**
 * Creates and changes schedules. The remote scheduler is changed first and the local store second,
 * in one transaction with the audit row; when the local write fails, the remote change is undone,
 * so neither side keeps something the other does not know.
 */
public final class ScheduleService implements ManageSchedulesUseCase {

    private final ScheduleStore store;
    private final AuditLog audit;
    private final SchedulerGateway gateway;
    private final NotebookCatalog catalog;
    private final ScheduleAccess access;
    private final Transactions transactions;
    private final Clock clock;

    public ScheduleService(ScheduleStore store, AuditLog audit, SchedulerGateway gateway, NotebookCatalog catalog,
            CurrentUser currentUser, Transactions transactions, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.gateway = gateway;
        this.catalog = catalog;
        this.access = new ScheduleAccess(store, currentUser);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public ScheduleView create(ScheduleDefinition definition) {
        Actor actor = access.actor();
        Instant now = clock.instant();
        Schedule.Created created = Schedule.create(ScheduleId.newId(), actor.name(), resolve(definition, actor), now);
        Schedule schedule = created.schedule();
        assertNoConflicts(schedule);
        RemoteRef ref = gateway.register(schedule);
        try {
            return transactions.inTransaction(() -> {
                assertNoConflicts(schedule);
                ScheduleEvent linked = schedule.link(ref, actor, now);
                Schedule saved = store.save(schedule);
                audit.append(created.event());
                audit.append(linked);
                return view(saved);
            });
        } catch (RuntimeException failure) {
            undo(failure, () -> gateway.delete(ref));
            throw failure;
        }
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
        ScheduleEvent revised = schedule.revise(resolve(update.definition(), actor), actor, now);
        assertNoConflicts(schedule);
        Optional<RemoteRef> before = schedule.remote();
        RemoteRef after = before.isPresent() ? gateway.update(schedule) : gateway.register(schedule);
        try {
            return transactions.inTransaction(() -> {
                List<ScheduleEvent> events = new ArrayList<>(List.of(revised));
                if (!before.equals(Optional.of(after))) {
                    events.add(schedule.link(after, actor, now));
                }
                Schedule saved = store.save(schedule);
                events.forEach(audit::append);
                return view(saved);
            });
        } catch (RuntimeException failure) {
            undo(failure, () -> store.findById(schedule.id()).ifPresent(gateway::update));
            throw failure;
        }
    }

    @Override
    public void delete(ScheduleId id) {
        Actor actor = access.actor();
        Schedule schedule = access.load(id, actor);
        ScheduleEvent deleted = schedule.delete(actor, clock.instant());
        schedule.remote().ifPresent(ref -> {
            try {
                gateway.delete(ref);
            } catch (SchedulerGatewayException e) {
                if (e.kind() != SchedulerGatewayException.Kind.NOT_FOUND) {
                    throw e;
                }
            }
        });
        transactions.run(() -> {
            store.delete(id);
            audit.append(deleted);
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
        RemoteRef ref = ScheduleAccess.remoteOf(schedule);
        Consumer<RemoteRef> forward = online ? gateway::online : gateway::offline;
        Consumer<RemoteRef> back = online ? gateway::offline : gateway::online;
        forward.accept(ref);
        return saveOrUndo(schedule, event.get(), () -> back.accept(ref));
    }

    @Override
    public void runNow(ScheduleId id) {
        Actor actor = access.actor();
        Schedule schedule = access.load(id, actor);
        ScheduleEvent requested = schedule.requestRun(actor, clock.instant());
        gateway.runNow(schedule);
        transactions.run(() -> audit.append(requested));
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

    private ScheduleView saveOrUndo(Schedule schedule, ScheduleEvent event, Runnable undoRemote) {
        try {
            return transactions.inTransaction(() -> {
                Schedule saved = store.save(schedule);
                audit.append(event);
                return view(saved);
            });
        } catch (RuntimeException failure) {
            undo(failure, undoRemote);
            throw failure;
        }
    }

    /** Best effort: the original failure is what the caller must see; the undo's own failure rides along. */
    private static void undo(RuntimeException failure, Runnable compensation) {
        try {
            compensation.run();
        } catch (RuntimeException undoFailed) {
            failure.addSuppressed(undoFailed);
        }
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
