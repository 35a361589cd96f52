package org.notebookscheduler.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.notebookscheduler.application.port.out.NotebookRunner;
import org.notebookscheduler.benchmarks.support.Arguments;
import org.notebookscheduler.benchmarks.support.BenchmarkDatabase;
import org.notebookscheduler.benchmarks.support.Medians;
import org.notebookscheduler.bootstrap.NotebookSchedulerApplication;
import org.notebookscheduler.domain.schedule.CallbackCredential;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.shared.Secret;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * What recording a callback costs, against what its rows cost. The standalone app (embedded engine,
 * Spring Security, the real web stack) takes callbacks exactly as DolphinScheduler's HTTP task sends
 * them, each recording a result, its audit line and its notification; the baseline inserts the same
 * three rows with plain JDBC in one transaction, through the same connection pool. Both run at each
 * concurrency, alternating, for a fixed time each; printed as callbacks per second, p50 and p99
 * latency, the ratio to the baseline, and the SQL statements one callback makes (counted on the
 * connection pool for the threads that serve callbacks).
 *
 * <p>The runner answers at once, so the figure is the module's own cost, not a notebook's. The relay
 * is off, so that delivering the notifications does not compete with recording them.
 *
 * <p>Arguments: {@code h2|mariadb|postgresql [seconds] [rounds] [concurrencies]}, e.g.
 * {@code mariadb 8 3 1,4,16}.
 */
public final class CallbackBenchmark {

    private static final String CALLBACK_TOKEN = "bench-callback-key-0123456789";
    private static final String API_TOKEN = "bench-api-token-0123456789";
    private static final String TASK = "report";
    private static final int SCHEDULES = 32;
    /**
     * -Dbench.count=false leaves the pool unwrapped: the proxy that counts statements costs the
     * callbacks more than the baseline (they make more JDBC calls), so timed figures are taken without it.
     */
    private static final boolean COUNT = !"false".equals(System.getProperty("bench.count"));
    /** -Dbench.sql=true prints the statements of one callback (and one baseline call), in order. */
    private static final boolean PRINT_SQL = Boolean.getBoolean("bench.sql");
    private static volatile boolean printing;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The statements made on threads serving callbacks or the baseline, by their first word. */
    static final Map<String, AtomicLong> STATEMENTS = new LinkedHashMap<>();

    static {
        for (String kind : List.of("SELECT", "INSERT", "UPDATE", "DELETE", "OTHER")) {
            STATEMENTS.put(kind, new AtomicLong());
        }
    }

    /** The host's part: a runner that succeeds at once, and the pool counted by statement. */
    @Configuration(proxyBeanMethods = false)
    static class Host {

