package org.notebookscheduler.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.notebookscheduler.application.fakes.Examples.definition;
import static org.notebookscheduler.application.fakes.Examples.notebook;
import static org.notebookscheduler.application.fakes.Examples.oneNotebook;
import static org.notebookscheduler.application.fakes.Refusals.assertRefused;

import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.fakes.TestWorld;
import org.notebookscheduler.application.port.in.ScheduleView;
import org.notebookscheduler.application.port.in.UpdateSchedule;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.port.out.EngineException;
import org.notebookscheduler.domain.audit.FieldChange;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.audit.ScheduleEventType;
import org.notebookscheduler.domain.schedule.EntityRef;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.schedule.ReleaseState;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.schedule.ScheduledTask;
import org.notebookscheduler.domain.shared.Actor;
import org.notebookscheduler.domain.shared.ErrorCode;

class ScheduleServiceTest {

    private final TestWorld world = new TestWorld();
    private final ScheduleService service = world.scheduleService;

    private ScheduleView created(String name, String notebookId) {
        return service.create(oneNotebook(name, notebookId));
    }

    private List<ScheduleEventType> trail(ScheduleId id) {
        return world.audit.all().stream().filter(event -> event.scheduleId().equals(id))
                .map(ScheduleEvent::type).toList();
    }

    @Test
    void a_new_schedule_is_registered_offline_stored_and_audited_as_created_and_linked() {
        ScheduleView view = created("daily", "nb-1");

        Schedule stored = world.schedules.findById(view.schedule().id()).orElseThrow();
        assertThat(stored.owner()).isEqualTo("alice");
        assertThat(stored.releaseState()).isEqualTo(ReleaseState.OFFLINE);
        assertThat(stored.remote()).isPresent();
        assertThat(world.engine.remotes()).containsKey(stored.remote().orElseThrow().definitionId());
        assertThat(trail(stored.id())).containsExactly(ScheduleEventType.CREATED, ScheduleEventType.LINKED);
    }

    @Test
    void a_task_takes_the_entitys_name_from_the_host_and_is_pinned_to_its_latest_commit() {
        ScheduleView view = service.create(definition("daily",
                ScheduledTask.of("first", new EntityRef(EntityType.NOTEBOOK, "nb-1", "whatever the client said")),
                ScheduledTask.of("second", notebook("nb-2")).withCommit("pinned")));

        List<ScheduledTask> tasks = view.schedule().definition().tasks();
        assertThat(tasks.get(0).entity().name()).isEqualTo("notebook nb-1");
        assertThat(tasks.get(0).commitId()).isEqualTo("commit-nb-1");
        assertThat(tasks.get(1).commitId()).isEqualTo("pinned");
    }

    @Test
    void scheduling_an_entity_the_host_does_not_know_is_refused_naming_the_task() {
        assertRefused(() -> service.create(definition("daily",
                ScheduledTask.of("a", notebook("nb-1")), ScheduledTask.of("b", notebook("nb-404")))),
                ErrorCode.ENTITY_NOT_FOUND, "tasks[1].entity");
        assertThat(world.engine.calls()).isEmpty();
    }

    @Test
    void scheduling_someone_elses_notebook_is_refused() {
        assertRefused(() -> created("daily", "nb-bob"), ErrorCode.ACCESS_DENIED, "tasks[0].entity");
    }

    @Test
    void an_entity_already_scheduled_cannot_be_scheduled_again() {
        created("daily", "nb-1");

        assertRefused(() -> created("another", "nb-1"), ErrorCode.ENTITY_ALREADY_SCHEDULED, "tasks[0].entity");
        assertThat(world.engine.calls()).containsOnlyOnce("register");
    }

    @Test
    void an_owner_cannot_have_two_schedules_of_the_same_name_whatever_the_case() {
        created("Daily", "nb-1");

        assertRefused(() -> created("DAILY", "nb-2"), ErrorCode.SCHEDULE_NAME_TAKEN, "name");
    }

