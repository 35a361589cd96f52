package org.notebookscheduler.application.fakes;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.port.out.ScheduleStore;
import org.notebookscheduler.domain.schedule.EntityRef;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/** Keeps copies, never the caller's objects, so a change reaches the store only through {@link #save}. */
public final class InMemoryScheduleStore implements ScheduleStore, TransactionalFake {

    private final Map<ScheduleId, Schedule> rows = new LinkedHashMap<>();
    private final Faults faults = new Faults();
    private int readsById;

    /** How many times a schedule was read by its id, each one a load of its row and collections on a real database. */
    public synchronized int readsById() {
        return readsById;
    }

    public Faults faults() {
        return faults;
    }

    @Override
    public synchronized Schedule save(Schedule schedule) {
        faults.check("save");
        Schedule stored = rows.get(schedule.id());
        if (stored != null && stored.version() != schedule.version()) {
            throw new RefusedException(ErrorCode.SCHEDULE_CONCURRENTLY_MODIFIED, "version",
                    "schedule " + schedule.id() + " was changed by someone else");
        }
        Schedule saved = copy(schedule, stored == null ? 0 : stored.version() + 1);
        rows.put(schedule.id(), saved);
        return copy(saved, saved.version());
    }

    /** The fake's transactions run one at a time, so holding the schedule is checking its version. */
    @Override
    public synchronized void lockForChange(ScheduleId id, long version) {
        faults.check("lockForChange");
        Schedule stored = rows.get(id);
        if (stored == null) {
            throw new RefusedException(ErrorCode.SCHEDULE_NOT_FOUND, "scheduleId", "no schedule " + id);
        }
        if (stored.version() != version) {
            throw new RefusedException(ErrorCode.SCHEDULE_CONCURRENTLY_MODIFIED, "version",
                    "schedule " + id + " was changed by someone else");
        }
    }

    @Override
    public synchronized Optional<Schedule> findById(ScheduleId id) {
        readsById++;
        return Optional.ofNullable(rows.get(id)).map(InMemoryScheduleStore::copy);
    }

    @Override
    public synchronized Optional<Schedule> findByEntity(EntityType type, String entityId) {
        return rows.values().stream().filter(schedule -> schedule.taskFor(type, entityId).isPresent()).findFirst()
                .map(InMemoryScheduleStore::copy);
    }

    @Override
    public synchronized Optional<Schedule> findByOwnerAndName(String owner, String name) {
        return rows.values().stream()
                .filter(schedule -> schedule.owner().equals(owner) && schedule.name().equalsIgnoreCase(name))
                .findFirst().map(InMemoryScheduleStore::copy);
    }

    @Override
    public synchronized List<Schedule> findHoldingAny(List<EntityRef> entities) {
        return rows.values().stream()
                .filter(schedule -> entities.stream()
                        .anyMatch(entity -> schedule.taskFor(entity.type(), entity.id()).isPresent()))
                .map(InMemoryScheduleStore::copy).toList();
    }

    @Override
    public synchronized Page<Schedule> findByOwner(String owner, PageRequest page) {
        List<Schedule> owned = rows.values().stream()
                .filter(schedule -> owner == null || schedule.owner().equals(owner))
                .sorted(Comparator.comparing(Schedule::createdAt).reversed())
                .map(InMemoryScheduleStore::copy).toList();
        return Page.of(owned, page);
    }

    @Override
    public synchronized void delete(ScheduleId id) {
        faults.check("delete");
        rows.remove(id);
    }

    @Override
    public synchronized Object snapshot() {
        return new LinkedHashMap<>(rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        rows.clear();
        rows.putAll((Map<ScheduleId, Schedule>) snapshot);
    }

    private static Schedule copy(Schedule schedule) {
        return copy(schedule, schedule.version());
    }

    private static Schedule copy(Schedule schedule, long version) {
        return Schedule.restore(schedule.id(), schedule.owner(), schedule.definition(), schedule.releaseState(),
                schedule.remote().orElse(null), schedule.createdAt(), schedule.updatedAt(), version);
    }
}
