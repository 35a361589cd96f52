package org.notebookscheduler.adapters.dolphinscheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.notebookscheduler.application.fakes.Examples.NOW;
import static org.notebookscheduler.application.fakes.Examples.schedule;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.port.out.Engine;
import org.notebookscheduler.application.port.out.RemoteChange;
import org.notebookscheduler.application.port.out.RemoteLinkLostException;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.shared.Actor;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;

/**
 * Create, update, online, offline, delete against a DolphinScheduler 1.3.9 that keeps state: the
 * calls in the order that works there (reference 6.4), and what the server holds afterwards.
 */
class DolphinSchedulerLifecycleTest {

    private final SimulatedDolphinScheduler ds = new SimulatedDolphinScheduler();
    private final Engine engine = ds.engine();
    private final Schedule schedule = schedule("alice", "daily", "nb-1", NOW);
    private final String processName = "[alice] daily";

    @AfterEach
    void stop() {
        ds.close();
    }

    private Schedule registered(Schedule schedule) {
        RemoteChange change = engine.lifecycle().register(schedule);
        schedule.link(change.ref(), Actor.user(schedule.owner()), NOW);
        return schedule;
    }

    private List<String> writes() {
        return ds.server.findAll(anyRequestedFor(anyUrl())).stream()
                .filter(request -> request.getMethod().getName().equals("POST")
                        || request.getUrl().contains("/delete"))
                .map(request -> request.getUrl().replaceAll("\\?.*", "").replaceAll(".*/(\\w+/[\\w-]+)$", "$1"))
                .toList();
    }

    @Test
    void registering_creates_the_project_saves_the_process_creates_its_cron_and_leaves_both_offline() {
        RemoteRef ref = engine.lifecycle().register(schedule).ref();

        assertThat(writes()).containsExactly("projects/create", "process/save", "process/release",
                "schedule/create", "process/release");
        SimulatedDolphinScheduler.Process process = ds.process(processName);
        assertThat(ref).isEqualTo(new RemoteRef("DolphinScheduler", "ByzerScheduler", String.valueOf(process.id),
                String.valueOf(ds.cronsOf(process.id).get(0).id)));
        assertThat(process.online).isFalse();
        assertThat(process.description).isEqualTo("notebook-scheduler schedule " + schedule.id());
        assertThat(ds.cronsOf(process.id)).singleElement().satisfies(cron -> assertThat(cron.online).isFalse());
    }

    @Test
    void every_call_carries_the_auth_token_header_and_writes_are_form_fields() {
        engine.lifecycle().register(schedule);

        for (LoggedRequest request : ds.server.findAll(anyRequestedFor(anyUrl()))) {
            assertThat(request.getHeader("token")).isEqualTo(DolphinSchedulerStub.AUTH_TOKEN);
        }
        ds.server.findAll(postRequestedFor(urlPathEqualTo(SimulatedDolphinScheduler.CONTEXT + "/projects/"
                + SimulatedDolphinScheduler.PROJECT + "/process/save"))).forEach(request -> {
                    assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
                    assertThat(request.formParameters()).containsKeys("name", "processDefinitionJson", "locations",
                            "connects", "description");
                });
    }

