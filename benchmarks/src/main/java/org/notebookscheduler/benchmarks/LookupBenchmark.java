package org.notebookscheduler.benchmarks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.notebookscheduler.adapters.persistence.PersistenceConfiguration;
import org.notebookscheduler.application.port.out.PageRequest;
import org.notebookscheduler.application.port.out.ScheduleStore;
import org.notebookscheduler.benchmarks.support.Arguments;
import org.notebookscheduler.benchmarks.support.BenchmarkDatabase;
import org.notebookscheduler.benchmarks.support.Medians;
import org.notebookscheduler.domain.schedule.CronSpec;
import org.notebookscheduler.domain.schedule.EntityRef;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.schedule.RunSettings;
import org.notebookscheduler.domain.schedule.Schedule;
import org.notebookscheduler.domain.schedule.ScheduleDefinition;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.schedule.ScheduledTask;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Finding an entity's schedule and listing an owner's schedules, with {@code schedules} schedules:
 * this module asks its own store (one query), the reference product asks DolphinScheduler, listing
 * every process definition page and then fetching each definition. The reference's algorithm (not
 * its code) runs against a stand-in DolphinScheduler that answers each call after {@code latency}
 * milliseconds, the per-call time of a real 1.3.9 server. Both in the same run; printed as calls,
 * milliseconds (median of the rounds) and their ratio.
 *
 * <p>Arguments: {@code h2|mariadb|postgresql [schedules] [latencyMs] [rounds]}.
 */
public final class LookupBenchmark {

