package org.notebookscheduler.adapters.dolphinscheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.envelope;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.page;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.projectPath;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.scheduleRow;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.success;
import static org.notebookscheduler.application.fakes.Examples.NOW;
import static org.notebookscheduler.application.fakes.Examples.schedule;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.fakes.FakeCurrentUser;
import org.notebookscheduler.application.fakes.FakeTransactions;
import org.notebookscheduler.application.fakes.InMemoryAuditLog;
import org.notebookscheduler.application.fakes.InMemoryScheduleStore;
import org.notebookscheduler.application.fakes.MutableClock;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.service.ReconciliationService;
import org.notebookscheduler.domain.audit.FieldChange;
import org.notebookscheduler.domain.audit.ScheduleEvent;
import org.notebookscheduler.domain.audit.ScheduleEventType;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.shared.Actor;
import tools.jackson.databind.json.JsonMapper;

/** Changes made by hand in DolphinScheduler, found by comparing it with the stored schedule. */
class DolphinSchedulerDriftTest {

    private static final JsonMapper JSON = DolphinSchedulerClient.jsonMapper();

    private final DolphinSchedulerStub ds = new DolphinSchedulerStub();
    private final DolphinSchedulerGateway gateway = ds.gateway();
    private final Schedule schedule = schedule("alice", "daily", "nb-1", NOW);

    DolphinSchedulerDriftTest() {
        schedule.link(new RemoteRef("DolphinScheduler", DolphinSchedulerStub.PROJECT, "7", "5"), Actor.user("alice"),
                NOW);
    }

    @AfterEach
    void stop() {
        ds.close();
    }

    /** DolphinScheduler holds exactly what this module sent, except for what {@code edits} changes. */
    private void remoteHolds(String name, String json, String cronState, String crontab) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("id", 7);
        detail.put("name", name);
        detail.put("releaseState", "OFFLINE");
        detail.put("description", "notebook-scheduler schedule " + schedule.id());
        detail.put("processDefinitionJson", json);
        ds.stub(get(urlPathEqualTo(projectPath("/process/select-by-id")))
                .willReturn(success(JSON.writeValueAsString(detail))));
        ds.stub(get(urlPathEqualTo(projectPath("/schedule/list-paging")))
                .willReturn(success(page(scheduleRow(5, 7, crontab, cronState), 1, 1, 1))));
    }

    private ProcessDefinition sent() {
        return ProcessDefinition.of(schedule, ds.settings());
    }

    @Test
    void a_process_exactly_as_sent_has_no_drift() {
        remoteHolds(sent().name(), sent().json(), "OFFLINE", "0 0 2 * * ? *");

        assertThat(gateway.drift(schedule)).isEmpty();
    }

    @Test
    void a_process_renamed_by_hand_is_drift_of_the_name() {
        remoteHolds("renamed by hand", sent().json(), "OFFLINE", "0 0 2 * * ? *");

        assertThat(gateway.drift(schedule)).containsExactly(
                new FieldChange("remote.name", "[alice] daily", "renamed by hand"));
    }

    @Test
    void tasks_edited_by_hand_are_drift_of_the_tasks() {
        remoteHolds(sent().name(), sent().json().replace("\"maxRetryTimes\":0", "\"maxRetryTimes\":5"), "OFFLINE",
                "0 0 2 * * ? *");

        assertThat(gateway.drift(schedule)).extracting(FieldChange::field).containsExactly("remote.tasks");
    }

    @Test
    void a_cron_schedule_put_online_and_rescheduled_by_hand_is_drift_of_both() {
        remoteHolds(sent().name(), sent().json(), "ONLINE", "0 0 5 * * ? *");

        assertThat(gateway.drift(schedule)).containsExactly(
                new FieldChange("cron.expression", "0 0 2 * * ? *", "0 0 5 * * ? *"),
                new FieldChange("releaseState", "OFFLINE", "ONLINE"));
    }

    @Test
    void a_process_deleted_by_hand_is_drift_of_the_definition() {
        ds.stub(get(urlPathEqualTo(projectPath("/process/select-by-id")))
                .willReturn(envelope(200, 50001, "process instance 7 does not exist", "null")));

        assertThat(gateway.drift(schedule)).containsExactly(new FieldChange("remote.definition", "7", null));
    }

    @Test
    void reconciliation_over_the_real_gateway_records_the_drift_in_the_audit_trail() {
        remoteHolds("renamed by hand", sent().json(), "OFFLINE", "0 0 2 * * ? *");
        InMemoryScheduleStore store = new InMemoryScheduleStore();
        InMemoryAuditLog audit = new InMemoryAuditLog();
        store.save(schedule);
        ReconciliationService reconciliation = new ReconciliationService(store, audit, gateway,
                new FakeCurrentUser(Actor.admin("root")), new FakeTransactions(store, audit), new MutableClock(NOW));

        reconciliation.reconcile();

        assertThat(audit.history(schedule.id(), PageRequest.first(10)).items()).singleElement()
                .satisfies(event -> {
                    assertThat(event.type()).isEqualTo(ScheduleEventType.DRIFT_FOUND);
                    assertThat(event.changes()).extracting(FieldChange::newValue).containsExactly("renamed by hand");
                });
        assertThat(audit.all()).extracting(ScheduleEvent::actor).containsOnly("scheduler");
    }
}
