package org.notebookscheduler.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.adapters.dolphinscheduler.SimulatedDolphinScheduler;
import org.notebookscheduler.application.port.out.NotebookCatalog;
import org.notebookscheduler.domain.schedule.EntityType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several requests change one schedule at once, through the whole app on its database and a
 * DolphinScheduler that keeps state: one wins, the others get a 409 that says so, and the scheduler
 * ends holding what the store holds.
 */
@SpringBootTest(classes = {NotebookSchedulerApplication.class, ConcurrentChangesSystemTest.Host.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "spring.datasource.url=jdbc:h2:mem:concurrent;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                    + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=15000",
            "notebook.scheduler.enable=true",
            "notebook.scheduler.security.trust-user-header=true",
            "notebook.scheduler.auth-token=ds-auth-SECRET",
            "notebook.scheduler.callback-token=cb-token-SECRET",
            "notebook.scheduler.callback-url=http://notebook:9002",
            "notebook.scheduler.dolphinscheduler.server-time-zone=Asia/Shanghai"})
class ConcurrentChangesSystemTest {

    private static final SimulatedDolphinScheduler DOLPHIN = new SimulatedDolphinScheduler();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int RACERS = 10;

    @DynamicPropertySource
    static void dolphinScheduler(DynamicPropertyRegistry registry) {
        registry.add("notebook.scheduler.scheduler-url", () -> DOLPHIN.server.baseUrl() + "/dolphinscheduler");
    }

    @AfterAll
    static void stop() {
        DOLPHIN.close();
    }

    private static final java.util.concurrent.atomic.AtomicInteger RUNS = new java.util.concurrent.atomic.AtomicInteger();

    @TestConfiguration
    static class Host {
        /** A run that takes a moment, so that callbacks sent together overlap. */
        @Bean
        org.notebookscheduler.application.port.out.NotebookRunner runner() {
            return request -> {
                RUNS.incrementAndGet();
                java.time.Instant start = java.time.Instant.now();
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new org.notebookscheduler.application.port.out.NotebookRunner.Outcome(true, request.owner(),
                        start, java.time.Instant.now(), null);
            };
        }

        @Bean
        NotebookCatalog catalog() {
            return (type, id) -> type == EntityType.NOTEBOOK && id.startsWith("nb-")
                    ? Optional.of(new NotebookCatalog.Entry(type, id, "notebook " + id, "alice", "c0ffee"))
                    : Optional.empty();
        }
    }

    @Value("${local.server.port}")
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Notebook-User", "alice").header("Content-Type", "application/json");
        return client.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String schedule(String name, String notebook, String cron) {
        return "{\"name\": \"" + name + "\", \"tasks\": [{\"entity\": {\"type\": \"notebook\", \"id\": \"" + notebook
                + "\"}}], \"cron\": {\"expression\": \"" + cron + "\", \"start\": \"2026-01-01T00:00:00\"}}";
    }

    private List<HttpResponse<String>> race(Callable<HttpResponse<String>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Integer> statuses(List<HttpResponse<String>> answers) {
        return answers.stream().map(HttpResponse::statusCode).toList();
    }

    @Test
    void concurrent_creates_of_one_name_make_one_schedule_and_one_process_and_the_rest_get_409() throws Exception {
        List<HttpResponse<String>> answers = race(() -> send("POST", "/api/schedules",
                schedule("race", "nb-race", "0 2 * * *")));

        assertThat(statuses(answers)).containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
        answers.stream().filter(answer -> answer.statusCode() == 409).forEach(answer ->
                assertThat(JSON.readTree(answer.body()).get("code").asString())
                        .isIn("SCHEDULE_NAME_TAKEN", "ENTITY_ALREADY_SCHEDULED"));
        assertThat(DOLPHIN.state().processes().keySet()).filteredOn(name -> name.contains("[alice] race"))
                .hasSize(1);
    }

    @Test
    void concurrent_updates_of_one_schedule_leave_the_scheduler_holding_what_the_store_holds() throws Exception {
        HttpResponse<String> created = send("POST", "/api/schedules", schedule("edited", "nb-edit", "0 2 * * *"));
        String id = JSON.readTree(created.body()).get("id").asString();
        int[] hour = {3};

        List<HttpResponse<String>> answers = race(() -> {
            int mine;
            synchronized (hour) {
                mine = hour[0]++;
            }
            return send("PUT", "/api/schedules/" + id, schedule("edited", "nb-edit", "0 " + mine + " * * *"));
        });

        assertThat(statuses(answers)).containsOnly(200, 409).contains(200);
        answers.stream().filter(answer -> answer.statusCode() == 409).forEach(answer ->
                assertThat(JSON.readTree(answer.body()).get("code").asString())
                        .isEqualTo("SCHEDULE_CONCURRENTLY_MODIFIED"));
        String stored = JSON.readTree(send("GET", "/api/schedules/" + id, null).body()).get("cron")
                .get("expression").asString();
        SimulatedDolphinScheduler.State remote = DOLPHIN.state();
        Map.Entry<String, String> process = remote.processes().entrySet().stream()
                .filter(entry -> entry.getKey().endsWith("[alice] edited")).findFirst().orElseThrow();
        assertThat(process.getValue()).contains("|" + stored + "|");
    }

    /** Observed on a real 1.3.9: ten identical callbacks sent at once ran the notebook ten times. */
    @Test
    void identical_callbacks_sent_at_once_run_the_notebook_once() throws Exception {
        HttpResponse<String> created = send("POST", "/api/schedules", schedule("called", "nb-call", "0 4 * * *"));
        String id = JSON.readTree(created.body()).get("id").asString();
        assertThat(send("POST", "/api/schedules/" + id + "/online", null).statusCode()).isEqualTo(200);
        String definition = DOLPHIN.server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(".*/process/save"))).stream()
                .map(request -> request.formParameter("processDefinitionJson").firstValue())
                .filter(json -> json.contains(id)).findFirst().orElseThrow();
        Map<String, String> body = new java.util.LinkedHashMap<>();
        JSON.readTree(definition).get("tasks").get(0).get("params").get("httpParams").valueStream()
                .forEach(param -> body.put(param.get("prop").asString(), param.get("value").asString()
                        .replace("${system.datetime}", "20261125040000")));
        String callback = JSON.writeValueAsString(body);
        int before = RUNS.get();

        List<HttpResponse<String>> answers = race(() -> send("POST", "/api/schedule/execution", callback));

        assertThat(RUNS.get() - before).isEqualTo(1);
        assertThat(statuses(answers)).containsOnly(200, 409).contains(200);
        answers.stream().filter(answer -> answer.statusCode() == 409).forEach(answer ->
                assertThat(JSON.readTree(answer.body()).get("code").asString()).isEqualTo("ATTEMPT_IN_PROGRESS"));
    }
}