    @Test
    void the_cron_schedule_carries_the_run_settings_and_the_schedule_window() {
        engine.lifecycle().register(schedule);

        SimulatedDolphinScheduler.Cron cron = ds.cronsOf(ds.process(processName).id).get(0);
        assertThat(cron.crontab).isEqualTo(schedule.definition().cron().expression());
        assertThat(cron.warningType).isEqualTo(schedule.definition().runSettings().warningType().name());
        assertThat(cron.failureStrategy).isEqualTo(schedule.definition().runSettings().failureStrategy().name());
        assertThat(cron.priority).isEqualTo(schedule.definition().runSettings().priority().name());
        assertThat(cron.workerGroup).isEqualTo(schedule.definition().runSettings().workerGroup());
        assertThat(cron.startTime).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void a_retried_create_finds_its_own_process_and_makes_neither_a_second_process_nor_a_second_cron() {
        RemoteRef first = engine.lifecycle().register(schedule).ref();
        RemoteRef again = engine.lifecycle().register(schedule).ref();

        assertThat(again).isEqualTo(first);
        assertThat(ds.state().processes()).hasSize(1);
        assertThat(ds.cronsOf(Long.parseLong(first.definitionId()))).hasSize(1);
    }

    @Test
    void a_name_taken_by_a_process_this_module_did_not_create_is_refused_as_taken_and_left_untouched() {
        Schedule stranger = schedule("alice", "daily", "nb-9", NOW);
        engine.lifecycle().register(stranger);
        SimulatedDolphinScheduler.State before = ds.state();

        assertThatThrownBy(() -> engine.lifecycle().register(schedule)).isInstanceOfSatisfying(RefusedException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.SCHEDULE_NAME_TAKEN);
            assertThat(e.field()).contains("name");
        });
        assertThat(ds.state()).isEqualTo(before);
    }

    @Test
    void an_update_replaces_the_definition_and_cron_and_leaves_the_process_offline() {
        registered(schedule);
        schedule.revise(schedule("alice", "nightly", "nb-1", NOW).definition(), Actor.user("alice"), NOW);

        RemoteRef ref = engine.lifecycle().update(schedule).ref();

        SimulatedDolphinScheduler.Process process = ds.process(Long.parseLong(ref.definitionId()));
        assertThat(process.name).isEqualTo("[alice] nightly");
        assertThat(process.online).isFalse();
        assertThat(ds.state().processes()).hasSize(1);
    }

    @Test
    void online_releases_the_process_and_its_cron_and_a_second_online_is_harmless() {
        registered(schedule);

        engine.lifecycle().online(schedule);
        engine.lifecycle().online(schedule);

        SimulatedDolphinScheduler.Process process = ds.process(processName);
        assertThat(process.online).isTrue();
        assertThat(ds.cronsOf(process.id)).singleElement().satisfies(cron -> assertThat(cron.online).isTrue());
    }

    @Test
    void offline_releases_the_process_offline_which_takes_its_cron_offline_too() {
        registered(schedule);
        engine.lifecycle().online(schedule);

        engine.lifecycle().offline(schedule);

        SimulatedDolphinScheduler.Process process = ds.process(processName);
        assertThat(process.online).isFalse();
        assertThat(ds.cronsOf(process.id)).singleElement().satisfies(cron -> assertThat(cron.online).isFalse());
    }

    @Test
    void delete_takes_an_online_process_offline_and_removes_it_with_its_cron() {
        registered(schedule);
        engine.lifecycle().online(schedule);

        engine.lifecycle().delete(schedule);

        assertThat(ds.state().processes()).isEmpty();
        assertThat(writes()).contains("process/delete");
    }

    @Test
    void deleting_a_process_that_is_gone_says_the_link_is_lost_and_writes_nothing() {
        registered(schedule);
        engine.lifecycle().delete(schedule);
        ds.server.resetRequests();

        assertThatThrownBy(() -> engine.lifecycle().delete(schedule)).isInstanceOf(RemoteLinkLostException.class);
        assertThat(writes()).isEmpty();
    }

    @Test
    void run_now_releases_the_process_but_not_its_cron_and_starts_it() {
        registered(schedule);

        java.util.Optional<org.notebookscheduler.domain.run.RunId> run = engine.lifecycle().runNow(schedule);

        assertThat(run).contains(new org.notebookscheduler.domain.run.RunId("1"));
        SimulatedDolphinScheduler.Process process = ds.process(processName);
        assertThat(process.online).isTrue();
        assertThat(ds.cronsOf(process.id)).singleElement().satisfies(cron -> assertThat(cron.online).isFalse());
        assertThat(ds.started()).containsExactly(processName);
    }

    @Test
    void a_task_graph_too_large_for_dolphinschedulers_columns_is_refused_before_any_call() {
        org.notebookscheduler.domain.schedule.ScheduledTask[] chain =
                new org.notebookscheduler.domain.schedule.ScheduledTask[5000];
        for (int i = 0; i < chain.length; i++) {
            org.notebookscheduler.domain.schedule.ScheduledTask task = org.notebookscheduler.domain.schedule
                    .ScheduledTask.of("step-" + i, org.notebookscheduler.application.fakes.Examples.notebook("nb-" + i));
            chain[i] = i == 0 ? task : task.after("step-" + (i - 1));
        }
        Schedule huge = Schedule.create(org.notebookscheduler.domain.schedule.ScheduleId.newId(), "alice",
                org.notebookscheduler.application.fakes.Examples.definition("huge", chain), NOW).schedule();

        assertThatThrownBy(() -> engine.lifecycle().register(huge)).isInstanceOfSatisfying(RefusedException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.SCHEDULE_TOO_LARGE);
            assertThat(e.field()).contains("tasks");
        });
        assertThat(ds.server.getAllServeEvents()).isEmpty();
    }
}