    @Test
    void when_the_schedule_cannot_be_stored_its_remote_registration_is_undone_and_no_audit_remains() {
        world.schedules.faults().failNext("save", new IllegalStateException("database down"));

        assertThatThrownBy(() -> created("daily", "nb-1")).hasMessageContaining("database down");

        assertThat(world.engine.remotes()).isEmpty();
        assertThat(world.audit.all()).isEmpty();
        assertThat(world.schedules.findByEntity(EntityType.NOTEBOOK, "nb-1")).isEmpty();
    }

    @Test
    void when_the_audit_row_cannot_be_written_the_schedule_is_not_kept_either() {
        world.audit.faults().failNext("append", new IllegalStateException("audit table locked"));

        assertThatThrownBy(() -> created("daily", "nb-1")).hasMessageContaining("audit table locked");

        assertThat(world.schedules.findByOwner("alice", PageRequest.first(10)).total()).isZero();
        assertThat(world.engine.remotes()).isEmpty();
    }

    @Test
    void when_the_scheduler_is_unreachable_nothing_is_stored() {
        world.engine.faults().failNext("register", new EngineException(
                EngineException.Kind.UNAVAILABLE, "process/save", "connection refused"));

        assertThatThrownBy(() -> created("daily", "nb-1")).isInstanceOf(EngineException.class);

        assertThat(world.schedules.findByOwner(null, PageRequest.first(10)).total()).isZero();
        assertThat(world.audit.all()).isEmpty();
    }

    @Test
    void an_update_changes_the_remote_definition_and_audits_the_old_and_new_values() {
        ScheduleView view = created("daily", "nb-1");

        service.update(new UpdateSchedule(view.schedule().id(), oneNotebook("nightly", "nb-1"), null));

        assertThat(world.engine.remotes().values()).singleElement()
                .satisfies(remote -> assertThat(remote.definition().name()).isEqualTo("nightly"));
        ScheduleEvent updated = world.audit.all().get(world.audit.all().size() - 1);
        assertThat(updated.type()).isEqualTo(ScheduleEventType.UPDATED);
        assertThat(updated.changes()).contains(new FieldChange("name", "daily", "nightly"));
    }

    @Test
    void an_edit_made_on_a_stale_version_is_refused() {
        ScheduleView view = created("daily", "nb-1");
        long read = view.schedule().version();
        service.update(new UpdateSchedule(view.schedule().id(), oneNotebook("nightly", "nb-1"), read));

        assertRefused(() -> service.update(new UpdateSchedule(view.schedule().id(), oneNotebook("hourly", "nb-1"), read)),
                ErrorCode.SCHEDULE_CONCURRENTLY_MODIFIED, "version");
        assertThat(world.schedules.findById(view.schedule().id()).orElseThrow().name()).isEqualTo("nightly");
    }

    @Test
    void an_online_schedule_can_be_neither_edited_nor_deleted() {
        ScheduleId id = created("daily", "nb-1").schedule().id();
        service.online(id);

        assertRefused(() -> service.update(new UpdateSchedule(id, oneNotebook("nightly", "nb-1"), null)),
                ErrorCode.SCHEDULE_ONLINE, "releaseState");
        assertRefused(() -> service.delete(id), ErrorCode.SCHEDULE_ONLINE, "releaseState");
        assertThat(world.schedules.findById(id)).isPresent();
        assertThat(world.engine.calls()).doesNotContain("delete", "update");
    }

    @Test
    void deleting_removes_the_schedule_here_and_remotely_but_keeps_its_audit_trail() {
        ScheduleId id = created("daily", "nb-1").schedule().id();

        service.delete(id);

        assertThat(world.schedules.findById(id)).isEmpty();
        assertThat(world.engine.remotes()).isEmpty();
        assertThat(trail(id)).endsWith(ScheduleEventType.DELETED);
    }

    @Test
    void going_online_and_offline_is_audited_once_per_real_change() {
        ScheduleId id = created("daily", "nb-1").schedule().id();

        service.online(id);
        service.online(id);
        ScheduleView offline = service.offline(id);

        assertThat(offline.schedule().releaseState()).isEqualTo(ReleaseState.OFFLINE);
        assertThat(trail(id)).containsExactly(ScheduleEventType.CREATED, ScheduleEventType.LINKED,
                ScheduleEventType.ONLINE, ScheduleEventType.OFFLINE);
        assertThat(world.engine.calls()).containsOnlyOnce("online");
    }

