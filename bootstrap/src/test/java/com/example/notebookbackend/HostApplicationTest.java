package com.example.notebookbackend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.adapters.persistence.NotebookSchedulerSchema;
import org.notebookscheduler.application.port.in.ManageSchedulesUseCase;
import org.notebookscheduler.application.port.out.CurrentUser;
import org.notebookscheduler.application.service.Engines;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;

/**
 * The starter added to a host (a notebook backend of its own, {@link NotebookBackend}): the host's
 * entity, repository, controller, scheduled job, error handling and Flyway keep working as without
 * the module, the module's beans are all there with {@code notebook.scheduler.enable=true} and none
 * without, and a bean of the host's replaces the module's of the same type.
 */
class HostApplicationTest {

    private static ConfigurableApplicationContext host;
    private static String base;
    private final HttpClient http = HttpClient.newHttpClient();

    private static Map<String, Object> properties(String database, boolean enable) {
        return Map.of("spring.datasource.url", "jdbc:h2:mem:" + database + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
                "spring.jpa.hibernate.ddl-auto", "validate",
                "spring.flyway.locations", "classpath:db/notebook-backend",
                "server.port", "0",
                "spring.main.banner-mode", "off",
                "notebook.scheduler.enable", String.valueOf(enable),
                "notebook.scheduler.scheduler-name", "Embedded");
    }

    @BeforeAll
    static void startTheHost() {
        host = new SpringApplicationBuilder(NotebookBackend.class).properties(properties("host_on", true)).run();
        base = "http://localhost:" + host.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stopTheHost() {
        host.close();
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
                "application/json").method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_hosts_own_entity_repository_and_controller_keep_working() throws Exception {
        HttpResponse<String> created = send("POST", "/notebooks", "{\"title\": \"daily report\"}");

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(host.getBean(NotebookRepository.class).findAll()).extracting(Notebook::getTitle)
                .contains("daily report");
    }

    @Test
    void the_modules_api_works_in_the_host_with_the_hosts_user_and_catalog() throws Exception {
        long notebook = host.getBean(NotebookRepository.class).save(new Notebook("weekly")).getId();

        HttpResponse<String> created = send("POST", "/api/schedules", "{\"name\": \"weekly\", \"tasks\": [{\"entity\":"
                + " {\"type\": \"notebook\", \"id\": \"" + notebook + "\"}}], \"cron\": {\"expression\": \"0 6 * * 1\"}}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"owner\":\"alice\"", "\"entityName\":\"weekly\"");
        assertThat(host.getBean(ManageSchedulesUseCase.class)).isNotNull();
        assertThat(host.getBean(Engines.class).forNewSchedules().name()).isEqualTo("Embedded");
    }

    @Test
    void spring_boots_task_scheduler_is_still_there_and_runs_the_hosts_jobs() throws Exception {
        assertThat(host.getBeansOfType(TaskScheduler.class)).isNotEmpty();
        assertThat(host.getBeanNamesForType(ScheduledExecutorService.class)).isEmpty();
        assertThat(host.getBeanNamesForType(org.quartz.Scheduler.class)).isEmpty();
        int before = NotebookBackend.TICKS.get();
        Thread.sleep(300);
        assertThat(NotebookBackend.TICKS.get()).isGreaterThan(before);
    }

    @Test
    void errors_on_the_hosts_paths_are_answered_by_the_host_and_on_the_modules_paths_by_the_module() throws Exception {
        HttpResponse<String> root = send("GET", "/", null);
        HttpResponse<String> broken = send("GET", "/notebooks/broken", null);
        HttpResponse<String> unknownApi = send("GET", "/api/nothing-here", null);

        assertThat(root.statusCode()).isEqualTo(404);
        assertThat(root.body()).doesNotContain("REQUEST_UNSUPPORTED");
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.body()).doesNotContain("INTERNAL_ERROR");
        assertThat(unknownApi.statusCode()).isEqualTo(404);
        assertThat(unknownApi.body()).contains("\"code\":\"REQUEST_UNSUPPORTED\"");
    }

    @Test
    void a_bean_of_the_hosts_replaces_the_modules_bean_of_that_type() {
        assertThat(host.getBeanNamesForType(Clock.class)).containsExactly("hostClock");
    }

    @Test
    void the_hosts_flyway_runs_the_hosts_migrations_and_the_module_keeps_its_own_history() {
        JdbcTemplate jdbc = host.getBean(JdbcTemplate.class);

        assertThat(jdbc.queryForList("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL", String.class))
                .containsExactly("1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + NotebookSchedulerSchema.HISTORY_TABLE
                + " WHERE success = TRUE", Integer.class)).isGreaterThanOrEqualTo(9);
    }

    @Test
    void a_host_without_a_current_user_does_not_start_and_is_told_what_to_provide() {
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> new SpringApplicationBuilder(
                NotebookBackend.class).web(WebApplicationType.NONE).properties(properties("host_no_user", true))
                .properties("backend.provides-user=false").run().close());

        String messages = java.util.stream.Stream.iterate(failure, java.util.Objects::nonNull, Throwable::getCause)
                .map(Throwable::getMessage).map(String::valueOf).reduce("", String::concat);
        assertThat(messages).contains("No qualifying bean of type '" + CurrentUser.class.getName() + "'");
    }

    @Test
    void without_scheduling_enabled_the_module_adds_nothing_and_the_host_still_works() {
        try (ConfigurableApplicationContext off = new SpringApplicationBuilder(NotebookBackend.class)
                .web(WebApplicationType.NONE).properties(properties("host_off", false)).run()) {
            List<String> modules = Arrays.stream(off.getBeanDefinitionNames())
                    .filter(name -> {
                        Class<?> type = off.getType(name);
                        return type != null && type.getName().startsWith("org.notebookscheduler");
                    }).toList();

            assertThat(modules).isEmpty();
            assertThat(off.getBean(NotebookRepository.class).save(new Notebook("still here")).getId()).isNotNull();
        }
    }
}