    /** The page size the reference product lists definitions with: the server's cap. */
    private static final int PAGE = 500;
    private static final int OWNERS = 20;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(PersistenceConfiguration.class)
    static class Harness {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.of(args);
        String database = arguments.text(0, "h2");
        int schedules = arguments.number(1, 2000);
        double latency = arguments.decimal(2, 1.6);
        int rounds = arguments.number(3, 3);
        BenchmarkDatabase db = BenchmarkDatabase.create(database);
        Map<String, Object> properties = new HashMap<>(db.springDataSource());
        properties.put("spring.jpa.hibernate.ddl-auto", "validate");
        properties.put("spring.jpa.open-in-view", "false");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.flyway.enabled", "false");
        properties.put("logging.level.root", "WARN");
        properties.put("spring.jpa.properties.hibernate.generate_statistics", "true");
        properties.put("logging.level.org.hibernate.engine.internal.StatisticalLoggingSessionEventListener", "WARN");
        WireMockServer ds = new WireMockServer(options().dynamicPort().containerThreads(8));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Harness.class)
                .web(WebApplicationType.NONE).properties(properties).run()) {
            ScheduleStore store = context.getBean(ScheduleStore.class);
            List<String> entities = fill(store, schedules);
            ds.start();
            stubDolphinScheduler(ds, schedules, latency);
            org.hibernate.stat.Statistics statistics = context.getBean(jakarta.persistence.EntityManagerFactory.class)
                    .unwrap(org.hibernate.SessionFactory.class).getStatistics();
            System.out.printf("lookups on %s with %d schedules; the reference against a stand-in DolphinScheduler"
                    + " answering each call after %.1f ms%n", database, schedules, latency);
            Random random = new Random(7);
            List<Double> localEntity = new ArrayList<>();
            List<Double> localOwner = new ArrayList<>();
            long entityQueries = 0;
            long ownerQueries = 0;
            for (int i = 0; i < 200; i++) {
                String entity = entities.get(random.nextInt(entities.size()));
                long before = statistics.getPrepareStatementCount();
                localEntity.add(millis(() -> store.findByEntity(EntityType.NOTEBOOK, entity).orElseThrow()));
                entityQueries += statistics.getPrepareStatementCount() - before;
                String owner = "owner-" + random.nextInt(OWNERS);
                before = statistics.getPrepareStatementCount();
                localOwner.add(millis(() -> store.findByOwner(owner, PageRequest.first(20))));
                ownerQueries += statistics.getPrepareStatementCount() - before;
            }
            List<Double> reference = new ArrayList<>();
            int calls = 0;
            HttpClient http = HttpClient.newHttpClient();
            for (int round = 0; round < rounds; round++) {
                int[] made = new int[1];
                reference.add(millis(() -> made[0] = referenceLookup(http, ds.baseUrl(), schedules)));
                calls = made[0];
            }
            double entityMs = Medians.of(localEntity);
            double ownerMs = Medians.of(localOwner);
            double referenceMs = Medians.of(reference);
            System.out.printf("this module, by entity: %.1f SQL statements, %.2f ms (median of 200)%n",
                    entityQueries / 200.0, entityMs);
            System.out.printf("this module, an owner's first page of 20: %.1f SQL statements, %.2f ms (median of 200)%n",
                    ownerQueries / 200.0, ownerMs);
            System.out.printf("reference, either lookup: %d calls, %.0f ms (median of %d)%n", calls, referenceMs, rounds);
            System.out.printf("ratio reference / this module: by entity %.0fx, by owner %.0fx%n",
                    referenceMs / entityMs, referenceMs / ownerMs);
        } finally {
            ds.stop();
            db.close();
        }
    }

    private static List<String> fill(ScheduleStore store, int schedules) {
        List<String> entities = new ArrayList<>();
        CronSpec daily = CronSpec.of("0 0 2 * * ? *", LocalDateTime.of(2026, 1, 1, 0, 0), null, ZoneOffset.UTC);
        for (int i = 0; i < schedules; i++) {
            String entity = "nb-" + i;
            entities.add(entity);
            ScheduleDefinition definition = new ScheduleDefinition("schedule-" + i, null,
                    List.of(ScheduledTask.of("run", new EntityRef(EntityType.NOTEBOOK, entity, "notebook " + i))),
                    daily, RunSettings.defaults());
            Schedule schedule = Schedule.create(ScheduleId.newId(), "owner-" + (i % OWNERS), definition, Instant.now())
                    .schedule();
            store.save(schedule);
        }
        return entities;
    }

    /** Every definition page, then every definition: the reference product's way to find one. */
    private static int referenceLookup(HttpClient http, String base, int schedules) {
        int calls = 0;
        int pages = (schedules + PAGE - 1) / PAGE;
        List<Integer> ids = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            call(http, base + "/dolphinscheduler/projects/p/process/list-paging?pageNo=" + page + "&pageSize=" + PAGE);
            calls++;
            for (int id = (page - 1) * PAGE + 1; id <= Math.min(page * PAGE, schedules); id++) {
                ids.add(id);
            }
        }
        for (int id : ids) {
            call(http, base + "/dolphinscheduler/projects/p/process/select-by-id?processId=" + id);
            calls++;
        }
        return calls;
    }

    private static void call(HttpClient http, String url) {
        try {
            http.send(HttpRequest.newBuilder(URI.create(url)).header("token", "bench").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each answer after a delay drawn between 1 ms and twice the latency less 1 ms: on average the latency. */
    private static void stubDolphinScheduler(WireMockServer ds, int schedules, double latencyMs) {
        int lower = 1;
        int upper = (int) Math.max(lower, Math.round(2 * latencyMs - lower));
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= Math.min(PAGE, schedules); i++) {
            rows.append(i == 1 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"[owner] schedule-")
                    .append(i).append("\"}");
        }
        ds.stubFor(get(urlPathEqualTo("/dolphinscheduler/projects/p/process/list-paging")).willReturn(aResponse()
                .withUniformRandomDelay(lower, upper).withHeader("Content-Type", "application/json").withBody("{\"code\":0,"
                        + "\"msg\":\"success\",\"data\":{\"totalList\":[" + rows + "],\"total\":" + schedules
                        + "}}")));
        ds.stubFor(get(urlPathEqualTo("/dolphinscheduler/projects/p/process/select-by-id")).willReturn(aResponse()
                .withUniformRandomDelay(lower, upper).withHeader("Content-Type", "application/json").withBody("{\"code\":0,"
                        + "\"msg\":\"success\",\"data\":{\"id\":1,\"name\":\"[owner] schedule\",\"processDefinitionJson\":"
                        + "\"{\\\"tasks\\\":[{\\\"params\\\":{\\\"httpParams\\\":[{\\\"prop\\\":\\\"entity_id\\\","
                        + "\\\"value\\\":\\\"1\\\"}]}}]}\"}}")));
    }

    private static double millis(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1_000_000.0;
    }
}
