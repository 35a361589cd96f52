package org.notebookscheduler.adapters.runner;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.notebookscheduler.application.port.out.NotebookRunner;
import org.notebookscheduler.domain.execution.Text;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs an entity by asking a notebook backend over HTTP and waiting for its answer: Byzer Notebook's
 * own execution endpoint, so an existing Byzer Notebook runs the notebooks while this module keeps
 * the history and the notifications, or a generic JSON backend. It never throws for a failed run,
 * and the token never appears in what it reports, even when the backend echoes it.
 */
public final class HttpNotebookRunner implements NotebookRunner {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_ECHO = 2000;

    private final HttpRunnerSettings settings;
    private final HttpClient client;
    private final Clock clock;

    public HttpNotebookRunner(HttpRunnerSettings settings, Clock clock) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.clock = clock;
    }

    @Override
    public Outcome run(Request request) {
        Instant startedAt = clock.instant();
        String token = settings.token().reveal();
        Duration wait = request.timeout().plus(settings.answerGrace());
        HttpRequest.Builder http = HttpRequest.newBuilder(settings.url()).timeout(wait)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        settings.dialect().body(request, token))));
        settings.dialect().headers(token).forEach(http::header);
        try {
            HttpResponse<String> response = client.send(http.build(), HttpResponse.BodyHandlers.ofString());
            HttpRunnerDialect.Verdict verdict = settings.dialect().judge(response.statusCode(),
                    json(response.body()), clean(response.body()));
            String executedBy = verdict.executedBy() != null ? verdict.executedBy() : request.owner();
            return new Outcome(verdict.succeeded(), executedBy, startedAt, clock.instant(), clean(verdict.error()),
                    cleanOutput(verdict.output()));
        } catch (HttpTimeoutException e) {
            return failed(request, startedAt, "the notebook backend at " + settings.shownUrl()
                    + " did not answer within " + wait.toSeconds() + "s (the run's timeout and " + settings.answerGrace().toSeconds()
                    + "s of grace); the run may still be going on there");
        } catch (IOException e) {
            return failed(request, startedAt, "cannot reach the notebook backend at " + settings.shownUrl() + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + clean(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(request, startedAt, CommandNotebookRunner.STOPPED + " before the notebook backend at "
                    + settings.shownUrl() + " answered; the run may still be going on there");
        }
    }

    private Outcome failed(Request request, Instant startedAt, String error) {
        return new Outcome(false, request.owner(), startedAt, clock.instant(), error);
    }

    private static JsonNode json(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** A message from the backend, with the token masked and cut to what a message can hold. */
    private String clean(String text) {
        String masked = masked(text);
        return masked == null || masked.length() <= MAX_ECHO ? masked : Text.cut(masked, MAX_ECHO) + "…";
    }

    /** What the backend says the run printed: the token masked, the end kept. */
    private String cleanOutput(String text) {
        String masked = masked(text);
        return masked == null ? null : Text.tail(masked, CommandNotebookRunner.MAX_OUTPUT_CHARS);
    }

    private String masked(String text) {
        return text == null ? null : text.replace(settings.token().reveal(), "******");
    }

    /** Says what it calls, without the token. */
    @Override
    public String toString() {
        return "the HTTP runner (" + settings.dialect() + " dialect) calling " + settings.shownUrl();
    }
}
