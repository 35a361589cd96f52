package org.notebookscheduler.adapters.dolphinscheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.envelope;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.is;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.page;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.path;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.projectPath;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.success;
import static org.notebookscheduler.application.fakes.Examples.NOW;
import static org.notebookscheduler.application.fakes.Examples.schedule;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.domain.shared.ErrorCode;
import org.notebookscheduler.domain.shared.RefusedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.notebookscheduler.application.port.out.Engine;
import org.notebookscheduler.application.port.out.Page;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.port.out.CallerRuns;
import org.notebookscheduler.application.port.out.EngineException;
import org.notebookscheduler.domain.run.Run;
import org.notebookscheduler.domain.run.RunCommand;
import org.notebookscheduler.domain.run.RunDetail;
import org.notebookscheduler.domain.run.RunId;
import org.notebookscheduler.domain.run.TaskRun;
import org.notebookscheduler.domain.run.RunState;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.shared.Actor;

/** Run now, a schedule's runs, one run's tasks, a failed task's log, and the run commands. */
class DolphinSchedulerRunsTest {

    private static final RemoteRef REF = new RemoteRef("DolphinScheduler", DolphinSchedulerStub.PROJECT, "7", "5");
    private static final String INSTANCE = "{\"id\":345,\"processDefinitionId\":7,\"commandType\":\"SCHEDULER\","
            + "\"executorId\":2,\"name\":\"[alice] daily-0-1764028800123\",\"state\":\"FAILURE\","
            + "\"scheduleTime\":\"2026-11-25T02:00:00.000+0800\",\"startTime\":\"2026-11-25T02:00:01.000+0800\","
            + "\"endTime\":\"2026-11-25T02:03:04.000+0800\",\"runTimes\":1,\"recovery\":\"NO\",\"host\":\"10.0.0.5:5678\","
            + "\"duration\":\"3m 3s\",\"executorName\":\"notebook\"}";
    /** Task 901 is the third attempt; 899 and 900 are the two it retried, which DolphinScheduler flags NO. */
    private static final String TASKS = "{\"totalList\":[" + attempt(899, 0, "NO") + "," + attempt(900, 1, "NO") + ",{\"id\":901,"
            + "\"name\":\"run-nb-1\",\"taskType\":\"HTTP\",\"processDefinitionId\":7,\"processInstanceId\":345,"
            + "\"state\":\"FAILURE\",\"submitTime\":\"2026-11-25T02:00:01.000+0800\",\"startTime\":\"2026-11-25T02:00:01.000+0800\","
            + "\"endTime\":\"2026-11-25T02:03:04.000+0800\",\"host\":\"10.0.0.5:1234\",\"retryTimes\":2,\"maxRetryTimes\":2,"
            + "\"retryInterval\":1,\"duration\":\"3m 3s\",\"taskInstancePriority\":\"MEDIUM\",\"workerGroup\":\"default\","
            + "\"executorId\":2,\"taskJson\":\"{}\",\"alertFlag\":\"NO\",\"flag\":\"YES\",\"pid\":0,\"appLink\":null,"
            + "\"dependentResult\":null}],\"total\":3,\"currentPage\":1,\"totalPage\":1}";

    private static String attempt(long id, int retryTimes, String flag) {
        return "{\"id\":" + id + ",\"name\":\"run-nb-1\",\"taskType\":\"HTTP\",\"processInstanceId\":345,"
                + "\"state\":\"FAILURE\",\"startTime\":\"2026-11-25T02:00:01.000+0800\","
                + "\"endTime\":\"2026-11-25T02:01:00.000+0800\",\"host\":\"10.0.0.5:1234\",\"retryTimes\":"
                + retryTimes + ",\"flag\":\"" + flag + "\"}";
    }

    private final DolphinSchedulerStub ds = new DolphinSchedulerStub();
    private final Engine engine = ds.engine();

    @AfterEach
    void stop() {
        ds.close();
    }

    private void instanceExists() {
        ds.stub(get(urlPathEqualTo(projectPath("/instance/select-by-id"))).willReturn(success(INSTANCE)));
        ds.stub(get(urlPathEqualTo(projectPath("/task-instance/list-paging"))).withQueryParam("processInstanceId",
                is("345")).willReturn(success(TASKS)));
    }