        @Bean
        NotebookRunner instantRunner() {
            return request -> {
                Instant now = Instant.now();
                return new NotebookRunner.Outcome(true, request.owner(), now, now, null);
            };
        }

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (COUNT && bean instanceof DataSource dataSource
                            && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
                        return ProxyDataSourceBuilder.create(dataSource).name("counted")
                                .afterQuery((execution, queries) -> queries.forEach(query -> count(query.getQuery())))
                                .build();
                    }
                    return bean;
                }
            };
        }

        private static void count(String sql) {
            String thread = Thread.currentThread().getName();
            if (!thread.startsWith("http-nio") && !thread.startsWith("baseline-")) {
                return; // the engine's and Quartz's own work, not a callback's
            }
            if (printing) {
                System.out.println("SQL [" + thread + "] " + sql);
            }
            String first = sql.stripLeading().split("\\s", 2)[0].toUpperCase();
            STATEMENTS.getOrDefault(first, STATEMENTS.get("OTHER")).incrementAndGet();
        }
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.of(args);
        String database = arguments.text(0, "h2");
        int seconds = arguments.number(1, 8);
        int rounds = arguments.number(2, 3);
        int[] concurrencies = arguments.numbers(3, "1,4,16");
        BenchmarkDatabase db = BenchmarkDatabase.create(database);
        Map<String, Object> properties = new HashMap<>(db.springDataSource());
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        properties.put("notebook.scheduler.callback-token", CALLBACK_TOKEN);
        properties.put("notebook.scheduler.security.tokens.bench.token", API_TOKEN);
        properties.put("notebook.scheduler.security.tokens.bench.roles", "ADMIN");
        properties.put("notebook.scheduler.relay.enabled", "false");
        properties.put("server.tomcat.threads.max", "32");
        // -Dbench.property.<name>=<value> sets any property of the app, to measure what it costs
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("bench.property."))
                .forEach(key -> properties.put(key.substring("bench.property.".length()), System.getProperty(key)));
        SpringApplication application = NotebookSchedulerApplication.application();
        application.addPrimarySources(List.of(Host.class));
        // as command-line arguments, over the standalone app's defaults
        String[] commandLine = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = application.run(commandLine)) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            DataSource pool = context.getBean(DataSource.class);
            Callbacks callbacks = new Callbacks(port, createSchedules(port));
            Baseline baseline = new Baseline(pool);
            int poolSize = context.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size",
                    Integer.class, 10);
            System.out.printf("callbacks on %s: %d schedules online, %d s a measurement, %d rounds, pool of %d%n",
                    database, SCHEDULES, seconds, rounds, poolSize);
            if (COUNT) {
                countStatements(callbacks, baseline);
                io.micrometer.core.instrument.Timer served = context.getBean(
                        io.micrometer.core.instrument.MeterRegistry.class).find("http.server.requests")
                        .tag("uri", "/api/schedule/execution").timer();
                System.out.printf("time in the server per callback, cold (http.server.requests): %.2f ms%n",
                        served.mean(java.util.concurrent.TimeUnit.MILLISECONDS));
            }
            // the JIT compiles the web, security and JPA stacks for a good while: measured before it is done,
            // a callback's CPU time is mostly the compiler's
            int warmUp = Integer.getInteger("bench.warmup", 30);
            System.out.printf("warming up for %d s each...%n", warmUp);
            measure(callbacks, 4, warmUp);
            measure(baseline, 4, Math.max(3, warmUp / 3));
            Map<Integer, List<Result>> ours = new LinkedHashMap<>();
            Map<Integer, List<Result>> raw = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                for (int concurrency : concurrencies) {
                    Result callback = measure(callbacks, concurrency, seconds);
                    Result rows = measure(baseline, concurrency, seconds);
                    ours.computeIfAbsent(concurrency, c -> new ArrayList<>()).add(callback);
                    raw.computeIfAbsent(concurrency, c -> new ArrayList<>()).add(rows);
                    System.out.printf("round %d, concurrency %2d: callbacks %6.0f/s (p50 %.2f ms, p99 %.2f ms,"
                            + " CPU %.2f ms, %.0f KB each); raw JDBC %6.0f/s (p50 %.2f ms, p99 %.2f ms, CPU %.2f ms,"
                            + " %.0f KB each); ratio %.2f%n", round, concurrency, callback.perSecond, callback.p50,
                            callback.p99, callback.cpuMs, callback.allocatedKb, rows.perSecond, rows.p50, rows.p99,
                            rows.cpuMs, rows.allocatedKb, callback.perSecond / rows.perSecond);
                }
            }
            System.out.println("medians over the rounds:");
            System.out.println("| concurrency | callbacks/s | p50 | p99 | CPU, KB a callback | raw JDBC/s | p50 | p99"
                    + " | CPU, KB a raw call | ratio (median of rounds, min–max) |");
            for (int concurrency : concurrencies) {
                List<Result> o = ours.get(concurrency);
                List<Result> r = raw.get(concurrency);
                List<Double> ratios = new ArrayList<>();
                for (int i = 0; i < o.size(); i++) {
                    ratios.add(o.get(i).perSecond / r.get(i).perSecond);
                }
                System.out.printf("| %d | %,.0f | %.2f ms | %.2f ms | %.2f ms, %.0f KB | %,.0f | %.2f ms | %.2f ms"
                        + " | %.2f ms, %.0f KB | %.2f× (%.2f–%.2f) |%n", concurrency, Medians.of(o, Result::perSecond),
                        Medians.of(o, Result::p50), Medians.of(o, Result::p99), Medians.of(o, Result::cpuMs),
                        Medians.of(o, Result::allocatedKb), Medians.of(r, Result::perSecond), Medians.of(r, Result::p50),
                        Medians.of(r, Result::p99), Medians.of(r, Result::cpuMs), Medians.of(r, Result::allocatedKb),
                        Medians.of(ratios, x -> x), Collections.min(ratios), Collections.max(ratios));
            }
        } finally {
            db.close();
        }
    }

    private static List<String> createSchedules(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SCHEDULES; i++) {
            String body = """
                    {"name": "bench-%d", "tasks": [{"name": "%s", "entity": {"type": "notebook", "id": "bench-%d"},
                     "parameters": {"region": "apac"}}],
                     "cron": {"expression": "0 6 1 1 *"},
                     "notifications": {"level": "all", "destinations": [{"url": "http://127.0.0.1:9/robot", "kind": "GENERIC"}]}}
                    """.formatted(i, TASK, i);
            HttpResponse<String> created = http.send(api(port, "/api/schedules")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            expect(created, 201);
            String id = JSON.readTree(created.body()).get("id").asString();
            expect(http.send(api(port, "/api/schedules/" + id + "/online").POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString()), 200);
            ids.add(id);
        }
        return ids;
    }

    private static HttpRequest.Builder api(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + API_TOKEN);
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** One kind of work, done once per call, from any number of threads. */
    interface Work {
        String label();

        void once(long sequence) throws Exception;
    }

    /** Callbacks as DolphinScheduler 1.3.9's HTTP task sends them, each a new run of one of the schedules. */
    static final class Callbacks implements Work {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final URI uri;
        private final List<String> bodies = new ArrayList<>();
        private final String prefix = UUID.randomUUID().toString().substring(0, 8);

        Callbacks(int port, List<String> scheduleIds) {
            this.uri = URI.create("http://127.0.0.1:" + port + "/api/schedule/execution");
            Secret key = Secret.of(CALLBACK_TOKEN, "callback-token");
            for (int i = 0; i < scheduleIds.size(); i++) {
                String id = scheduleIds.get(i);
                Map<String, String> body = new LinkedHashMap<>();
                body.put("schedule_id", id);
                body.put("task_name", TASK);
                body.put("token", CallbackCredential.of(key, ScheduleId.of(id), TASK));
                body.put("entity_type", "notebook");
                body.put("entity_id", "bench-" + i);
                body.put("owner", "bench");
                body.put("timeout", "3600");
                body.put("system.datetime", "20261204020000");
                body.put("run_key", "RUN_KEY");
                bodies.add(JSON.writeValueAsString(body));
            }
        }

        @Override
        public String label() {
            return "callbacks";
        }

        @Override
        public void once(long sequence) throws Exception {
            String body = bodies.get((int) (sequence % bodies.size())).replace("RUN_KEY", prefix + "-" + sequence);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json").header("Content-Encoding", "UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            expect(answer, 200);
        }
    }

    /** The three rows a recorded callback writes, inserted with plain JDBC in one transaction. */
    static final class Baseline implements Work {
        private static final String RESULT = "INSERT INTO execution_result (id, schedule_id, schedule_name, owner,"
                + " task_name, entity_type, entity_id, entity_name, run_key, attempt, status, executed_by, started_at,"
                + " finished_at, message, run_id, task_run_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        private static final String AUDIT = "INSERT INTO schedule_event (schedule_id, event_type, actor, occurred_at,"
                + " detail) VALUES (?,?,?,?,?)";
        private static final String NOTIFICATION = "INSERT INTO notification_outbox (id, schedule_id, execution_id,"
                + " target_url, target_redacted, target_kind, signing_secret, body, created_at, status, attempts,"
                + " next_attempt_at, last_error, delivered_at, claimed_by, lease_until, retry_since, attempts_at_replay)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        private static final String MESSAGE = "**bench-0** succeeded\nTask: report (notebook bench-0)\nOwner: bench\n"
                + "Started: 2026-12-04 10:00:00 (Asia/Shanghai)\nFinished: 2026-12-04 10:00:00\nDuration: 0s";

        private final DataSource pool;
        private final String scheduleId = UUID.randomUUID().toString();

        Baseline(DataSource pool) {
            this.pool = pool;
        }

        @Override
        public String label() {
            return "raw JDBC";
        }

        @Override
        public void once(long sequence) throws Exception {
            Timestamp now = Timestamp.from(Instant.now());
            String executionId = UUID.randomUUID().toString();
            try (Connection connection = pool.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement result = connection.prepareStatement(RESULT);
                        PreparedStatement audit = connection.prepareStatement(AUDIT);
                        PreparedStatement notification = connection.prepareStatement(NOTIFICATION)) {
                    Object[] resultRow = {executionId, scheduleId, "bench-0", "bench", TASK, "NOTEBOOK", "bench-0",
                            "bench-0", "raw-" + sequence + "-" + executionId.substring(0, 8), 1, "SUCCEEDED", "bench",
                            now, now, null, null, null};
                    bind(result, resultRow).executeUpdate();
                    bind(audit, new Object[] {scheduleId, "EXECUTION_RECORDED", "SCHEDULER", now,
                            "task 'report' attempt 1 of run raw-" + sequence + " succeed"}).executeUpdate();
                    bind(notification, new Object[] {UUID.randomUUID().toString(), scheduleId, executionId,
                            "http://127.0.0.1:9/robot", "http://127.0.0.1:9/robot", "GENERIC", null, MESSAGE, now,
                            "PENDING", 0, now, null, null, null, null, now, 0}).executeUpdate();
                    connection.commit();
                } catch (Exception e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            }
        }

        private static PreparedStatement bind(PreparedStatement statement, Object[] values) throws Exception {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement;
        }
    }

    /**
     * @param cpuMs       the whole process's CPU time per call, the client's included
     * @param allocatedKb what the whole process's threads allocated per call, the client's included:
     *                    steadier than time on a shared machine
     */
    record Result(double perSecond, double p50, double p99, double cpuMs, double allocatedKb) {
    }

    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management
                .ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, bytes);
        }
        return total;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** {@code concurrency} threads doing the work back to back for {@code seconds}; every call must succeed. */
    private static Result measure(Work work, int concurrency, int seconds) throws Exception {
        AtomicLong sequence = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService threads = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "baseline-" + UUID.randomUUID());
            if (work instanceof Callbacks) {
                thread.setName("client-" + thread.getName());
            }
            return thread;
        });
        List<Future<List<Long>>> running = new ArrayList<>();
        long cpuBefore = processCpuNanos();
        long allocatedBefore = allocatedBytes();
        long started = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            running.add(threads.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                    long before = System.nanoTime();
                    work.once(sequence.incrementAndGet());
                    latencies.add(System.nanoTime() - before);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> thread : running) {
            all.addAll(thread.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        double cpuMs = (processCpuNanos() - cpuBefore) / 1e6 / all.size();
        double allocatedKb = (allocatedBytes() - allocatedBefore) / 1024.0 / all.size();
        threads.shutdown();
        Collections.sort(all);
        return new Result(all.size() / elapsed, all.get(all.size() / 2) / 1e6,
                all.get(Math.min(all.size() - 1, (int) Math.ceil(all.size() * 0.99) - 1)) / 1e6, cpuMs,
                allocatedKb);
    }

    /** 200 of each, one after the other, and the statements each one made. */
    private static void countStatements(Work... kinds) throws Exception {
        ExecutorService counted = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "baseline-count"));
        for (Work work : kinds) {
            Map<String, Long> before = snapshot();
            counted.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    printing = PRINT_SQL && i == 100;
                    work.once(1_000_000_000L + i);
                    printing = false;
                }
                return null;
            }).get();
            Map<String, Long> after = snapshot();
            StringBuilder line = new StringBuilder(work.label() + ": SQL statements per call:");
            after.forEach((kind, count) -> {
                double each = (count - before.get(kind)) / 200.0;
                if (each > 0) {
                    line.append(String.format(" %s %.2f", kind, each));
                }
            });
            System.out.println(line);
        }
        counted.shutdown();
    }

    private static Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        STATEMENTS.forEach((kind, count) -> counts.put(kind, count.get()));
        return counts;
    }
}
