package org.notebookscheduler.adapters.dolphinscheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.created;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.envelope;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.is;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.page;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.path;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.processRow;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.projectPath;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.scheduleRow;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.success;
import static org.notebookscheduler.application.fakes.Examples.NOW;
import static org.notebookscheduler.application.fakes.Examples.schedule;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.port.out.SchedulerGatewayException;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.shared.Actor;

/** Create, update, online, offline, delete: the calls, in the order that works on 1.3.9 (reference 6.4). */
class DolphinSchedulerLifecycleTest {

    private final DolphinSchedulerStub ds = new DolphinSchedulerStub();
    private final DolphinSchedulerGateway gateway = ds.gateway();
    private final Schedule schedule = schedule("alice", "daily", "nb-1", NOW);
    private final String processName = "[alice] daily";

    @AfterEach
    void stop() {
        ds.close();
    }

    private Schedule linked(long processId, long cronId) {
        schedule.link(new RemoteRef("DolphinScheduler", DolphinSchedulerStub.PROJECT, String.valueOf(processId),
                String.valueOf(cronId)), Actor.user("alice"), NOW);
        return schedule;
    }

    @Test
    void registering_saves_the_process_releases_it_creates_its_cron_schedule_and_leaves_it_offline() {
        ds.registerSucceeds(7, 5, processName);

        RemoteRef ref = gateway.register(schedule);

        assertThat(ref).isEqualTo(new RemoteRef("DolphinScheduler", "ByzerScheduler", "7", "5"));
        assertThat(ds.calls()).containsExactly(
                "GET /projects/list-paging",
                "GET /process/verify-name",
                "POST /process/save",
                "GET /process/list-paging",
                "POST /process/release",
                "GET /schedule/list-paging",
                "POST /schedule/create",
                "GET /schedule/list-paging",
                "POST /process/release");
        List<String> releases = ds.server.findAll(postRequestedFor(urlPathEqualTo(projectPath("/process/release"))))
                .stream().map(request -> request.formParameter("releaseState").firstValue()).toList();
        assertThat(releases).containsExactly("1", "0");
    }

    @Test
    void every_call_carries_the_auth_token_header() {
        ds.registerSucceeds(7, 5, processName);

        gateway.register(schedule);

        assertThat(ds.requests()).allSatisfy(request ->
                assertThat(request.getHeader("token")).isEqualTo(DolphinSchedulerStub.AUTH_TOKEN));
    }

