package org.notebookscheduler.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.notebookscheduler.domain.schedule.Schedules.definition;
import static org.notebookscheduler.domain.schedule.Schedules.notebook;
import static org.notebookscheduler.domain.schedule.Schedules.oneNotebook;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.domain.audit.FieldChange;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.audit.ScheduleEventType;
import org.notebookscheduler.domain.shared.Actor;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

class ScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Actor ALICE = Actor.user("alice");
    private static final RemoteRef REMOTE = new RemoteRef("DolphinScheduler", "ByzerScheduler", "12", "7");

    private static Schedule linkedSchedule() {
        Schedule schedule = Schedule.create(ScheduleId.newId(), "alice", oneNotebook("daily", "nb-1"), NOW).schedule();
        schedule.link(REMOTE, ALICE, NOW);
        return schedule;
    }

    @Test
    void a_new_schedule_is_offline_and_its_creation_is_recorded() {
        Schedule.Created created = Schedule.create(ScheduleId.newId(), "alice", oneNotebook("daily", "nb-1"), NOW);

        assertThat(created.schedule().releaseState()).isEqualTo(ReleaseState.OFFLINE);
        assertThat(created.event().type()).isEqualTo(ScheduleEventType.CREATED);
        assertThat(created.event().actor()).isEqualTo("alice");
    }

    @Test
    void an_online_schedule_cannot_be_edited() {
        Schedule schedule = linkedSchedule();
        schedule.putOnline(ALICE, NOW);

        assertThatThrownBy(() -> schedule.revise(oneNotebook("renamed", "nb-1"), ALICE, NOW))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEDULE_ONLINE));
        assertThat(schedule.name()).isEqualTo("daily");
    }

    @Test
    void an_online_schedule_cannot_be_deleted() {
        Schedule schedule = linkedSchedule();
        schedule.putOnline(ALICE, NOW);

        assertThatThrownBy(() -> schedule.delete(ALICE, NOW))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SCHEDULE_ONLINE);
                    assertThat(e.field()).contains("releaseState");
                });
    }

    @Test
    void an_offline_schedule_can_be_deleted_and_the_deletion_is_recorded() {
        ScheduleEvent event = linkedSchedule().delete(ALICE, NOW);

        assertThat(event.type()).isEqualTo(ScheduleEventType.DELETED);
    }

    @Test
    void a_revision_records_the_old_and_new_value_of_each_changed_field() {
        Schedule schedule = linkedSchedule();

        ScheduleEvent event = schedule.revise(oneNotebook("nightly", "nb-1"), Actor.admin("root"), NOW);

        assertThat(event.type()).isEqualTo(ScheduleEventType.UPDATED);
        assertThat(event.actor()).isEqualTo("root");
        assertThat(event.changes()).containsExactly(new FieldChange("name", "daily", "nightly"));
        assertThat(schedule.name()).isEqualTo("nightly");
    }

    @Test
    void a_revision_that_adds_a_task_records_the_new_task() {
        Schedule schedule = linkedSchedule();

        ScheduleEvent event = schedule.revise(definition("daily",
                ScheduledTask.of("run-nb-1", notebook("nb-1")),
                ScheduledTask.of("after", notebook("nb-2")).after("run-nb-1")), ALICE, NOW);

        assertThat(event.changes()).singleElement().satisfies(change -> {
            assertThat(change.field()).isEqualTo("tasks[after]");
            assertThat(change.oldValue()).isNull();
            assertThat(change.newValue()).contains("notebook:nb-2");
        });
    }

    @Test
    void putting_an_online_schedule_online_again_changes_nothing() {
        Schedule schedule = linkedSchedule();
        schedule.putOnline(ALICE, NOW);

        assertThat(schedule.putOnline(ALICE, NOW)).isEmpty();
        assertThat(schedule.releaseState()).isEqualTo(ReleaseState.ONLINE);
    }

    @Test
    void going_online_and_offline_is_recorded_as_a_release_state_change() {
        Schedule schedule = linkedSchedule();

        ScheduleEvent online = schedule.putOnline(ALICE, NOW).orElseThrow();
        ScheduleEvent offline = schedule.takeOffline(ALICE, NOW).orElseThrow();

        assertThat(online.changes()).containsExactly(new FieldChange("releaseState", "OFFLINE", "ONLINE"));
        assertThat(offline.type()).isEqualTo(ScheduleEventType.OFFLINE);
    }

    @Test
    void a_schedule_not_yet_registered_remotely_cannot_go_online() {
        Schedule schedule = Schedule.create(ScheduleId.newId(), "alice", oneNotebook("daily", "nb-1"), NOW).schedule();

        assertThatThrownBy(() -> schedule.putOnline(ALICE, NOW))
                .hasFieldOrPropertyWithValue("code", ErrorCode.SCHEDULE_NOT_LINKED);
    }

    @Test
    void another_user_may_not_access_the_schedule() {
        assertThatThrownBy(() -> linkedSchedule().assertAccessibleBy(Actor.user("bob")))
                .hasFieldOrPropertyWithValue("code", ErrorCode.ACCESS_DENIED);
    }

    @Test
    void an_administrator_may_access_any_schedule() {
        linkedSchedule().assertAccessibleBy(Actor.admin("root"));
    }

    @Test
    void an_entity_already_scheduled_elsewhere_is_refused() {
        Schedule existing = linkedSchedule();
        Schedule candidate = Schedule.create(ScheduleId.newId(), "bob", definition("other",
                ScheduledTask.of("x", notebook("nb-9")), ScheduledTask.of("y", notebook("nb-1"))), NOW).schedule();

        assertThatThrownBy(() -> candidate.assertNoConflictWith(existing))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ENTITY_ALREADY_SCHEDULED);
                    assertThat(e.field()).contains("tasks[1].entity");
                });
    }

    @Test
    void the_same_name_twice_for_one_owner_is_refused_whatever_the_case() {
        Schedule existing = linkedSchedule();
        Schedule candidate = Schedule.create(ScheduleId.newId(), "alice", oneNotebook("DAILY", "nb-2"), NOW).schedule();

        assertThatThrownBy(() -> candidate.assertNoConflictWith(existing))
                .hasFieldOrPropertyWithValue("code", ErrorCode.SCHEDULE_NAME_TAKEN);
    }

    @Test
    void two_owners_may_use_the_same_name() {
        Schedule existing = linkedSchedule();
        Schedule candidate = Schedule.create(ScheduleId.newId(), "bob", oneNotebook("daily", "nb-2"), NOW).schedule();

        candidate.assertNoConflictWith(existing);
    }

    @Test
    void a_schedule_finds_the_task_of_an_entity() {
        assertThat(linkedSchedule().taskFor(EntityType.NOTEBOOK, "nb-1")).map(ScheduledTask::name).contains("run-nb-1");
        assertThat(linkedSchedule().taskFor(EntityType.WORKFLOW, "nb-1")).isEmpty();
    }
}
