package org.notebookscheduler.adapters.dolphinscheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.AUTH_TOKEN;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.CALLBACK_TOKEN;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.envelope;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.is;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.page;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.path;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.projectPath;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.success;
import static org.notebookscheduler.application.fakes.Examples.NOW;
import static org.notebookscheduler.application.fakes.Examples.schedule;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.port.out.Engine;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.port.out.EngineException;
import org.notebookscheduler.application.port.out.EngineException.Kind;
import org.notebookscheduler.domain.schedule.RemoteRef;
import org.notebookscheduler.domain.schedule.RunSettings;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.shared.Actor;
import org.notebookscheduler.domain.shared.Secret;
import org.slf4j.LoggerFactory;

/** What goes wrong on the wire, and what the caller is told: 401, 5xx, timeouts, retries, and never a token. */
class DolphinSchedulerFailuresTest {

    private final SimulatedDolphinScheduler ds = new SimulatedDolphinScheduler();
    private final Engine engine = ds.engine();

    /** A schedule registered with the server, with the request journal emptied afterwards. */
    private Schedule linked() {
        Schedule schedule = schedule("alice", "daily", "nb-1", NOW);
        schedule.link(engine.lifecycle().register(schedule).ref(), Actor.user("alice"), NOW);
        ds.server.resetRequests();
        return schedule;
    }

    private void stub(com.github.tomakehurst.wiremock.client.MappingBuilder mapping) {
        ds.server.stubFor(mapping);
    }

    @AfterEach
    void stop() {
        ds.close();
    }

    private static EngineException failure(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(EngineException.class);
        return (EngineException) thrown;
    }

    @Test
    void a_rejected_token_is_an_http_401_with_an_empty_body_and_is_refused_naming_the_property() {
        Schedule schedule = linked();
        stub(post(urlPathEqualTo(projectPath("/process/release")))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Length", "0")));

        EngineException e = failure(() -> engine.lifecycle().offline(schedule));

        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.call()).isEqualTo("process/release");
        assertThat(e.getMessage()).contains("HTTP 401", "notebook.scheduler.auth-token").doesNotContain(AUTH_TOKEN);
    }

    @Test
    void a_read_that_meets_a_server_error_is_retried_with_backoff_until_it_succeeds() {
        stub(get(urlPathEqualTo(projectPath("/instance/list-paging"))).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("once")
                .willReturn(aResponse().withStatus(503)));
        stub(get(urlPathEqualTo(projectPath("/instance/list-paging"))).inScenario("flaky")
                .whenScenarioStateIs("once").willSetStateTo("twice").willReturn(aResponse().withStatus(502)));
        stub(get(urlPathEqualTo(projectPath("/instance/list-paging"))).inScenario("flaky")
                .whenScenarioStateIs("twice").willReturn(success(page("", 0, 1, 1))));

        assertThat(engine.runs().page(new RemoteRef("DolphinScheduler", DolphinSchedulerStub.PROJECT, "7", "5"),
                PageRequest.first(10)).total()).isZero();
        ds.server.verify(3, getRequestedFor(urlPathEqualTo(projectPath("/instance/list-paging"))));
    }

    @Test
    void a_write_that_meets_a_server_error_is_not_retried_because_it_may_have_been_applied() {
        Schedule schedule = linked();
        stub(post(urlPathEqualTo(projectPath("/process/release"))).withFormParam("releaseState", is("1"))
                .willReturn(aResponse().withStatus(503)));

        EngineException e = failure(() -> engine.lifecycle().online(schedule));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        ds.server.verify(1, postRequestedFor(urlPathEqualTo(projectPath("/process/release")))
                .withFormParam("releaseState", is("1")));
    }

    @Test
    void a_write_that_times_out_is_not_retried_and_says_the_server_could_not_be_reached() {
        Schedule schedule = linked();
        stub(post(urlPathEqualTo(projectPath("/process/release"))).withFormParam("releaseState", is("1"))
                .willReturn(success("null").withFixedDelay(2500)));

        EngineException e = failure(() -> engine.lifecycle().online(schedule));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("cannot reach DolphinScheduler");
        ds.server.verify(1, postRequestedFor(urlPathEqualTo(projectPath("/process/release")))
                .withFormParam("releaseState", is("1")));
    }

