package org.notebookscheduler.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.notebookscheduler.application.fakes.Examples.NOW;
import static org.notebookscheduler.application.fakes.Examples.notebook;
import static org.notebookscheduler.application.fakes.Examples.schedule;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.port.out.ScheduleStore;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.schedule.ReleaseState;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.shared.Actor;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/** What every {@link ScheduleStore} does; the in-memory fake and the JPA adapter both pass it. */
public abstract class ScheduleStoreContract {

    /** A store over an empty database. */
    protected abstract ScheduleStore store();

    @Test
    void a_saved_schedule_is_found_by_id_with_everything_it_holds() {
        ScheduleStore store = store();
        Schedule schedule = schedule("alice", "daily", "nb-1", NOW);
        schedule.link(new RemoteRef("DolphinScheduler", "ByzerScheduler", "12", "7"), Actor.user("alice"), NOW);

        store.save(schedule);

        Schedule found = store.findById(schedule.id()).orElseThrow();
        assertThat(found.owner()).isEqualTo("alice");
        assertThat(found.definition()).isEqualTo(schedule.definition());
        assertThat(found.remote()).isEqualTo(schedule.remote());
        assertThat(found.releaseState()).isEqualTo(ReleaseState.OFFLINE);
    }

    @Test
    void a_schedule_is_found_by_the_entity_it_runs() {
        ScheduleStore store = store();
        Schedule schedule = store.save(schedule("alice", "daily", "nb-1", NOW));

        assertThat(store.findByEntity(EntityType.NOTEBOOK, "nb-1")).map(Schedule::id).contains(schedule.id());
        assertThat(store.findByEntity(EntityType.WORKFLOW, "nb-1")).isEmpty();
    }

    @Test
    void a_schedule_name_is_found_regardless_of_case() {
        ScheduleStore store = store();
        store.save(schedule("alice", "Daily Report", "nb-1", NOW));

        assertThat(store.findByOwnerAndName("alice", "daily report")).isPresent();
        assertThat(store.findByOwnerAndName("bob", "daily report")).isEmpty();
    }

    @Test
    void each_save_moves_the_version_on() {
        ScheduleStore store = store();
        Schedule first = store.save(schedule("alice", "daily", "nb-1", NOW));

        Schedule second = store.save(first);

        assertThat(second.version()).isGreaterThan(first.version());
    }

    @Test
    void saving_a_copy_read_before_someone_else_saved_is_refused_as_a_concurrent_edit() {
        ScheduleStore store = store();
        Schedule saved = store.save(schedule("alice", "daily", "nb-1", NOW));
        Schedule mine = store.findById(saved.id()).orElseThrow();
        Schedule theirs = store.findById(saved.id()).orElseThrow();
        store.save(theirs);

        assertThatThrownBy(() -> store.save(mine))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEDULE_CONCURRENTLY_MODIFIED));
    }

    @Test
    void a_schedule_is_held_for_a_change_only_at_the_version_it_was_read_at() {
        ScheduleStore store = store();
        Schedule read = store.save(schedule("alice", "daily", "nb-1", NOW));

        store.lockForChange(read.id(), read.version());
        store.save(store.findById(read.id()).orElseThrow());

        assertThatThrownBy(() -> store.lockForChange(read.id(), read.version()))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEDULE_CONCURRENTLY_MODIFIED));
        assertThatThrownBy(() -> store.lockForChange(ScheduleId.newId(), 0))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEDULE_NOT_FOUND));
    }

    @Test
    void schedules_holding_any_of_the_given_entities_are_found() {
        ScheduleStore store = store();
        Schedule one = store.save(schedule("alice", "one", "nb-1", NOW));
        store.save(schedule("alice", "two", "nb-2", NOW));

        assertThat(store.findHoldingAny(List.of(notebook("nb-1"), notebook("nb-9"))))
                .extracting(Schedule::id).containsExactly(one.id());
    }

    @Test
    void an_owner_listing_is_newest_first_paged_and_counts_all() {
        ScheduleStore store = store();
        for (int i = 0; i < 5; i++) {
            store.save(schedule("alice", "s" + i, "nb-" + i, NOW.plusSeconds(i)));
        }
        store.save(schedule("bob", "other", "nb-bob", NOW));

        Page<Schedule> page = store.findByOwner("alice", new PageRequest(1, 2));

        assertThat(page.total()).isEqualTo(5);
        assertThat(page.items()).extracting(Schedule::name).containsExactly("s4", "s3");
        assertThat(store.findByOwner(null, PageRequest.first(10)).total()).isEqualTo(6);
    }

    @Test
    void a_deleted_schedule_is_gone() {
        ScheduleStore store = store();
        Schedule saved = store.save(schedule("alice", "daily", "nb-1", NOW));

        store.delete(saved.id());

        assertThat(store.findById(saved.id())).isEmpty();
        assertThat(store.findByEntity(EntityType.NOTEBOOK, "nb-1")).isEmpty();
    }
}
