package org.notebookscheduler.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.application.fakes.Examples.NOW;
import static org.notebookscheduler.application.fakes.Examples.oneNotebook;
import static org.notebookscheduler.application.fakes.Examples.result;
import static org.notebookscheduler.application.fakes.Refusals.assertRefused;

import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.fakes.TestWorld;
import org.notebookscheduler.application.port.out.ExecutionQuery;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.audit.ScheduleEventType;
import org.notebookscheduler.domain.execution.ExecutionResult;
import org.notebookscheduler.domain.execution.ExecutionStatus;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.shared.Actor;
import org.notebookscheduler.domain.shared.ErrorCode;

class HistoryServiceTest {

    private final TestWorld world = new TestWorld();

    @Test
    void a_user_sees_only_the_executions_of_their_own_schedules_and_an_admin_sees_all() {
        world.executions.save(result(ScheduleId.newId(), "alice", "nb-1", "r1", 1, ExecutionStatus.SUCCEEDED, NOW));
        world.executions.save(result(ScheduleId.newId(), "bob", "nb-2", "r1", 1, ExecutionStatus.FAILED, NOW));

        assertThat(world.history.executions(ExecutionQuery.all(), PageRequest.first(10)).items())
                .extracting(ExecutionResult::owner).containsExactly("alice");
        world.actAs(Actor.admin("root"));
        assertThat(world.history.executions(ExecutionQuery.all(), PageRequest.first(10)).total()).isEqualTo(2);
    }

    @Test
    void asking_for_another_owners_executions_is_refused() {
        assertRefused(() -> world.history.executions(ExecutionQuery.all().ownedBy("bob"), PageRequest.first(10)),
                ErrorCode.ACCESS_DENIED, "owner");
    }

    @Test
    void a_schedules_audit_trail_still_reads_after_it_is_deleted() {
        ScheduleId id = world.scheduleService.create(oneNotebook("daily", "nb-1")).schedule().id();
        world.scheduleService.delete(id);

        assertThat(world.history.auditTrail(id, PageRequest.first(10)).items()).extracting(ScheduleEvent::type)
                .containsExactly(ScheduleEventType.CREATED, ScheduleEventType.LINKED, ScheduleEventType.DELETED);
    }

    @Test
    void another_users_audit_trail_is_refused_even_after_deletion() {
        ScheduleId id = world.scheduleService.create(oneNotebook("daily", "nb-1")).schedule().id();
        world.actAs(Actor.user("bob"));
        assertRefused(() -> world.history.auditTrail(id, PageRequest.first(10)), ErrorCode.ACCESS_DENIED, "scheduleId");

        world.actAs(Actor.user("alice"));
        world.scheduleService.delete(id);
        world.actAs(Actor.user("bob"));
        assertRefused(() -> world.history.auditTrail(id, PageRequest.first(10)), ErrorCode.ACCESS_DENIED, "scheduleId");
    }

    @Test
    void the_audit_trail_of_a_schedule_that_never_existed_is_not_found() {
        assertRefused(() -> world.history.auditTrail(ScheduleId.newId(), PageRequest.first(10)),
                ErrorCode.SCHEDULE_NOT_FOUND, "scheduleId");
    }
}
