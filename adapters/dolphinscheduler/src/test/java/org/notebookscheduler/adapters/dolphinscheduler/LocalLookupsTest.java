package org.notebookscheduler.adapters.dolphinscheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.application.fakes.Examples.oneNotebook;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.fakes.FakeCurrentUser;
import org.notebookscheduler.application.fakes.FakeNotebookCatalog;
import org.notebookscheduler.application.fakes.FakeTransactions;
import org.notebookscheduler.application.fakes.InMemoryAuditLog;
import org.notebookscheduler.application.fakes.InMemoryScheduleStore;
import org.notebookscheduler.application.fakes.MutableClock;
import org.notebookscheduler.application.fakes.Examples;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.service.ScheduleService;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.shared.Actor;

/**
 * The reference product answers "which schedule runs this notebook" and "my schedules" by listing
 * every process in DolphinScheduler and fetching each (1 + N calls). Here the local store answers.
 */
class LocalLookupsTest {

    private final SimulatedDolphinScheduler ds = new SimulatedDolphinScheduler();

    @AfterEach
    void stop() {
        ds.close();
    }

    @Test
    void finding_the_schedule_of_an_entity_and_listing_an_owners_schedules_make_zero_scheduler_calls() {
        InMemoryScheduleStore store = new InMemoryScheduleStore();
        InMemoryAuditLog audit = new InMemoryAuditLog();
        FakeNotebookCatalog catalog = new FakeNotebookCatalog()
                .add(EntityType.NOTEBOOK, "nb-1", "notebook nb-1", "alice", "commit-1");
        ScheduleService service = new ScheduleService(store, audit, org.notebookscheduler.application.service.Engines.only(ds.engine()), catalog,
                new FakeCurrentUser(Actor.user("alice")), new FakeTransactions(store, audit),
                new MutableClock(Examples.NOW));
        service.create(oneNotebook("daily", "nb-1"));
        ds.server.resetRequests();

        assertThat(service.findByEntity(EntityType.NOTEBOOK, "nb-1")).isPresent();
        assertThat(service.list(null, PageRequest.first(50)).total()).isEqualTo(1);
        assertThat(service.list("alice", PageRequest.first(50)).items()).hasSize(1);

        assertThat(ds.server.getAllServeEvents()).isEmpty();
    }
}