    @Test
    void the_process_is_saved_with_form_fields_not_json() {
        ds.registerSucceeds(7, 5, processName);

        gateway.register(schedule);

        var save = ds.server.findAll(postRequestedFor(urlPathEqualTo(projectPath("/process/save")))).get(0);
        assertThat(save.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(save.formParameter("name").firstValue()).isEqualTo(processName);
        assertThat(save.formParameter("description").firstValue())
                .startsWith("notebook-scheduler schedule " + schedule.id());
        assertThat(save.formParameters()).containsKeys("processDefinitionJson", "locations", "connects");
    }

    @Test
    void the_cron_schedule_carries_the_run_settings_and_the_schedule_json() {
        ds.registerSucceeds(7, 5, processName);

        gateway.register(schedule);

        var create = ds.server.findAll(postRequestedFor(urlPathEqualTo(projectPath("/schedule/create")))).get(0);
        assertThat(create.formParameter("processDefinitionId").firstValue()).isEqualTo("7");
        assertThat(create.formParameter("schedule").firstValue()).isEqualTo(
                "{\"startTime\":\"2026-01-01 00:00:00\",\"endTime\":\"2126-01-01 00:00:00\",\"crontab\":\"0 0 2 * * ? *\"}");
        assertThat(create.formParameter("warningType").firstValue()).isEqualTo("ALL");
        assertThat(create.formParameter("warningGroupId").firstValue()).isEqualTo("1");
        assertThat(create.formParameter("failureStrategy").firstValue()).isEqualTo("END");
        assertThat(create.formParameter("processInstancePriority").firstValue()).isEqualTo("MEDIUM");
        assertThat(create.formParameter("workerGroup").firstValue()).isEqualTo("default");
    }

    @Test
    void a_missing_project_is_created_once_and_then_remembered() {
        ds.registerSucceeds(7, 5, processName);
        ds.stub(get(urlPathEqualTo(path("/projects/list-paging"))).willReturn(success(page("", 0, 1, 1))));
        ds.stub(post(urlPathEqualTo(path("/projects/create"))).willReturn(created("1")));
        ds.stub(get(urlPathEqualTo(projectPath("/process/list-paging"))).willReturn(success(page(
                processRow(7, processName, "OFFLINE", "x") + "," + processRow(8, "[alice] nightly", "OFFLINE", "x"),
                2, 1, 1))));
        ds.stub(post(urlPathEqualTo(projectPath("/schedule/update"))).willReturn(success("null")));

        gateway.register(schedule);
        gateway.register(schedule("alice", "nightly", "nb-2", NOW));

        ds.server.verify(1, postRequestedFor(urlPathEqualTo(path("/projects/create")))
                .withFormParam("projectName", is("ByzerScheduler")));
        ds.server.verify(1, getRequestedFor(urlPathEqualTo(path("/projects/list-paging"))));
    }

    @Test
    void a_retried_create_finds_its_own_process_and_does_not_make_a_second() {
        ds.registerSucceeds(7, 5, processName);
        ds.stub(get(urlPathEqualTo(projectPath("/process/verify-name"))).willReturn(
                envelope(200, 10106, "verify process definition name unique error", "null")));
        ds.stub(get(urlPathEqualTo(projectPath("/process/select-by-id"))).willReturn(success(
                processRow(7, processName, "OFFLINE", "notebook-scheduler schedule " + schedule.id()))));
        ds.stub(post(urlPathEqualTo(projectPath("/process/update"))).willReturn(success("null")));

        RemoteRef ref = gateway.register(schedule);

        assertThat(ref.definitionId()).isEqualTo("7");
        ds.server.verify(0, postRequestedFor(urlPathEqualTo(projectPath("/process/save"))));
        ds.server.verify(1, postRequestedFor(urlPathEqualTo(projectPath("/process/update"))));
    }

    @Test
    void a_name_taken_by_a_process_this_module_did_not_create_is_refused_not_taken_over() {
        ds.registerSucceeds(7, 5, processName);
        ds.stub(get(urlPathEqualTo(projectPath("/process/verify-name"))).willReturn(
                envelope(200, 10106, "verify process definition name unique error", "null")));
        ds.stub(get(urlPathEqualTo(projectPath("/process/select-by-id"))).willReturn(success(
                processRow(7, processName, "ONLINE", "made by hand"))));

        assertThatThrownBy(() -> gateway.register(schedule))
                .isInstanceOfSatisfying(SchedulerGatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SchedulerGatewayException.Kind.REFUSED);
                    assertThat(e.getMessage()).contains("already has a process named '[alice] daily'");
                });
        ds.server.verify(0, postRequestedFor(urlPathEqualTo(projectPath("/process/update"))));
    }

    @Test
    void an_existing_cron_schedule_is_updated_rather_than_a_second_one_created() {
        ds.registerSucceeds(7, 5, processName);
        ds.stub(get(urlPathEqualTo(projectPath("/schedule/list-paging")))
                .willReturn(success(page(scheduleRow(5, 7, "0 0 3 * * ? *", "OFFLINE"), 1, 1, 1))));
        ds.stub(post(urlPathEqualTo(projectPath("/schedule/update"))).willReturn(success("null")));

        gateway.register(schedule);

        ds.server.verify(0, postRequestedFor(urlPathEqualTo(projectPath("/schedule/create"))));
        ds.server.verify(1, postRequestedFor(urlPathEqualTo(projectPath("/schedule/update")))
                .withFormParam("id", is("5")).withFormParam("warningGroupId", is("1")));
    }

    @Test
    void a_server_error_half_way_through_a_create_deletes_the_process_it_made() {
        ds.registerSucceeds(7, 5, processName);
        ds.stub(post(urlPathEqualTo(projectPath("/schedule/create"))).willReturn(aResponse().withStatus(500)));
        ds.stub(get(urlPathEqualTo(projectPath("/process/delete"))).willReturn(success("null")));

        assertThatThrownBy(() -> gateway.register(schedule))
                .isInstanceOfSatisfying(SchedulerGatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SchedulerGatewayException.Kind.UNAVAILABLE);
                    assertThat(e.call()).isEqualTo("schedule/create");
                });

        ds.server.verify(1, getRequestedFor(urlPathEqualTo(projectPath("/process/delete")))
                .withQueryParam("processDefinitionId", is("7")));
        ds.server.verify(1, postRequestedFor(urlPathEqualTo(projectPath("/schedule/create"))));
    }

    @Test
    void a_cron_the_server_refuses_is_reported_with_its_code_and_the_process_removed() {
        ds.registerSucceeds(7, 5, processName);
        ds.stub(post(urlPathEqualTo(projectPath("/schedule/create"))).willReturn(
                envelope(201, 10001, "request parameter 0 3 * * * is not valid", "null")));
        ds.stub(get(urlPathEqualTo(projectPath("/process/delete"))).willReturn(success("null")));

        assertThatThrownBy(() -> gateway.register(schedule))
                .isInstanceOfSatisfying(SchedulerGatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SchedulerGatewayException.Kind.REFUSED);
                    assertThat(e.getMessage()).contains("code 10001", "request parameter 0 3 * * * is not valid");
                });
        ds.server.verify(1, getRequestedFor(urlPathEqualTo(projectPath("/process/delete"))));
    }

    @Test
    void an_update_takes_the_process_offline_replaces_it_and_updates_its_cron_schedule() {
        ds.projectExists();
        ds.stub(get(urlPathEqualTo(projectPath("/process/select-by-id")))
                .willReturn(success(processRow(7, processName, "OFFLINE", "x"))));
        ds.stub(post(urlPathEqualTo(projectPath("/process/release"))).willReturn(success("null")));
        ds.stub(post(urlPathEqualTo(projectPath("/process/update"))).willReturn(success("null")));
        ds.stub(get(urlPathEqualTo(projectPath("/schedule/list-paging")))
                .willReturn(success(page(scheduleRow(5, 7, "0 0 2 * * ? *", "OFFLINE"), 1, 1, 1))));
        ds.stub(post(urlPathEqualTo(projectPath("/schedule/update"))).willReturn(success("null")));

        RemoteRef ref = gateway.update(linked(7, 5));

        assertThat(ref.cronScheduleId()).isEqualTo("5");
        assertThat(ds.calls()).containsExactly("GET /process/select-by-id", "POST /process/release",
                "POST /process/update", "POST /process/release", "GET /schedule/list-paging",
                "POST /schedule/update", "POST /process/release");
        var update = ds.server.findAll(postRequestedFor(urlPathEqualTo(projectPath("/process/update")))).get(0);
        // omitting locations or connects would erase them (reference 2.5)
        assertThat(update.formParameters()).containsKeys("id", "name", "processDefinitionJson", "locations",
                "connects", "description");
    }

    @Test
    void online_releases_the_process_and_puts_its_cron_schedule_online_and_already_online_is_fine() {
        ds.stub(post(urlPathEqualTo(projectPath("/process/release"))).willReturn(success("null")));
        ds.stub(post(urlPathEqualTo(projectPath("/schedule/online"))).willReturn(
                envelope(200, 10126, "schedule release is already ONLINE", "null")));

        gateway.online(linked(7, 5).remote().orElseThrow());

        ds.server.verify(postRequestedFor(urlPathEqualTo(projectPath("/process/release")))
                .withFormParam("processId", is("7")).withFormParam("releaseState", is("1")));
        ds.server.verify(postRequestedFor(urlPathEqualTo(projectPath("/schedule/online"))).withFormParam("id", is("5")));
    }

    @Test
    void online_without_a_live_master_is_unavailable_not_refused() {
        ds.stub(post(urlPathEqualTo(projectPath("/process/release"))).willReturn(success("null")));
        ds.stub(post(urlPathEqualTo(projectPath("/schedule/online"))).willReturn(
                envelope(200, 10025, "master does not exist", "null")));

        assertThatThrownBy(() -> gateway.online(linked(7, 5).remote().orElseThrow()))
                .isInstanceOfSatisfying(SchedulerGatewayException.class,
                        e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void offline_releases_the_process_offline_which_takes_its_schedule_offline() {
        ds.stub(post(urlPathEqualTo(projectPath("/process/release"))).willReturn(success("null")));

        gateway.offline(linked(7, 5).remote().orElseThrow());

        assertThat(ds.calls()).containsExactly("POST /process/release");
        ds.server.verify(postRequestedFor(urlPathEqualTo(projectPath("/process/release")))
                .withFormParam("releaseState", is("0")));
    }

    @Test
    void delete_is_a_get_and_an_online_process_is_refused_with_the_servers_code() {
        ds.stub(get(urlPathEqualTo(projectPath("/process/select-by-id")))
                .willReturn(success(processRow(7, processName, "ONLINE", "x"))));
        ds.stub(post(urlPathEqualTo(projectPath("/process/release"))).willReturn(success("null")));
        ds.stub(get(urlPathEqualTo(projectPath("/process/delete"))).willReturn(
                envelope(200, 50021, "process definition 7 is already on line", "null")));

        assertThatThrownBy(() -> gateway.delete(linked(7, 5).remote().orElseThrow()))
                .isInstanceOfSatisfying(SchedulerGatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SchedulerGatewayException.Kind.REFUSED);
                    assertThat(e.getMessage()).contains("50021");
                });
        ds.server.verify(getRequestedFor(urlPathEqualTo(projectPath("/process/delete")))
                .withQueryParam("processDefinitionId", is("7")));
    }

    @Test
    void deleting_a_process_already_gone_says_not_found() {
        ds.stub(get(urlPathEqualTo(projectPath("/process/select-by-id"))).willReturn(
                envelope(200, 50001, "process instance 7 does not exist", "null")));

        assertThatThrownBy(() -> gateway.delete(linked(7, 5).remote().orElseThrow()))
                .isInstanceOfSatisfying(SchedulerGatewayException.class,
                        e -> assertThat(e.kind()).isEqualTo(SchedulerGatewayException.Kind.NOT_FOUND));
    }

    @Test
    void a_process_with_two_cron_schedules_has_them_deleted_before_it_is() {
        ds.stub(get(urlPathEqualTo(projectPath("/process/select-by-id")))
                .willReturn(success(processRow(7, processName, "OFFLINE", "x"))));
        ds.stub(post(urlPathEqualTo(projectPath("/process/release"))).willReturn(success("null")));
        ds.stub(get(urlPathEqualTo(projectPath("/process/delete"))).inScenario("delete")
                .willSetStateTo("schedules gone")
                .willReturn(envelope(200, 50022, "delete process definition by id error", "null")));
        ds.stub(get(urlPathEqualTo(projectPath("/process/delete"))).inScenario("delete")
                .whenScenarioStateIs("schedules gone").willReturn(success("null")));
        ds.stub(get(urlPathEqualTo(projectPath("/schedule/list-paging"))).willReturn(success(page(
                scheduleRow(5, 7, "0 0 2 * * ? *", "OFFLINE") + "," + scheduleRow(6, 7, "0 0 2 * * ? *", "OFFLINE"),
                2, 1, 1))));
        ds.stub(get(urlPathEqualTo(projectPath("/schedule/delete"))).willReturn(success("null")));

        gateway.delete(linked(7, 5).remote().orElseThrow());

        ds.server.verify(2, getRequestedFor(urlPathEqualTo(projectPath("/schedule/delete"))));
        ds.server.verify(2, getRequestedFor(urlPathEqualTo(projectPath("/process/delete"))));
    }
}