    @Test
    void when_going_online_cannot_be_stored_the_remote_side_is_taken_offline_again() {
        ScheduleId id = created("daily", "nb-1").schedule().id();
        world.schedules.faults().failNext("save", new IllegalStateException("database down"));

        assertThatThrownBy(() -> service.online(id)).hasMessageContaining("database down");

        assertThat(world.engine.remotes().values()).allSatisfy(remote -> assertThat(remote.online()).isFalse());
        assertThat(world.schedules.findById(id).orElseThrow().releaseState()).isEqualTo(ReleaseState.OFFLINE);
    }

    @Test
    void a_schedule_shows_the_next_five_times_it_fires_in_its_zone() {
        ScheduleView view = created("daily", "nb-1");

        List<ZonedDateTime> next = service.get(view.schedule().id()).nextFireTimes();

        assertThat(next).hasSize(5);
        assertThat(next.get(0)).isEqualTo(ZonedDateTime.parse("2026-11-25T02:00+08:00[Asia/Shanghai]"));
        assertThat(next.get(4)).isEqualTo(ZonedDateTime.parse("2026-11-29T02:00+08:00[Asia/Shanghai]"));
    }

    @Test
    void a_user_cannot_see_or_touch_another_users_schedule_but_an_admin_can() {
        ScheduleId id = created("daily", "nb-1").schedule().id();

        world.actAs(Actor.user("bob"));
        assertRefused(() -> service.get(id), ErrorCode.ACCESS_DENIED, "scheduleId");
        assertRefused(() -> service.online(id), ErrorCode.ACCESS_DENIED, "scheduleId");
        assertRefused(() -> service.list("alice", PageRequest.first(10)), ErrorCode.ACCESS_DENIED, "owner");
        assertThat(service.list(null, PageRequest.first(10)).total()).isZero();

        world.actAs(Actor.admin("root"));
        assertThat(service.get(id).schedule().owner()).isEqualTo("alice");
        assertThat(service.list(null, PageRequest.first(10)).total()).isEqualTo(1);
    }

    @Test
    void lookups_by_entity_and_by_owner_are_answered_without_calling_the_scheduler() {
        created("daily", "nb-1");
        int callsBefore = world.engine.calls().size();

        assertThat(service.findByEntity(EntityType.NOTEBOOK, "nb-1")).isPresent();
        assertThat(service.findByEntity(EntityType.NOTEBOOK, "nb-2")).isEmpty();
        assertThat(service.list(null, PageRequest.first(10)).items()).hasSize(1);

        assertThat(world.engine.calls()).hasSize(callsBefore);
    }

    @Test
    void running_now_asks_the_scheduler_and_is_audited() {
        ScheduleId id = created("daily", "nb-1").schedule().id();

        service.runNow(id);

        assertThat(world.engine.calls()).contains("runNow");
        assertThat(trail(id)).endsWith(ScheduleEventType.RUN_REQUESTED);
    }

    @Test
    void an_unknown_schedule_is_refused_as_not_found() {
        assertRefused(() -> service.get(ScheduleId.newId()), ErrorCode.SCHEDULE_NOT_FOUND, "scheduleId");
    }

    @Test
    void an_update_of_a_schedule_whose_process_is_not_its_own_any_more_registers_it_afresh_and_records_why() {
        ScheduleView view = created("daily", "nb-1");
        world.engine.reset();

        ScheduleView updated = service.update(new UpdateSchedule(view.schedule().id(),
                oneNotebook("nightly", "nb-1"), null));

        assertThat(updated.schedule().remote()).isPresent();
        assertThat(world.engine.remotes()).containsKey(updated.schedule().remote().orElseThrow().definitionId());
        assertThat(trail(view.schedule().id())).containsExactly(ScheduleEventType.CREATED, ScheduleEventType.LINKED,
                ScheduleEventType.UPDATED, ScheduleEventType.DRIFT_FOUND, ScheduleEventType.LINKED);
    }