    @Test
    void a_schedules_runs_are_its_process_instances_newest_first_with_their_times() {
        ds.stub(get(urlPathEqualTo(projectPath("/instance/list-paging"))).withQueryParam("processDefinitionId", is("7"))
                .willReturn(success(page(INSTANCE, 31, 2, 4))));

        Page<Run> runs = engine.runs().page(REF, new PageRequest(2, 10));

        assertThat(runs.total()).isEqualTo(31);
        Run run = runs.items().get(0);
        assertThat(run.id()).isEqualTo(new RunId("345"));
        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(run.scheduledFor()).contains(Instant.parse("2026-11-24T18:00:00Z"));
        assertThat(run.endedAt()).contains(Instant.parse("2026-11-24T18:03:04Z"));
        ds.server.verify(getRequestedFor(urlPathEqualTo(projectPath("/instance/list-paging")))
                .withQueryParam("pageNo", is("2")).withQueryParam("pageSize", is("10")));
    }

    @Test
    void a_run_shows_its_task_nodes_and_their_states() {
        instanceExists();

        RunDetail detail = engine.runs().detail(REF, new RunId("345"));

        assertThat(detail.tasks()).filteredOn(TaskRun::latest).singleElement().satisfies(task -> {
            assertThat(task.id()).isEqualTo("901");
            assertThat(task.taskName()).isEqualTo("run-nb-1");
            assertThat(task.state()).isEqualTo(RunState.FAILED);
            assertThat(task.retries()).isEqualTo(2);
        });
    }

    @Test
    void a_run_shows_every_attempt_of_a_retried_task_oldest_first_each_with_its_own_id() {
        instanceExists();

        RunDetail detail = engine.runs().detail(REF, new RunId("345"));

        assertThat(detail.tasks()).extracting(TaskRun::id, TaskRun::attempt, TaskRun::latest).containsExactly(
                org.assertj.core.groups.Tuple.tuple("899", 1, false), org.assertj.core.groups.Tuple.tuple("900", 2, false),
                org.assertj.core.groups.Tuple.tuple("901", 3, true));
    }

    @Test
    void the_log_of_an_earlier_attempt_is_found_by_its_own_id() {
        instanceExists();
        ds.stub(get(urlPathEqualTo(path("/log/detail"))).withQueryParam("taskInstanceId", is("899"))
                .willReturn(success("\"[ERROR] first attempt: connection refused\\r\\n\"")));

        assertThat(engine.runs().taskLog(REF, new RunId("345"), "899")).contains("first attempt");
    }

    /** Observed on a real 1.3.9: the HTTP task logs its parameters, credential included, and the owner reads the log. */
    @Test
    void a_task_log_is_shown_with_every_callback_credential_and_token_masked() {
        instanceExists();
        String credential = org.notebookscheduler.domain.schedule.CallbackCredential.of(
                org.notebookscheduler.domain.shared.Secret.of("any key", "key"),
                org.notebookscheduler.domain.schedule.ScheduleId.newId(), "run-nb-1");
        ds.stub(get(urlPathEqualTo(path("/log/detail"))).withQueryParam("taskInstanceId", is("901"))
                .willReturn(success("\"[INFO] HTTP task params: {\\\"prop\\\":\\\"token\\\",\\\"value\\\":\\\""
                        + credential + "\\\"} token " + DolphinSchedulerStub.CALLBACK_TOKEN + " auth "
                        + DolphinSchedulerStub.AUTH_TOKEN + "\\r\\n\"")));

        String log = engine.runs().taskLog(REF, new RunId("345"), "901");

        assertThat(log).contains("HTTP task params", "nsc1.******")
                .doesNotContain(credential, DolphinSchedulerStub.CALLBACK_TOKEN, DolphinSchedulerStub.AUTH_TOKEN);
    }

    private static String instance(long id, String state, String scheduleTime, int runTimes) {
        return "{\"id\":" + id + ",\"processDefinitionId\":7,\"state\":\"" + state + "\",\"scheduleTime\":"
                + (scheduleTime == null ? "null" : "\"" + scheduleTime + "\"") + ",\"runTimes\":" + runTimes
                + ",\"commandType\":\"START_PROCESS\"}";
    }

