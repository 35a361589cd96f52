package org.notebookscheduler.adapters.dolphinscheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.application.fakes.Examples.NOW;
import static org.notebookscheduler.application.fakes.Examples.schedule;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.fakes.FakeCurrentUser;
import org.notebookscheduler.application.fakes.FakeTransactions;
import org.notebookscheduler.application.fakes.InMemoryAuditLog;
import org.notebookscheduler.application.fakes.InMemoryScheduleStore;
import org.notebookscheduler.application.fakes.MutableClock;
import org.notebookscheduler.application.port.out.Engine;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.service.ReconciliationService;
import org.notebookscheduler.domain.audit.FieldChange;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.audit.ScheduleEventType;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.shared.Actor;

/** Changes made by hand in DolphinScheduler, found by comparing it with the stored schedule. */
class DolphinSchedulerDriftTest {

    private final SimulatedDolphinScheduler ds = new SimulatedDolphinScheduler();
    private final Engine engine = ds.engine();
    private final Schedule schedule = schedule("alice", "daily", "nb-1", NOW);
    private final SimulatedDolphinScheduler.Process process;
    private final SimulatedDolphinScheduler.Cron cron;

    DolphinSchedulerDriftTest() {
        schedule.link(engine.lifecycle().register(schedule).ref(), Actor.user("alice"), NOW);
        process = ds.process("[alice] daily");
        cron = ds.cronsOf(process.id).get(0);
    }

    @AfterEach
    void stop() {
        ds.close();
    }

    @Test
    void a_process_exactly_as_sent_has_no_drift() {
        assertThat(engine.drift().of(schedule)).isEmpty();
    }

    @Test
    void a_process_renamed_by_hand_is_drift_of_the_name() {
        process.name = "renamed by hand";

        assertThat(engine.drift().of(schedule)).containsExactly(
                new FieldChange("remote.name", "[alice] daily", "renamed by hand"));
    }

    @Test
    void tasks_edited_by_hand_are_drift_of_the_tasks() {
        process.json = process.json.replace("\"maxRetryTimes\":0", "\"maxRetryTimes\":5");

        assertThat(engine.drift().of(schedule)).extracting(FieldChange::field).containsExactly("remote.tasks");
    }

    @Test
    void a_cron_schedule_put_online_and_rescheduled_by_hand_is_drift_of_both() {
        process.online = true;
        cron.online = true;
        cron.crontab = "0 0 5 * * ? *";

        assertThat(engine.drift().of(schedule)).containsExactly(
                new FieldChange("remote.processReleaseState", "OFFLINE", "ONLINE"),
                new FieldChange("cron.expression", "0 0 2 * * ? *", "0 0 5 * * ? *"),
                new FieldChange("releaseState", "OFFLINE", "ONLINE"));
    }

    @Test
    void run_settings_changed_on_the_cron_schedule_by_hand_are_drift_of_each_setting() {
        cron.warningType = "SUCCESS";
        cron.warningGroupId = 42;
        cron.failureStrategy = "CONTINUE";
        cron.priority = "LOWEST";

        assertThat(engine.drift().of(schedule)).extracting(FieldChange::field).containsExactly(
                "runSettings.warningType", "runSettings.warningGroupId", "runSettings.failureStrategy",
                "runSettings.priority");
    }

    @Test
    void a_process_left_online_by_a_run_started_by_hand_is_drift_of_its_release_state() {
        engine.lifecycle().runNow(schedule);

        assertThat(engine.drift().of(schedule)).containsExactly(
                new FieldChange("remote.processReleaseState", "OFFLINE", "ONLINE"));
    }

    @Test
    void a_process_deleted_by_hand_is_drift_of_the_definition() {
        engine.lifecycle().delete(schedule);

        assertThat(engine.drift().of(schedule)).containsExactly(
                new FieldChange("remote.definition", schedule.remote().orElseThrow().definitionId(), null));
    }

    @Test
    void a_process_id_that_now_belongs_to_another_schedule_is_drift_of_the_definition_not_of_its_fields() {
        ds.reset();
        Schedule other = schedule("bob", "weekly", "nb-2", NOW);
        engine.lifecycle().register(other);

        assertThat(engine.drift().of(schedule)).containsExactly(
                new FieldChange("remote.definition", schedule.remote().orElseThrow().definitionId(), null));
    }

    @Test
    void reconciliation_records_a_drift_once_even_when_other_events_come_between_and_again_when_it_changes() {
        InMemoryScheduleStore store = new InMemoryScheduleStore();
        InMemoryAuditLog audit = new InMemoryAuditLog();
        store.save(schedule);
        ReconciliationService reconciliation = new ReconciliationService(store, audit, org.notebookscheduler.application.service.Engines.only(engine),
                new FakeCurrentUser(Actor.admin("root")), new FakeTransactions(store, audit), new MutableClock(NOW));
        process.name = "renamed by hand";

        reconciliation.reconcile();
        audit.append(ScheduleEvent.of(schedule.id(), ScheduleEventType.RUN_REQUESTED, "alice", NOW, "run now"));
        reconciliation.reconcile();
        cron.warningType = "SUCCESS";
        reconciliation.reconcile();

        assertThat(audit.history(schedule.id(), PageRequest.first(10)).items()).extracting(ScheduleEvent::type)
                .containsExactly(ScheduleEventType.DRIFT_FOUND, ScheduleEventType.RUN_REQUESTED,
                        ScheduleEventType.DRIFT_FOUND);
        assertThat(audit.all()).filteredOn(event -> event.type() == ScheduleEventType.DRIFT_FOUND)
                .extracting(ScheduleEvent::actor).containsOnly("scheduler");
    }
}
