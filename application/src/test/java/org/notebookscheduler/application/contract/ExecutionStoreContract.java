package org.notebookscheduler.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.application.fakes.Examples.NOW;
import static org.notebookscheduler.application.fakes.Examples.result;

import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.port.out.ExecutionQuery;
import org.notebookscheduler.application.port.out.ExecutionStore;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.domain.execution.ExecutionResult;
import org.notebookscheduler.domain.execution.ExecutionStatus;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.schedule.ScheduleId;

/** What every {@link ExecutionStore} does; the in-memory fake and the JPA adapter both pass it. */
public abstract class ExecutionStoreContract {

    /** A store over an empty database, holding the schedules the results refer to when it needs them. */
    protected abstract ExecutionStore store();

    /** A schedule id the store accepts results for (an adapter with foreign keys saves the schedule first). */
    protected abstract ScheduleId knownSchedule(String owner, String notebookId);

    @Test
    void the_attempts_of_one_task_in_one_run_come_back_in_attempt_order() {
        ExecutionStore store = store();
        ScheduleId id = knownSchedule("alice", "nb-1");
        store.save(result(id, "alice", "nb-1", "2026-11-24 02:00:00", 2, ExecutionStatus.SUCCEEDED, NOW.plusSeconds(60)));
        store.save(result(id, "alice", "nb-1", "2026-11-24 02:00:00", 1, ExecutionStatus.FAILED, NOW));
        store.save(result(id, "alice", "nb-1", "2026-11-25 02:00:00", 1, ExecutionStatus.SUCCEEDED, NOW.plusSeconds(120)));

        assertThat(store.findAttempts(id, "run-nb-1", "2026-11-24 02:00:00"))
                .extracting(ExecutionResult::attempt).containsExactly(1, 2);
    }

    @Test
    void a_result_keeps_the_schedulers_run_and_task_run_it_belongs_to() {
        ExecutionStore store = store();
        ScheduleId id = knownSchedule("alice", "nb-1");
        ExecutionResult plain = result(id, "alice", "nb-1", "345.1", 1, ExecutionStatus.SUCCEEDED, NOW);
        store.save(new ExecutionResult(plain.id(), plain.scheduleId(), plain.scheduleName(), plain.owner(),
                plain.taskName(), plain.entity(), plain.runKey(), plain.attempt(), plain.status(), plain.executedBy(),
                plain.startedAt(), plain.finishedAt(), plain.message(), "345", "901"));

        assertThat(store.findAttempts(id, "run-nb-1", "345.1")).singleElement().satisfies(result -> {
            assertThat(result.runId()).isEqualTo("345");
            assertThat(result.taskRunId()).isEqualTo("901");
        });
    }

    @Test
    void the_same_attempt_of_a_task_in_a_run_cannot_be_recorded_twice() {
        ExecutionStore store = store();
        ScheduleId id = knownSchedule("alice", "nb-1");
        store.save(result(id, "alice", "nb-1", "r1", 1, ExecutionStatus.SUCCEEDED, NOW));

        org.notebookscheduler.application.fakes.Refusals.assertRefused(
                () -> store.save(result(id, "alice", "nb-1", "r1", 1, ExecutionStatus.FAILED, NOW)),
                org.notebookscheduler.domain.shared.ErrorCode.ATTEMPT_ALREADY_RECORDED, "attempt");
        assertThat(store.findAttempts(id, "run-nb-1", "r1")).hasSize(1);
    }

    @Test
    void history_is_newest_first_and_paged() {
        ExecutionStore store = store();
        ScheduleId id = knownSchedule("alice", "nb-1");
        for (int i = 0; i < 5; i++) {
            store.save(result(id, "alice", "nb-1", "run-" + i, 1, ExecutionStatus.SUCCEEDED, NOW.plusSeconds(i)));
        }

        Page<ExecutionResult> page = store.search(ExecutionQuery.ofSchedule(id), new PageRequest(2, 2));

        assertThat(page.total()).isEqualTo(5);
        assertThat(page.items()).extracting(ExecutionResult::runKey).containsExactly("run-2", "run-1");
    }

    @Test
    void history_is_filtered_by_owner_status_entity_and_time() {
        ExecutionStore store = store();
        ScheduleId alices = knownSchedule("alice", "nb-1");
        ScheduleId bobs = knownSchedule("bob", "nb-2");
        store.save(result(alices, "alice", "nb-1", "r1", 1, ExecutionStatus.FAILED, NOW));
        store.save(result(alices, "alice", "nb-1", "r2", 1, ExecutionStatus.SUCCEEDED, NOW.plusSeconds(3600)));
        store.save(result(bobs, "bob", "nb-2", "r1", 1, ExecutionStatus.FAILED, NOW));

        ExecutionQuery failedOfAlice = new ExecutionQuery(null, null, null, "alice", ExecutionStatus.FAILED, null, null);
        ExecutionQuery entity = new ExecutionQuery(null, EntityType.NOTEBOOK, "nb-2", null, null, null, null);
        ExecutionQuery lastHalfHour = new ExecutionQuery(null, null, null, null, null, NOW.plusSeconds(1800),
                NOW.plusSeconds(7200));

        assertThat(store.search(failedOfAlice, PageRequest.first(10)).items()).extracting(ExecutionResult::runKey)
                .containsExactly("r1");
        assertThat(store.search(entity, PageRequest.first(10)).items()).extracting(ExecutionResult::owner)
                .containsExactly("bob");
        assertThat(store.search(lastHalfHour, PageRequest.first(10)).items()).extracting(ExecutionResult::runKey)
                .containsExactly("r2");
    }

    @Test
    void a_result_keeps_its_error_and_times() {
        ExecutionStore store = store();
        ScheduleId id = knownSchedule("alice", "nb-1");
        ExecutionResult failed = result(id, "alice", "nb-1", "r1", 1, ExecutionStatus.FAILED, NOW);
        store.save(failed);

        ExecutionResult found = store.search(ExecutionQuery.ofSchedule(id), PageRequest.first(1)).items().get(0);

        assertThat(found).isEqualTo(failed);
    }
}