    private void taskOf(long instanceId, long taskInstanceId, String state) {
        ds.stub(get(urlPathEqualTo(projectPath("/task-instance/list-paging")))
                .withQueryParam("processInstanceId", is(String.valueOf(instanceId)))
                .willReturn(success(page("{\"id\":" + taskInstanceId + ",\"name\":\"run-nb-1\",\"state\":\"" + state
                        + "\",\"retryTimes\":0,\"flag\":\"YES\",\"processInstanceId\":" + instanceId + "}", 1, 1, 1))));
    }

    @Test
    void a_callbacks_run_is_the_running_instance_whose_task_is_running_keyed_by_instance_and_run_times() {
        ds.stub(get(urlPathEqualTo(projectPath("/instance/list-paging"))).willReturn(success(page(
                instance(346, "RUNNING_EXECUTION", null, 1) + "," + instance(345, "SUCCESS", null, 1), 2, 1, 1))));
        taskOf(346, 990, "RUNNING_EXECUTION");

        assertThat(engine.callerRuns().callerRun(scheduleLinked(), "run-nb-1", "20261125101731"))
                .contains(new CallerRuns.CallerRun("346", "346.1", "990"));
    }

    @Test
    void a_scheduled_runs_callback_is_matched_to_the_instance_of_its_fire_time() {
        ds.stub(get(urlPathEqualTo(projectPath("/instance/list-paging"))).willReturn(success(page(
                instance(347, "RUNNING_EXECUTION", null, 1) + ","
                        + instance(346, "RUNNING_EXECUTION", "2026-11-25T02:00:00.000+0800", 1), 2, 1, 1))));
        taskOf(347, 991, "RUNNING_EXECUTION");
        taskOf(346, 990, "RUNNING_EXECUTION");

        assertThat(engine.callerRuns().callerRun(scheduleLinked(), "run-nb-1", "20261125020000"))
                .map(CallerRuns.CallerRun::runId).contains("346");
    }

    @Test
    void a_repeated_instance_is_a_new_run_under_the_same_instance_id() {
        ds.stub(get(urlPathEqualTo(projectPath("/instance/list-paging"))).willReturn(success(page(
                instance(345, "RUNNING_EXECUTION", "2026-11-25T02:00:00.000+0800", 2), 1, 1, 1))));
        taskOf(345, 950, "RUNNING_EXECUTION");

        assertThat(engine.callerRuns().callerRun(scheduleLinked(), "run-nb-1", "20261125020000"))
                .map(CallerRuns.CallerRun::runKey).contains("345.2");
    }

    @Test
    void no_running_instance_with_that_task_running_means_the_scheduler_cannot_tell() {
        ds.stub(get(urlPathEqualTo(projectPath("/instance/list-paging"))).willReturn(success(page(
                instance(346, "RUNNING_EXECUTION", null, 1), 1, 1, 1))));
        taskOf(346, 990, "SUCCESS");

        assertThat(engine.callerRuns().callerRun(scheduleLinked(), "run-nb-1", "x")).isEmpty();
    }

    private org.notebookscheduler.domain.schedule.Schedule scheduleLinked() {
        org.notebookscheduler.domain.schedule.Schedule schedule = schedule("alice", "daily", "nb-1", NOW);
        schedule.link(REF, Actor.user("alice"), NOW);
        return schedule;
    }

    @Test
    void a_run_of_another_process_is_not_found() {
        ds.stub(get(urlPathEqualTo(projectPath("/instance/select-by-id"))).willReturn(success(
                INSTANCE.replace("\"processDefinitionId\":7", "\"processDefinitionId\":8"))));

        assertThatThrownBy(() -> engine.runs().detail(REF, new RunId("345")))
                .isInstanceOfSatisfying(EngineException.class,
                        e -> assertThat(e.kind()).isEqualTo(EngineException.Kind.NOT_FOUND));
    }

