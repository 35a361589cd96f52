package org.notebookscheduler.adapters.runner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.port.out.NotebookRunner.Outcome;
import org.notebookscheduler.application.port.out.NotebookRunner.Request;
import org.notebookscheduler.domain.schedule.EntityRef;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.shared.Secret;

/**
 * A notebook backend at the HTTP level. Byzer Notebook's answers are those of its
 * {@code SchedulerController} and {@code GlobalExceptionHandler}: the {@code Response} envelope
 * {@code {code, data, msg}}, an empty code on success.
 */
class HttpNotebookRunnerTest {

    private static final String PATH = "/api/schedule/execution";
    private static final String TOKEN = "byzer-callback-token";

    private final WireMockServer backend = new WireMockServer(options().dynamicPort());

    HttpNotebookRunnerTest() {
        backend.start();
    }

    @AfterEach
    void stop() {
        backend.stop();
    }

    private HttpNotebookRunner runner(HttpRunnerDialect dialect, Duration grace) {
        return new HttpNotebookRunner(new HttpRunnerSettings(URI.create(backend.baseUrl() + PATH),
                Secret.of(TOKEN, "token"), dialect, Duration.ofSeconds(2), grace), Clock.systemUTC());
    }

    private HttpNotebookRunner byzer() {
        return runner(HttpRunnerDialect.BYZER, Duration.ofSeconds(30));
    }

    private static Request notebook(String commit, Duration timeout) {
        return new Request(new EntityRef(EntityType.NOTEBOOK, "42", "daily report"), "alice", commit,
                Map.of("system.biz.date", "20261124", "scheduler_region", "emea"), timeout);
    }

    private static Request notebook() {
        return notebook("c0ffee", Duration.ofMinutes(90));
    }

    private void answers(ResponseDefinitionBuilder answer) {
        backend.stubFor(post(urlEqualTo(PATH)).willReturn(answer));
    }

