package org.notebookscheduler.domain.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.notebookscheduler.domain.audit.FieldChange;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.audit.ScheduleEventType;
import org.notebookscheduler.domain.shared.Actor;
import org.notebookscheduler.domain.shared.Check;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/**
 * A schedule: who owns it, what it runs and when, whether it fires, and where it lives in the remote
 * scheduler. Every change goes through a method that enforces the rules and returns the audit event
 * that records it.
 */
public final class Schedule {

    private final ScheduleId id;
    private final String owner;
    private final Instant createdAt;
    private ScheduleDefinition definition;
    private ReleaseState releaseState;
    private RemoteRef remote;
    private Instant updatedAt;
    private final long version;

    private Schedule(ScheduleId id, String owner, ScheduleDefinition definition, ReleaseState releaseState,
            RemoteRef remote, Instant createdAt, Instant updatedAt, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.owner = Check.text(owner, "owner", 255);
        this.definition = Check.required(definition, "definition");
        this.releaseState = Objects.requireNonNull(releaseState, "releaseState");
        this.remote = remote;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.version = version;
    }

    /** A new schedule, offline and not yet linked to the remote scheduler. */
    public static Created create(ScheduleId id, String owner, ScheduleDefinition definition, Instant now) {
        Schedule schedule = new Schedule(id, owner, definition, ReleaseState.OFFLINE, null, now, now, 0);
        return new Created(schedule, ScheduleEvent.of(id, ScheduleEventType.CREATED, owner, now,
                "created '" + definition.name() + "' with " + definition.tasks().size() + " task(s)"));
    }

    /** The schedule and the event that records its creation. */
    public record Created(Schedule schedule, ScheduleEvent event) {
    }

    /** Rebuilds a stored schedule; for persistence adapters only, no event is produced. */
    public static Schedule restore(ScheduleId id, String owner, ScheduleDefinition definition,
            ReleaseState releaseState, RemoteRef remote, Instant createdAt, Instant updatedAt, long version) {
        return new Schedule(id, owner, definition, releaseState, remote, createdAt, updatedAt, version);
    }

    public void assertAccessibleBy(Actor actor) {
        if (!actor.mayAccessOwnedBy(owner)) {
            throw new RefusedException(ErrorCode.ACCESS_DENIED, "scheduleId",
                    actor.name() + " may not access schedule " + id);
        }
    }

    /**
     * Refuses a schedule that would break the cross-schedule rules against {@code other}: one
     * schedule per entity, and a name unique per owner.
     */
    public void assertNoConflictWith(Schedule other) {
        if (other.id.equals(id)) {
            return;
        }
        if (other.owner.equals(owner) && other.definition.name().equalsIgnoreCase(definition.name())) {
            throw new RefusedException(ErrorCode.SCHEDULE_NAME_TAKEN, "name",
                    owner + " already has a schedule named '" + other.definition.name() + "'");
        }
        List<ScheduledTask> tasks = definition.tasks();
        for (int i = 0; i < tasks.size(); i++) {
            EntityRef entity = tasks.get(i).entity();
            if (other.definition.taskFor(entity.type(), entity.id()).isPresent()) {
                // the other schedule may be someone else's: its id and name are not this caller's to learn
                throw new RefusedException(ErrorCode.ENTITY_ALREADY_SCHEDULED, "tasks[" + i + "].entity",
                        entity.key() + " is already scheduled" + (other.owner.equals(owner)
                                ? " by your schedule '" + other.definition.name() + "'" : " by another schedule"));
            }
        }
    }

    /** Replaces the definition; refused while online, since the scheduler refuses to edit a live process. */
    public ScheduleEvent revise(ScheduleDefinition next, Actor actor, Instant now) {
        assertOffline("edited");
        List<FieldChange> changes = definition.changesTo(Check.required(next, "definition"));
        definition = next;
        updatedAt = now;
        return new ScheduleEvent(id, ScheduleEventType.UPDATED, actor.name(), now, changes, null);
    }