    @Test
    void an_unknown_run_which_the_server_reports_as_a_query_error_is_not_found() {
        ds.stub(get(urlPathEqualTo(projectPath("/instance/select-by-id"))).willReturn(
                envelope(200, 10116, "query process instance by id error", "null")));

        assertThatThrownBy(() -> engine.runs().detail(REF, new RunId("999")))
                .isInstanceOfSatisfying(EngineException.class,
                        e -> assertThat(e.kind()).isEqualTo(EngineException.Kind.NOT_FOUND));
    }

    @Test
    void a_failed_tasks_log_is_read_page_by_page_until_a_short_page() {
        instanceExists();
        String fullPage = "[INFO] line\r\n".repeat(DolphinSchedulerRuns.LOG_LINES_PER_CALL);
        ds.stub(get(urlPathEqualTo(path("/log/detail"))).withQueryParam("skipLineNum", is("0"))
                .willReturn(success("\"" + fullPage.replace("\r\n", "\\r\\n") + "\"")));
        ds.stub(get(urlPathEqualTo(path("/log/detail"))).withQueryParam("skipLineNum", is("1000"))
                .willReturn(success("\"[ERROR] Table not found: sales\\r\\n\"")));

        String log = engine.runs().taskLog(REF, new RunId("345"), "901");

        assertThat(log).startsWith("[INFO] line").endsWith("[ERROR] Table not found: sales\r\n");
        ds.server.verify(2, getRequestedFor(urlPathEqualTo(path("/log/detail")))
                .withQueryParam("taskInstanceId", is("901")).withQueryParam("limit", is("1000")));
    }

    @Test
    void the_log_of_a_task_that_is_not_in_the_run_is_not_found() {
        instanceExists();

        assertThatThrownBy(() -> engine.runs().taskLog(REF, new RunId("345"), "902"))
                .isInstanceOfSatisfying(EngineException.class,
                        e -> assertThat(e.kind()).isEqualTo(EngineException.Kind.NOT_FOUND));
        ds.server.verify(0, getRequestedFor(urlPathEqualTo(path("/log/detail"))));
    }

    @ParameterizedTest(name = "{0} is executeType {1}")
    @CsvSource({"PAUSE, PAUSE", "STOP, STOP", "RESUME, RECOVER_SUSPENDED_PROCESS",
        "RERUN_FAILED, START_FAILURE_TASK_PROCESS", "REPEAT, REPEAT_RUNNING"})
    void each_run_command_is_sent_as_its_execute_type(RunCommand command, String executeType) {
        instanceExists();
        ds.stub(post(urlPathEqualTo(projectPath("/process/release"))).willReturn(success("null")));
        ds.stub(post(urlPathEqualTo(projectPath("/executors/execute"))).willReturn(success("null")));

        engine.runs().command(REF, new RunId("345"), command);

        ds.server.verify(postRequestedFor(urlPathEqualTo(projectPath("/executors/execute")))
                .withFormParam("processInstanceId", is("345")).withFormParam("executeType", is(executeType)));
    }

    @ParameterizedTest(name = "{0} releases the process first: {1}")
    @CsvSource({"PAUSE, false", "STOP, false", "RESUME, true", "RERUN_FAILED, true", "REPEAT, true"})
    void commands_that_start_work_release_the_process_online_as_run_now_does(RunCommand command, boolean releases) {
        instanceExists();
        ds.stub(post(urlPathEqualTo(projectPath("/process/release"))).willReturn(success("null")));
        ds.stub(post(urlPathEqualTo(projectPath("/executors/execute"))).willReturn(success("null")));

        engine.runs().command(REF, new RunId("345"), command);

        ds.server.verify(releases ? 1 : 0, postRequestedFor(urlPathEqualTo(projectPath("/process/release")))
                .withFormParam("processId", is("7")).withFormParam("releaseState", is("1")));
    }

    @Test
    void a_command_the_runs_state_does_not_allow_is_a_conflict_with_the_servers_words() {
        instanceExists();
        ds.stub(post(urlPathEqualTo(projectPath("/executors/execute"))).willReturn(envelope(200, 50006,
                "the status of process instance 345 is FAILURE,Cannot perform STOP operation", "null")));

        assertThatThrownBy(() -> engine.runs().command(REF, new RunId("345"), RunCommand.STOP))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RUN_STATE_CONFLICT);
                    assertThat(e.getMessage()).contains("50006", "Cannot perform STOP operation");
                });
    }
}