    private static ResponseDefinitionBuilder byzerAnswer(int status, String code, String data, String msg) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"" + code + "\",\"data\":" + data + ",\"msg\":\"" + msg + "\"}");
    }

    @Test
    void byzer_is_sent_the_body_its_dolphinscheduler_tasks_send_with_user_parameters_beside_the_fixed_fields() {
        answers(byzerAnswer(200, "", "null", "success"));

        Outcome outcome = byzer().run(notebook());

        backend.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"token\":\"" + TOKEN + "\",\"owner\":\"alice\",\"entity_type\":\"notebook\","
                        + "\"entity_id\":\"42\",\"commit_id\":\"c0ffee\",\"timeout\":5400,"
                        + "\"system.biz.date\":\"20261124\",\"scheduler_region\":\"emea\"}")));
        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.executedBy()).isEqualTo("alice");
        assertThat(outcome.error()).isNull();
    }

    @Test
    void without_a_pinned_commit_byzer_is_sent_no_commit_id_and_runs_the_latest() {
        answers(byzerAnswer(200, "", "null", "success"));

        byzer().run(notebook(null, Duration.ofMillis(1500)));

        assertThat(backend.getAllServeEvents().get(0).getRequest().getBodyAsString())
                .doesNotContain("commit_id").contains("\"timeout\":2");
    }

    @Test
    void a_run_that_failed_in_byzer_fails_with_byzers_message_and_error_code() {
        answers(byzerAnswer(500, "KN-1012002", "\"Request Failed\"", "Table or view not found: sales_2026"));

        Outcome outcome = byzer().run(notebook());

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).isEqualTo("Table or view not found: sales_2026 (KN-1012002, HTTP 500)");
    }

    @Test
    void a_token_byzer_does_not_accept_fails_the_run_saying_so() {
        answers(byzerAnswer(500, "KN-1000001", "\"Request Failed\"", "Scheduler callback token auth failed!"));

        assertThat(byzer().run(notebook()).error())
                .isEqualTo("Scheduler callback token auth failed! (KN-1000001, HTTP 500)");
    }

    @Test
    void an_error_code_in_a_200_answer_is_a_failure_and_so_is_a_refused_body() {
        answers(byzerAnswer(200, "KN-1000001", "\"Request Failed\"", "ignored failure"));
        Outcome ignored = byzer().run(notebook());
        backend.resetAll();
        answers(byzerAnswer(400, "KN-1000002", "\"Request Failed\"", "must not be blank"));
        Outcome refused = byzer().run(notebook());

        assertThat(ignored.succeeded()).isFalse();
        assertThat(ignored.error()).isEqualTo("ignored failure (KN-1000001, HTTP 200)");
        assertThat(refused.error()).isEqualTo("must not be blank (KN-1000002, HTTP 400)");
    }

    @Test
    void an_answer_that_is_not_byzers_envelope_is_a_failure_quoting_it() {
        answers(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html><body>502 Bad Gateway</body></html>"));

        assertThat(byzer().run(notebook()).error())
                .isEqualTo("<html><body>502 Bad Gateway</body></html> (HTTP 502)");
    }

    @Test
    void a_backend_that_echoes_the_token_does_not_get_it_into_the_error() {
        answers(byzerAnswer(500, "KN-1000001", "\"Request Failed\"", "bad token " + TOKEN + " for alice"));

        assertThat(byzer().run(notebook()).error()).isEqualTo("bad token ****** for alice (KN-1000001, HTTP 500)");
    }

    @Test
    void a_backend_that_does_not_answer_within_the_timeout_and_grace_fails_the_run() {
        answers(byzerAnswer(200, "", "null", "success").withFixedDelay(4000));

        Outcome outcome = runner(HttpRunnerDialect.BYZER, Duration.ZERO).run(notebook("c0ffee", Duration.ofSeconds(1)));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).isEqualTo("the notebook backend at " + backend.baseUrl() + PATH
                + " did not answer within 1s (the run's timeout and 0s of grace); the run may still be going on there");
    }

    @Test
    void a_backend_that_cannot_be_reached_fails_the_run_naming_where_without_credentials() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        HttpNotebookRunner runner = new HttpNotebookRunner(new HttpRunnerSettings(URI.create("http://admin:s3cret@127.0.0.1:"
                + closed + PATH + "?key=s3cret"), Secret.of(TOKEN, "token"), HttpRunnerDialect.BYZER,
                Duration.ofSeconds(2), Duration.ZERO), Clock.systemUTC());

        Outcome outcome = runner.run(notebook());

        assertThat(outcome.error()).startsWith("cannot reach the notebook backend at http://127.0.0.1:" + closed + PATH
                + ": ConnectException").doesNotContain("s3cret");
    }

    @Test
    void a_run_stopped_while_waiting_for_the_backend_ends_at_once_saying_so() throws Exception {
        answers(byzerAnswer(200, "", "null", "success").withFixedDelay(20_000));
        AtomicReference<Thread> worker = new AtomicReference<>();
        CompletableFuture<Outcome> running = CompletableFuture.supplyAsync(() -> {
            worker.set(Thread.currentThread());
            return byzer().run(notebook());
        });
        while (backend.getAllServeEvents().isEmpty()) {
            Thread.sleep(20);
        }

        worker.get().interrupt();

        assertThat(running.get(10, TimeUnit.SECONDS).error()).startsWith(CommandNotebookRunner.STOPPED
                + " before the notebook backend at");
    }

    @Test
    void a_generic_backend_gets_the_run_apart_from_its_parameters_and_the_token_as_a_bearer_token() {
        answers(aResponse().withStatus(200));

        Outcome outcome = runner(HttpRunnerDialect.GENERIC, Duration.ofSeconds(30)).run(notebook());

        backend.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("{\"entity\":{\"type\":\"notebook\",\"id\":\"42\",\"name\":\"daily report\"},"
                        + "\"owner\":\"alice\",\"commitId\":\"c0ffee\",\"timeoutSeconds\":5400,"
                        + "\"parameters\":{\"system.biz.date\":\"20261124\",\"scheduler_region\":\"emea\"}}")));
        assertThat(outcome.succeeded()).isTrue();
    }

    @Test
    void a_generic_backend_can_say_a_run_failed_with_its_error_output_and_who_ran_it() {
        answers(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
                "{\"succeeded\":false,\"error\":\"cell 3 raised KeyError\",\"output\":\"cell 1 ok\\ncell 3: KeyError\","
                        + "\"executedBy\":\"svc-etl\"}"));

        Outcome outcome = runner(HttpRunnerDialect.GENERIC, Duration.ofSeconds(30)).run(notebook());

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).isEqualTo("cell 3 raised KeyError (HTTP 200)");
        assertThat(outcome.output()).isEqualTo("cell 1 ok\ncell 3: KeyError");
        assertThat(outcome.executedBy()).isEqualTo("svc-etl");
    }

    @Test
    void a_generic_backend_that_answers_an_error_status_fails_the_run_with_its_answer() {
        answers(aResponse().withStatus(503).withBody("kernel pool exhausted"));

        Outcome outcome = runner(HttpRunnerDialect.GENERIC, Duration.ofSeconds(30)).run(notebook());

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).isEqualTo("kernel pool exhausted (HTTP 503)");
    }
}