    @Test
    void a_server_that_refuses_connections_is_unavailable_and_retrying_can_help() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DolphinSchedulerSettings settings = new DolphinSchedulerSettings("http://127.0.0.1:" + closedPort
                + "/dolphinscheduler", Secret.of(AUTH_TOKEN, "authToken"), DolphinSchedulerStub.PROJECT,
                "http://notebook:9002", Secret.of(CALLBACK_TOKEN, "callbackToken"), DolphinSchedulerStub.SERVER_ZONE,
                Duration.ofMillis(300), Duration.ofMillis(300), 3, Duration.ofMillis(5), RunSettings.defaults(),
                Duration.ofSeconds(10));

        Schedule schedule = linked();
        EngineException e = failure(() -> DolphinSchedulerEngine.create(settings).lifecycle().offline(schedule));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("ConnectException");
    }

    @Test
    void a_lookup_pages_past_the_servers_500_row_cap_until_the_last_page() {
        for (int i = 0; i < 520; i++) {
            ds.addForeignProcess("[alice] daily copy " + i);
        }

        RemoteRef ref = engine.lifecycle().register(schedule("alice", "daily", "nb-1", NOW)).ref();

        assertThat(ds.process(Long.parseLong(ref.definitionId())).name).isEqualTo("[alice] daily");
        ds.server.verify(6, getRequestedFor(urlPathEqualTo(projectPath("/process/list-paging")))
                .withQueryParam("pageSize", is("100")));
    }

    @Test
    void an_error_message_that_echoes_the_definition_has_the_callback_token_taken_out() {
        stub(post(urlPathEqualTo(projectPath("/process/save"))).willReturn(envelope(201, 50017,
                "data {\\\"tasks\\\":[{\\\"prop\\\":\\\"token\\\",\\\"value\\\":\\\"" + CALLBACK_TOKEN
                        + "\\\"}]} not valid", "null")));

        EngineException e = failure(() -> engine.lifecycle().register(schedule("alice", "daily", "nb-1", NOW)));

        assertThat(e.getMessage()).contains("50017").doesNotContain(CALLBACK_TOKEN);
    }

    @Test
    void no_token_reaches_a_log_line_or_an_exception_even_at_debug() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger http = (Logger) LoggerFactory.getLogger("org.notebookscheduler.adapters.dolphinscheduler");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        Level before = http.getLevel();
        http.setLevel(Level.DEBUG);
        try {
            engine.lifecycle().register(schedule("alice", "daily", "nb-1", NOW));
            stub(get(anyUrl()).atPriority(2).willReturn(aResponse().withStatus(401)));
            stub(post(anyUrl()).atPriority(2).willReturn(aResponse().withStatus(500)));
            stub(get(urlPathEqualTo(path("/projects/list-paging"))).atPriority(1).willReturn(success(page(
                    "{\"id\":1,\"name\":\"" + DolphinSchedulerStub.PROJECT + "\"}", 1, 1, 1))));
            stub(get(urlPathEqualTo(projectPath("/process/verify-name"))).atPriority(1).willReturn(success("null")));
            Throwable thrown = catchThrowable(() -> engine.lifecycle().register(schedule("alice", "nightly", "nb-2", NOW)));

            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            String logs = String.join("\n", captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
            assertThat(logs).contains("POST").doesNotContain(AUTH_TOKEN, CALLBACK_TOKEN);
            assertThat(trace.toString()).doesNotContain(AUTH_TOKEN, CALLBACK_TOKEN);
        } finally {
            root.detachAppender(captured);
            http.setLevel(before);
        }
    }

    @Test
    void an_answer_without_an_envelope_is_unavailable_not_a_crash() {
        Schedule schedule = linked();
        stub(post(urlPathEqualTo(projectPath("/process/release")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>")));

        assertThatThrownBy(() -> engine.lifecycle().offline(schedule)).isInstanceOfSatisfying(EngineException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE));
    }

    @Test
    void a_wrong_method_is_refused_with_its_http_status() {
        Schedule schedule = linked();
        stub(post(urlPathEqualTo(projectPath("/process/release"))).willReturn(aResponse().withStatus(405)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"timestamp\":\"2026-11-24T03:03:13.988+0000\",\"status\":405,"
                        + "\"error\":\"Method Not Allowed\"}")));

        EngineException e = failure(() -> engine.lifecycle().offline(schedule));

        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e.getMessage()).contains("HTTP 405");
    }
}
