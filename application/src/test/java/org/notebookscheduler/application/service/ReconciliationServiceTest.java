package org.notebookscheduler.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.application.fakes.Examples.oneNotebook;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.fakes.TestWorld;
import org.notebookscheduler.application.port.in.ReconcileSchedulesUseCase.Report;
import org.notebookscheduler.application.port.out.EngineException;
import org.notebookscheduler.domain.audit.FieldChange;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.audit.ScheduleEventType;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.Schedule;

class ReconciliationServiceTest {

    private final TestWorld world = new TestWorld();

    private Schedule created(String name, String notebookId) {
        return world.scheduleService.create(oneNotebook(name, notebookId)).schedule();
    }

    private List<ScheduleEvent> driftEvents(Schedule schedule) {
        return world.audit.all().stream().filter(event -> event.scheduleId().equals(schedule.id()))
                .filter(event -> event.type() == ScheduleEventType.DRIFT_FOUND).toList();
    }

    @Test
    void schedules_that_agree_with_the_scheduler_record_nothing() {
        created("daily", "nb-1");

        Report report = world.reconciliation.reconcile();

        assertThat(report).isEqualTo(new Report(1, 0, 0, 0));
    }

    @Test
    void a_definition_renamed_by_hand_in_the_scheduler_is_recorded_with_both_names() {
        Schedule schedule = created("daily", "nb-1");
        RemoteRef ref = schedule.remote().orElseThrow();
        world.engine.changeBehindTheBack(ref, oneNotebook("renamed by hand", "nb-1"), false);

        Report report = world.reconciliation.reconcile();

        assertThat(report.recorded()).isEqualTo(1);
        assertThat(driftEvents(schedule)).singleElement().satisfies(event -> assertThat(event.changes())
                .containsExactly(new FieldChange("name", "daily", "renamed by hand")));
    }

    @Test
    void a_schedule_put_online_by_hand_in_the_scheduler_is_recorded() {
        Schedule schedule = created("daily", "nb-1");
        world.engine.changeBehindTheBack(schedule.remote().orElseThrow(), schedule.definition(), true);

        world.reconciliation.reconcile();

        assertThat(driftEvents(schedule)).singleElement().satisfies(event -> assertThat(event.changes())
                .containsExactly(new FieldChange("releaseState", "false", "true")));
    }

    @Test
    void the_same_drift_found_twice_is_recorded_once() {
        Schedule schedule = created("daily", "nb-1");
        world.engine.deleteBehindTheBack(schedule.remote().orElseThrow());

        world.reconciliation.reconcile();
        Report second = world.reconciliation.reconcile();

        assertThat(second.drifted()).isEqualTo(1);
        assertThat(second.recorded()).isZero();
        assertThat(driftEvents(schedule)).hasSize(1);
    }

    @Test
    void repairing_a_definition_deleted_by_hand_registers_it_again_and_the_next_check_finds_no_drift() {
        Schedule schedule = created("daily", "nb-1");
        world.engine.deleteBehindTheBack(schedule.remote().orElseThrow());
        world.reconciliation.reconcile();

        world.reconciliation.repair(schedule.id());

        assertThat(world.audit.all()).last().extracting(ScheduleEvent::type).isEqualTo(ScheduleEventType.DRIFT_REPAIRED);
        assertThat(world.reconciliation.reconcile().drifted()).isZero();
    }

    @Test
    void an_unreachable_scheduler_is_counted_not_recorded() {
        created("daily", "nb-1");
        world.engine.faults().failNext("drift", new EngineException(
                EngineException.Kind.UNAVAILABLE, "process/select-by-id", "connection refused"));

        Report report = world.reconciliation.reconcile();

        assertThat(report.unreachable()).isEqualTo(1);
        assertThat(world.audit.all()).extracting(ScheduleEvent::type).doesNotContain(ScheduleEventType.DRIFT_FOUND);
    }
}
