package org.notebookscheduler.adapters.dolphinscheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.notebookscheduler.application.fakes.Examples.oneNotebook;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.fakes.Examples;
import org.notebookscheduler.application.fakes.FakeCurrentUser;
import org.notebookscheduler.application.fakes.FakeNotebookCatalog;
import org.notebookscheduler.application.fakes.FakeTransactions;
import org.notebookscheduler.application.fakes.InMemoryAuditLog;
import org.notebookscheduler.application.fakes.InMemoryScheduleStore;
import org.notebookscheduler.application.fakes.MutableClock;
import org.notebookscheduler.application.port.in.ScheduleView;
import org.notebookscheduler.application.port.out.Engine;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.port.out.EngineException;
import org.notebookscheduler.application.service.ReconciliationService;
import org.notebookscheduler.application.service.ScheduleService;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.audit.ScheduleEventType;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.schedule.ReleaseState;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.shared.Actor;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/**
 * The sequences that damaged a real DolphinScheduler 1.3.9, replayed through the use cases over
 * the real engine and a server that keeps state: a server reset, a lost project, a frozen server.
 */
class SchedulerStateScenariosTest {

    private final SimulatedDolphinScheduler ds = new SimulatedDolphinScheduler();
    private final InMemoryScheduleStore store = new InMemoryScheduleStore();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final FakeCurrentUser user = new FakeCurrentUser(Actor.admin("root"));
    private final FakeNotebookCatalog catalog = new FakeNotebookCatalog()
            .add(EntityType.NOTEBOOK, "nb-a", "notebook a", "root", "commit-a")
            .add(EntityType.NOTEBOOK, "nb-b", "notebook b", "root", "commit-b");
    private final MutableClock clock = new MutableClock(Examples.NOW);
    private final Engine engine = ds.engine();
    private final ScheduleService schedules = new ScheduleService(store, audit, org.notebookscheduler.application.service.Engines.only(engine), catalog, user,
            new FakeTransactions(store, audit), clock);
    private final ReconciliationService reconciliation = new ReconciliationService(store, audit, org.notebookscheduler.application.service.Engines.only(engine), user,
            new FakeTransactions(store, audit), clock);

    @AfterEach
    void stop() {
        ds.close();
    }

    private ScheduleId created(String name, String notebook) {
        return schedules.create(oneNotebook(name, notebook)).schedule().id();
    }

    @Test
    void after_a_server_reset_repair_delete_never_touch_the_process_that_now_holds_a_stale_id() {
        ScheduleId b = created("b", "nb-b");
        ScheduleId a = created("a", "nb-a");
        ds.reset();

        schedules.online(reconciliation.repair(a).schedule().id());
        long aProcess = Long.parseLong(schedules.get(a).schedule().remote().orElseThrow().definitionId());
        assertThat(aProcess).as("A's fresh process reuses an id B still holds").isEqualTo(
                Long.parseLong(store.findById(b).orElseThrow().remote().orElseThrow().definitionId()));
        reconciliation.repair(b);
        schedules.delete(b);

        SimulatedDolphinScheduler.Process aNow = ds.process(aProcess);
        assertThat(aNow.name).isEqualTo("[root] a");
        assertThat(aNow.online).isTrue();
        assertThat(ds.cronsOf(aProcess)).singleElement().satisfies(cron -> assertThat(cron.online).isTrue());
        assertThat(schedules.get(a).schedule().releaseState()).isEqualTo(ReleaseState.ONLINE);
        assertThat(ds.process("[root] b")).as("B's own process, made by its repair, is gone with B").isNull();
    }

    @Test
    void a_schedule_whose_process_id_now_belongs_to_another_has_its_link_dropped_and_recorded() {
        ScheduleId b = created("b", "nb-b");
        ScheduleId a = created("a", "nb-a");
        ds.reset();
        reconciliation.repair(a);

        assertThatThrownBy(() -> schedules.online(b)).isInstanceOfSatisfying(RefusedException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEDULE_NOT_LINKED));

        assertThat(schedules.get(b).schedule().remote()).isEmpty();
        assertThat(audit.history(b, PageRequest.first(20)).items()).last().satisfies(event -> {
            assertThat(event.type()).isEqualTo(ScheduleEventType.DRIFT_FOUND);
            assertThat(event.actor()).isEqualTo("scheduler");
        });
        assertThat(ds.process("[root] a").online).isFalse();
    }

    @Test
    void repair_of_an_online_schedule_whose_process_is_gone_registers_it_afresh_and_puts_it_back_online() {
        ScheduleId a = created("a", "nb-a");
        schedules.online(a);
        ds.reset();

        ScheduleView repaired = reconciliation.repair(a);

        assertThat(repaired.schedule().releaseState()).isEqualTo(ReleaseState.ONLINE);
        SimulatedDolphinScheduler.Process process = ds.process("[root] a");
        assertThat(process.online).isTrue();
        assertThat(ds.cronsOf(process.id)).singleElement().satisfies(cron -> assertThat(cron.online).isTrue());
        assertThat(audit.history(a, PageRequest.first(20)).items()).extracting(ScheduleEvent::type)
                .contains(ScheduleEventType.DRIFT_FOUND, ScheduleEventType.DRIFT_REPAIRED);
    }

    @Test
    void a_lost_project_is_looked_up_again_so_offline_still_works_and_a_create_makes_the_project_anew() {
        ScheduleId a = created("a", "nb-a");
        schedules.online(a);
        ds.dropProject();

        ScheduleView offline = schedules.offline(a);
        ScheduleId b = created("b", "nb-b");

        assertThat(offline.schedule().releaseState()).isEqualTo(ReleaseState.OFFLINE);
        assertThat(offline.schedule().remote()).isEmpty();
        assertThat(ds.state().projects()).containsKey(SimulatedDolphinScheduler.PROJECT);
        assertThat(ds.process("[root] b")).isNotNull();
        assertThat(schedules.get(b).schedule().remote()).isPresent();
    }

    @Test
    void a_frozen_server_gets_an_unavailable_answer_within_the_deadline_not_after_every_retry() {
        DolphinSchedulerSettings quick = new DolphinSchedulerSettings(ds.settings().baseUrl(),
                ds.settings().authToken(), ds.settings().project(), ds.settings().callbackUrl(),
                ds.settings().callbackToken(), ds.settings().serverZone(), Duration.ofMillis(500),
                Duration.ofSeconds(30), 3, Duration.ofMillis(5), ds.settings().runSettings(), Duration.ofMillis(900));
        Engine frozen = DolphinSchedulerEngine.create(quick);
        ds.answerAfter(Duration.ofSeconds(4));

        Instant start = Instant.now();
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> frozen.lifecycle().register(Examples.schedule("root", "a", "nb-a", Examples.NOW)));
        Duration took = Duration.between(start, Instant.now());

        assertThat(thrown).isInstanceOfSatisfying(EngineException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("deadline");
        });
        assertThat(took).as("answered near the 0.9 s deadline, not after 3 × 30 s").isLessThan(Duration.ofSeconds(3));
    }
}