    /** Puts the schedule online; returns nothing when it already is. */
    public Optional<ScheduleEvent> putOnline(Actor actor, Instant now) {
        return moveTo(ReleaseState.ONLINE, ScheduleEventType.ONLINE, actor, now);
    }

    /** Takes the schedule offline; returns nothing when it already is. */
    public Optional<ScheduleEvent> takeOffline(Actor actor, Instant now) {
        return moveTo(ReleaseState.OFFLINE, ScheduleEventType.OFFLINE, actor, now);
    }

    private Optional<ScheduleEvent> moveTo(ReleaseState target, ScheduleEventType type, Actor actor, Instant now) {
        if (releaseState == target) {
            return Optional.empty();
        }
        assertLinked();
        ReleaseState before = releaseState;
        releaseState = target;
        updatedAt = now;
        return Optional.of(new ScheduleEvent(id, type, actor.name(), now,
                List.of(new FieldChange("releaseState", before.name(), target.name())), null));
    }

    /** Records where the schedule now lives remotely. */
    public ScheduleEvent link(RemoteRef ref, Actor actor, Instant now) {
        List<FieldChange> changes = new java.util.ArrayList<>();
        FieldChange.collect(changes, "remote", remote, Check.required(ref, "remote"));
        remote = ref;
        updatedAt = now;
        return new ScheduleEvent(id, ScheduleEventType.LINKED, actor.name(), now, changes, null);
    }

    /**
     * Drops the link to a remote object that is not this schedule's any more (gone, or now someone
     * else's). Nothing fires for the schedule after that, so it is offline too; the event records
     * both as drift the scheduler caused.
     */
    public ScheduleEvent unlink(String why, Instant now) {
        List<FieldChange> changes = new java.util.ArrayList<>();
        FieldChange.collect(changes, "remote", remote, null);
        FieldChange.collect(changes, "releaseState", releaseState, ReleaseState.OFFLINE);
        remote = null;
        releaseState = ReleaseState.OFFLINE;
        updatedAt = now;
        return new ScheduleEvent(id, ScheduleEventType.DRIFT_FOUND, Actor.SCHEDULER.name(), now, changes,
                why + "; the link is dropped, and repair registers the schedule afresh");
    }

    /** The event of deleting this schedule; refused while online. */
    public ScheduleEvent delete(Actor actor, Instant now) {
        assertOffline("deleted");
        return ScheduleEvent.of(id, ScheduleEventType.DELETED, actor.name(), now,
                "deleted '" + definition.name() + "'");
    }

    public ScheduleEvent requestRun(Actor actor, Instant now) {
        assertLinked();
        return ScheduleEvent.of(id, ScheduleEventType.RUN_REQUESTED, actor.name(), now, "run now");
    }

    private void assertOffline(String what) {
        if (releaseState == ReleaseState.ONLINE) {
            throw new RefusedException(ErrorCode.SCHEDULE_ONLINE, "releaseState",
                    "schedule " + id + " is online and cannot be " + what + "; take it offline first");
        }
    }

    private void assertLinked() {
        if (remote == null) {
            throw new RefusedException(ErrorCode.SCHEDULE_NOT_LINKED, "remote",
                    "schedule " + id + " is not yet registered with the scheduler");
        }
    }

    public Optional<ScheduledTask> taskFor(EntityType type, String entityId) {
        return definition.taskFor(type, entityId);
    }

    public ScheduleId id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public ScheduleDefinition definition() {
        return definition;
    }

    public String name() {
        return definition.name();
    }

    public ReleaseState releaseState() {
        return releaseState;
    }

    public Optional<RemoteRef> remote() {
        return Optional.ofNullable(remote);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The stored version this copy was read at; the store refuses to overwrite a newer one. */
    public long version() {
        return version;
    }

    @Override
    public String toString() {
        return "Schedule[" + id + " '" + definition.name() + "' of " + owner + ", " + releaseState + "]";
    }
}