    @Test
    void offline_of_a_schedule_whose_process_is_gone_succeeds_locally_and_drops_the_link() {
        ScheduleView view = created("daily", "nb-1");
        service.online(view.schedule().id());
        world.engine.reset();

        ScheduleView offline = service.offline(view.schedule().id());

        assertThat(offline.schedule().releaseState()).isEqualTo(ReleaseState.OFFLINE);
        assertThat(offline.schedule().remote()).isEmpty();
        assertThat(trail(view.schedule().id())).endsWith(ScheduleEventType.OFFLINE, ScheduleEventType.DRIFT_FOUND);
    }

    @Test
    void online_or_run_now_of_a_schedule_whose_process_is_gone_is_refused_with_the_link_dropped() {
        ScheduleView view = created("daily", "nb-1");
        world.engine.reset();

        assertRefused(() -> service.online(view.schedule().id()), ErrorCode.SCHEDULE_NOT_LINKED, "remote");

        Schedule stored = world.schedules.findById(view.schedule().id()).orElseThrow();
        assertThat(stored.remote()).isEmpty();
        assertThat(stored.releaseState()).isEqualTo(ReleaseState.OFFLINE);
        assertThat(trail(stored.id())).endsWith(ScheduleEventType.DRIFT_FOUND);
    }

    @Test
    void deleting_a_schedule_whose_process_is_gone_deletes_it_here_and_touches_nothing_there() {
        ScheduleView view = created("daily", "nb-1");
        world.engine.reset();
        ScheduleView other = created("other", "nb-2");

        service.delete(view.schedule().id());

        assertThat(world.schedules.findById(view.schedule().id())).isEmpty();
        assertThat(world.engine.remotes()).containsKey(other.schedule().remote().orElseThrow().definitionId());
        assertThat(trail(view.schedule().id())).endsWith(ScheduleEventType.DRIFT_FOUND, ScheduleEventType.DELETED);
    }

    @Test
    void a_failed_local_write_after_an_update_undoes_the_remote_change() {
        ScheduleView view = created("daily", "nb-1");
        String definitionId = view.schedule().remote().orElseThrow().definitionId();
        var before = world.engine.remotes().get(definitionId);
        world.schedules.faults().failNext("save", new IllegalStateException("database went away"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.update(new UpdateSchedule(
                view.schedule().id(), oneNotebook("nightly", "nb-1"), null))).hasMessageContaining("went away");

        assertThat(world.engine.remotes().get(definitionId)).isEqualTo(before);
        assertThat(world.engine.calls()).endsWith("update", "undo");
    }

    @Test
    void run_now_answers_the_run_the_scheduler_started_and_records_the_request_first() {
        ScheduleView view = created("daily", "nb-1");
        world.engine.nextRunIs(new org.notebookscheduler.domain.run.RunId("777"));

        assertThat(service.runNow(view.schedule().id())).contains(new org.notebookscheduler.domain.run.RunId("777"));
        assertThat(trail(view.schedule().id())).endsWith(ScheduleEventType.RUN_REQUESTED);
    }

    @Test
    void a_schedule_created_on_one_engine_is_changed_there_after_new_schedules_move_to_another() {
        ScheduleId onFirst = world.onlineSchedule("daily", "nb-1");
        org.notebookscheduler.application.fakes.FakeEngine second =
                new org.notebookscheduler.application.fakes.FakeEngine("Embedded");
        ScheduleService moved = new ScheduleService(world.schedules, world.audit,
                new Engines("Embedded", List.of(world.engine.engine(), second.engine())), world.catalog,
                world.currentUser, world.transactions, world.clock);
        List<String> firstCallsBefore = world.engine.calls();

        moved.offline(onFirst);
        ScheduleView created = moved.create(oneNotebook("nightly", "nb-2"));

        assertThat(world.engine.calls().subList(firstCallsBefore.size(), world.engine.calls().size()))
                .containsExactly("offline");
        assertThat(second.calls()).containsExactly("register");
        assertThat(created.schedule().remote().orElseThrow().scheduler()).isEqualTo("Embedded");
    }
}
