package org.notebookscheduler.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.notebookscheduler.application.port.out.CurrentUser;
import org.notebookscheduler.application.port.out.NotebookRunner;
import org.notebookscheduler.adapters.embedded.QuartzSchedulers;
import org.notebookscheduler.adapters.persistence.NotebookSchedulerSchema;
import org.notebookscheduler.application.service.ScheduleService;
import org.notebookscheduler.benchmarks.support.Arguments;
import org.notebookscheduler.benchmarks.support.BenchmarkDatabase;
import org.notebookscheduler.benchmarks.support.Medians;
import org.notebookscheduler.bootstrap.NotebookSchedulerApplication;
import org.notebookscheduler.bootstrap.config.SchedulerProperties;
import org.notebookscheduler.domain.schedule.CronSpec;
import org.notebookscheduler.domain.schedule.EntityRef;
import org.notebookscheduler.domain.schedule.EntityType;
import org.notebookscheduler.domain.schedule.RunSettings;
import org.notebookscheduler.domain.schedule.ScheduleDefinition;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.notebookscheduler.domain.schedule.ScheduledTask;
import org.notebookscheduler.domain.shared.Actor;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The embedded engine under a burst: {@code schedules} schedules of one task each, all due in the
 * same minute, on one instance and on two clustered instances sharing the database. Measured from
 * the scheduled fire time: when the host's runner is asked to run each task (trigger-to-task-start
 * latency, p50, p99 and max), and when the engine records the last run as ended (runs per second).
 * Every schedule must run exactly once for that fire time, on one instance only: anything else is
 * printed with the round and fails the run at its end (after the baseline, whose behaviour on the
 * same database tells whether the fault is the engine's or Quartz's).
 *
 * <p>The baseline, in the same run and alternating with the engine, is bare Quartz as the engine
 * configures it (same version, JDBC job store, clustered, as many threads, the same check-in and
 * misfire threshold, a database of its own on the same server): as many cron triggers due in the
 * same minute, each firing a job that only notes when it started. The engine's figures are then
 * ratios to it: what the engine adds to Quartz's own firing.
 *
 * <p>The engine is the standalone app, whole (Spring Security, the outbox relay and all), with a
 * runner that notes the moment and succeeds at once; each instance is an application context of
 * its own with its own instance id, as two processes would be. Schedules are created and put online
 * through the module's {@link ScheduleService}, as the REST API does, with a daily cron naming the
 * target minute. Every round has fresh databases, so no round's runs or triggers meet another's.
 *
 * <p>On both sides the statements sent to the database while the burst runs are counted by the
 * kind of thread that sent them (Quartz's acquiring thread, Quartz's job threads, the engine's run
 * and task threads, the rest), per run: where the time goes.
 *
 * <p>Arguments: {@code h2|mariadb|postgresql [schedules] [rounds] [instances] [property=value...]},
 * e.g. {@code mariadb 1000 2 1,2}. MariaDB and PostgreSQL are the local servers (127.0.0.1, root
 * or postgres, no password); each round's databases are created and dropped here. Properties after
 * the instances go to every engine instance, e.g. {@code notebook.scheduler.embedded.quartz-threads=8};
 * the baseline follows the engine's Quartz threads, check-in and misfire threshold.
 */
public final class EmbeddedEngineBenchmark {

    /** HikariCP's default, which the app's pool keeps: the baseline's Quartz gets as many connections. */
    private static final int SPRING_BOOT_POOL_SIZE = 10;
    /** Schedules created, put online and run once before each measurement: warms the JIT, and times the setup. */
    private static final int WARM_UP = 50;
    /** Threads creating schedules: setup is not measured, only made short enough to come before the fire time. */
    private static final int SETUP_THREADS = 4;
    /** How long a double fire may come after the last expected run and still be caught. */
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(10);
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private EmbeddedEngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.of(args);
        String database = arguments.text(0, "mariadb");
        int schedules = arguments.number(1, 1000);
        int rounds = arguments.number(2, 2);
        int[] clusterSizes = arguments.numbers(3, "1,2");
        List<String> engineProperties = arguments.from(4);
        System.out.printf("embedded engine on %s: %d schedules due in the same minute, %d rounds, clusters of %s,"
                + " against bare Quartz%s%n", database, schedules, rounds, Arrays.toString(clusterSizes),
                engineProperties.isEmpty() ? "" : "; engine set with " + engineProperties);
        Map<Integer, List<Outcome>> engine = new TreeMap<>();
        Map<Integer, List<Outcome>> baseline = new TreeMap<>();
        QuartzShape shape = null;
        List<String> failures = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (int instances : clusterSizes) {
                // every other round the baseline goes first, so a drift in the machine's load favours neither
                boolean baselineFirst = round % 2 == 0 && shape != null;
                Outcome bare = baselineFirst ? baselineRound(database, schedules, instances, round, shape) : null;
                EngineRound measured = engineRound(database, schedules, instances, round, engineProperties);
                shape = measured.shape();
                if (bare == null) {
                    bare = baselineRound(database, schedules, instances, round, shape);
                }
                String where = "round " + round + ", " + instances + " instance(s), ";
                measured.outcome().violations().forEach(violation -> failures.add(where + "engine: " + violation));
                bare.violations().forEach(violation -> failures.add(where + "bare Quartz: " + violation));
                engine.computeIfAbsent(instances, n -> new ArrayList<>()).add(measured.outcome());
                baseline.computeIfAbsent(instances, n -> new ArrayList<>()).add(bare);
                System.out.printf("round %d, %d instance(s): engine %s%n    of which before the engine recorded the"
                        + " run (Quartz's firing and the hand-over): p50 %,.0f ms, p99 %,.0f ms%n    baseline %s%n"
                        + "    ratios engine / baseline: latency p50 %.2fx, p99 %.2fx; rate %.2fx%n", round, instances,
                        measured.outcome(), measured.quartzPart().p50(), measured.quartzPart().p99(), bare,
                        measured.outcome().latency().p50() / bare.latency().p50(),
                        measured.outcome().latency().p99() / bare.latency().p99(),
                        measured.outcome().perSecond() / bare.perSecond());
            }
        }
        System.out.printf("baseline: bare Quartz, JobStoreTX, clustered, %s%n", shape);
        System.out.println("medians over the rounds (latency from the scheduled fire time to the task's start):");
        System.out.println("| instances | engine p50 / p99 / max | engine runs/s | Quartz p50 / p99 / max | Quartz runs/s"
                + " | latency p50 ratio | latency p99 ratio | rate ratio | misfires (engine, Quartz) |");
        for (int instances : engine.keySet()) {
            List<Outcome> ours = engine.get(instances);
            List<Outcome> bare = baseline.get(instances);
            List<Double> p50Ratios = new ArrayList<>();
            List<Double> p99Ratios = new ArrayList<>();
            List<Double> rateRatios = new ArrayList<>();
            for (int i = 0; i < ours.size(); i++) {
                p50Ratios.add(ours.get(i).latency().p50() / bare.get(i).latency().p50());
                p99Ratios.add(ours.get(i).latency().p99() / bare.get(i).latency().p99());
                rateRatios.add(ours.get(i).perSecond() / bare.get(i).perSecond());
            }
            System.out.printf("| %d | %,.0f / %,.0f / %,.0f ms | %.0f | %,.0f / %,.0f / %,.0f ms | %.0f | %.2fx | %.2fx"
                    + " | %.2fx | %d, %d |%n", instances, Medians.of(ours, o -> o.latency().p50()),
                    Medians.of(ours, o -> o.latency().p99()), Medians.of(ours, o -> o.latency().max()),
                    Medians.of(ours, Outcome::perSecond), Medians.of(bare, o -> o.latency().p50()),
                    Medians.of(bare, o -> o.latency().p99()), Medians.of(bare, o -> o.latency().max()),
                    Medians.of(bare, Outcome::perSecond), Medians.of(p50Ratios, x -> x), Medians.of(p99Ratios, x -> x),
                    Medians.of(rateRatios, x -> x), ours.stream().mapToInt(Outcome::misfired).sum(),
                    bare.stream().mapToInt(Outcome::misfired).sum());
        }
        if (!failures.isEmpty()) {
            // loud, and after the figures: the baseline's behaviour on the same database tells whose fault it is
            throw new IllegalStateException("a trigger did not fire exactly once:\n" + String.join("\n", failures));
        }
    }

    // ---------------------------------------------------------------- the engine

    /** @param quartzPart from the fire time to the engine's recording of the run: Quartz's firing and the hand-over */
    record EngineRound(Outcome outcome, Latency quartzPart, QuartzShape shape) {
    }

    private static EngineRound engineRound(String database, int schedules, int instances, int round,
            List<String> engineProperties) throws Exception {
        BenchmarkDatabase db = BenchmarkDatabase.create(database);
        Map<String, Object> datasource = db.springDataSource();
        Starts starts = new Starts();
        StatementCounts statements = new StatementCounts();
        List<ConfigurableApplicationContext> cluster = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                cluster.add(startInstance(datasource, engineProperties, "bench-r" + round + "-" + (char) ('a' + i),
                        starts, statements));
            }
            ConfigurableApplicationContext first = cluster.get(0);
            ScheduleService service = first.getBean(ScheduleService.class);
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            SchedulerProperties.Embedded embedded = first.getBean(SchedulerProperties.class).embedded();
            QuartzShape shape = new QuartzShape(embedded.quartzThreads(), embedded.clusterCheckin(),
                    embedded.misfireThreshold(), embedded.workers());

            // warm-up: a few schedules created, put online (on a cron that will not fire now) and run at once
            Duration warmUpSetup = timed(() -> inParallel(WARM_UP, i -> {
                ScheduleId id = createOnline(service, "warmup-" + i, "0 0 0 1 1 ?");
                service.runNow(id);
            }));
            awaitCount("the warm-up runs", WARM_UP, Instant.now().plus(GIVE_UP_AFTER), starts::count);
            awaitCount("the warm-up runs to end", WARM_UP, Instant.now().plus(GIVE_UP_AFTER), () -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM engine_run WHERE ended_at IS NOT NULL", Integer.class));
            starts.clear();

            Instant target = targetMinute(warmUpSetup.multipliedBy(schedules).dividedBy(WARM_UP));
            String cron = dailyAt(target);
            Instant setupStarted = Instant.now();
            inParallel(schedules, i -> createOnline(service, "bench-" + i, cron));
            Instant setupEnded = Instant.now();
            assertBeforeFireTime(target, setupEnded, schedules, setupStarted);
            statements.reset();

            Instant giveUp = target.plus(GIVE_UP_AFTER);
            awaitCount("the runner to be called for every schedule", schedules, giveUp, starts::count);
            awaitCount("every run to end", schedules, giveUp, () -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM engine_run WHERE scheduled_for IS NOT NULL AND ended_at IS NOT NULL",
                    Integer.class));
            Thread.sleep(SETTLE.toMillis());

            List<EngineRun> runs = jdbc.query("SELECT schedule_id, scheduled_for, started_at, ended_at, state FROM"
                    + " engine_run WHERE scheduled_for IS NOT NULL", (row, number) -> new EngineRun(
                            row.getString("schedule_id"), instant(row.getObject("scheduled_for", LocalDateTime.class)),
                            instant(row.getObject("started_at", LocalDateTime.class)),
                            instant(row.getObject("ended_at", LocalDateTime.class)), row.getString("state")));
            Instant lastEnded = runs.stream().map(EngineRun::endedAt).filter(Objects::nonNull)
                    .max(Instant::compareTo).orElseThrow();
            Outcome outcome = Outcome.of(starts.all(), schedules, target, lastEnded, statements.perRun(schedules))
                    .alsoViolating(engineRecordViolations(runs, schedules));
            Latency quartzPart = Latency.of(runs.stream().map(run -> Duration.between(target, run.startedAt())).toList());
            return new EngineRound(outcome, quartzPart, shape);
        } finally {
            for (int i = cluster.size() - 1; i >= 0; i--) {
                cluster.get(i).close();
            }
            db.close();
        }
    }

    /** One instance of the standalone app: its own context, pool, Quartz scheduler and run launcher. */
    private static ConfigurableApplicationContext startInstance(Map<String, Object> datasource,
            List<String> engineProperties, String instanceId, Starts starts, StatementCounts statements) {
        SpringApplication application = NotebookSchedulerApplication.application();
        application.addInitializers(context -> {
            context.getBeanFactory().registerSingleton("benchmarkRunner", new RecordingRunner(starts, instanceId));
            context.getBeanFactory().registerSingleton("benchmarkUser", (CurrentUser) () -> new Actor("bench", true));
            context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource pool && !(bean instanceof ProxyDataSource)
                            ? statements.counting(pool) : bean;
                }
            });
        });
        List<String> arguments = new ArrayList<>();
        datasource.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.addAll(List.of("--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--notebook.scheduler.embedded.instance-id=" + instanceId,
                // an API user of its own, so that the app does not write an initial admin password to ./data
                "--notebook.scheduler.security.tokens.bench.token=bench-" + UUID.randomUUID(),
                "--notebook.scheduler.security.tokens.bench.roles=ADMIN"));
        engineProperties.forEach(property -> arguments.add("--" + property));
        return application.run(arguments.toArray(String[]::new));
    }

    private static ScheduleId createOnline(ScheduleService service, String entityId, String cron) {
        CronSpec daily = CronSpec.of(cron, LocalDateTime.now(ZoneOffset.UTC).minusDays(1), null, ZoneOffset.UTC);
        ScheduleDefinition definition = new ScheduleDefinition(entityId, null,
                List.of(ScheduledTask.of("run", new EntityRef(EntityType.NOTEBOOK, entityId, entityId))), daily,
                RunSettings.defaults());
        ScheduleId id = service.create(definition).schedule().id();
        service.online(id);
        return id;
    }

    /** The host's runner: notes which schedule's fire it was asked to run, where and when, and succeeds at once. */
    record RecordingRunner(Starts starts, String instanceId) implements NotebookRunner {

        @Override
        public Outcome run(Request request) {
            Instant now = Instant.now();
            // the engine passes the fire time as DolphinScheduler does, in the cron's zone (UTC here)
            Instant fireTime = LocalDateTime.parse(request.parameters().get("system.datetime"), DATETIME)
                    .toInstant(ZoneOffset.UTC);
            starts.started(request.entity().id(), fireTime, instanceId, now);
            return new Outcome(true, request.owner(), now, now, null);
        }
    }

    record EngineRun(String scheduleId, Instant scheduledFor, Instant startedAt, Instant endedAt, String state) {
    }

    /** Where the engine's own record disagrees with one succeeded run per schedule and fire time. */
    private static List<String> engineRecordViolations(List<EngineRun> runs, int schedules) {
        List<String> violations = new ArrayList<>();
        Map<String, List<EngineRun>> perScheduleAndTime = runs.stream().collect(Collectors.groupingBy(
                run -> run.scheduleId() + " at " + run.scheduledFor()));
        List<List<EngineRun>> twice = perScheduleAndTime.values().stream().filter(same -> same.size() > 1).toList();
        if (!twice.isEmpty()) {
            violations.add("the engine recorded " + twice.size() + " fires more than once, e.g. " + twice.get(0));
        }
        long distinctSchedules = runs.stream().map(EngineRun::scheduleId).distinct().count();
        if (distinctSchedules != schedules) {
            violations.add("the engine recorded runs of " + distinctSchedules + " schedules, not " + schedules);
        }
        Map<String, Long> byState = runs.stream().collect(Collectors.groupingBy(EngineRun::state, Collectors.counting()));
        if (!byState.keySet().equals(Set.of("SUCCEEDED"))) {
            violations.add("every run should have succeeded; the engine recorded " + byState);
        }
        return violations;
    }

    // ---------------------------------------------------------------- the baseline

    /** The engine's Quartz settings, which the baseline copies; workers is the engine's own task pool. */
    record QuartzShape(int threads, Duration checkin, Duration misfireThreshold, int workers) {
        @Override
        public String toString() {
            return threads + " Quartz threads, check-in every " + checkin.toMillis() + " ms, misfire threshold "
                    + misfireThreshold.toSeconds() + " s, triggers acquired under the cluster lock (the engine's;"
                    + " its task workers: " + workers + ")";
        }
    }

    private static Outcome baselineRound(String database, int schedules, int instances, int round, QuartzShape shape)
            throws Exception {
        BenchmarkDatabase db = BenchmarkDatabase.create(database);
        Map<String, Object> datasource = db.springDataSource();
        String url = db.url();
        String user = db.user();
        Starts starts = new Starts();
        StatementCounts statements = new StatementCounts();
        List<Scheduler> cluster = new ArrayList<>();
        List<HikariDataSource> pools = new ArrayList<>();
        try {
            // the module's own schema, so that Quartz's tables are exactly the engine's (NS_QRTZ_)
            new NotebookSchedulerSchema(new DriverManagerDataSource(url, user, "")).afterPropertiesSet();
            for (int i = 0; i < instances; i++) {
                // a pool per instance, as each app instance has its own
                HikariDataSource pool = new HikariDataSource();
                pool.setJdbcUrl(url);
                pool.setUsername(user);
                pool.setPassword("");
                pool.setMaximumPoolSize(SPRING_BOOT_POOL_SIZE);
                pools.add(pool);
                cluster.add(bareQuartz(statements.counting(pool), "baseline-r" + round + "-"
                        + (char) ('a' + i), shape, starts));
            }
            Scheduler first = cluster.get(0);

            // warm-up, as for the engine: jobs scheduled and fired at once (not durable: they go once fired)
            Duration warmUpSetup = timed(() -> inParallel(WARM_UP, i -> quartz(() -> first.scheduleJob(
                    JobBuilder.newJob(RecordStart.class).withIdentity("warmup-" + i).build(),
                    TriggerBuilder.newTrigger().withIdentity("warmup-" + i).startNow().build()))));
            awaitCount("the warm-up jobs", WARM_UP, Instant.now().plus(GIVE_UP_AFTER), starts::count);
            starts.clear();

            Instant target = targetMinute(warmUpSetup.multipliedBy(schedules).dividedBy(WARM_UP));
            String cron = dailyAt(target);
            Instant setupStarted = Instant.now();
            // as the engine has them: a durable job per schedule and a cron trigger that fires once and proceeds on a misfire
            inParallel(schedules, i -> quartz(() -> first.scheduleJob(JobBuilder.newJob(RecordStart.class)
                    .withIdentity("bench-" + i).storeDurably().build(), TriggerBuilder.newTrigger()
                    .withIdentity("bench-" + i).withSchedule(CronScheduleBuilder.cronSchedule(cron)
                            .inTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC))
                            .withMisfireHandlingInstructionFireAndProceed()).startNow().build())));
            assertBeforeFireTime(target, Instant.now(), schedules, setupStarted);
            statements.reset();

            awaitCount("every job to run", schedules, target.plus(GIVE_UP_AFTER), starts::count);
            Thread.sleep(SETTLE.toMillis());
            return Outcome.of(starts.all(), schedules, target, starts.lastFinished(), statements.perRun(schedules));
        } finally {
            for (Scheduler scheduler : cluster) {
                scheduler.shutdown(true);
            }
            pools.forEach(HikariDataSource::close);
            db.close();
        }
    }

    /**
     * Quartz as the engine has it: {@link QuartzSchedulers}, on a pool as large as the app's, with the
     * engine's threads, check-in and misfire threshold; firing a job that only notes its start. Started.
     */
    private static Scheduler bareQuartz(DataSource dataSource, String instanceId, QuartzShape shape, Starts starts)
            throws SchedulerException {
        Scheduler scheduler = QuartzSchedulers.clustered(dataSource, instanceId, shape.threads(), shape.checkin(),
                shape.misfireThreshold());
        scheduler.getContext().put(RecordStart.STARTS, starts);
        scheduler.start();
        return scheduler;
    }

    /** The baseline's job: notes which trigger fired for which time, where and when, and does nothing else. */
    public static final class RecordStart implements Job {

        static final String STARTS = "benchmark.starts";

        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            Instant now = Instant.now();
            try {
                Starts starts = (Starts) context.getScheduler().getContext().get(STARTS);
                starts.started(context.getJobDetail().getKey().getName(), context.getScheduledFireTime().toInstant(),
                        context.getScheduler().getSchedulerInstanceId(), now);
                starts.finished(Instant.now());
            } catch (SchedulerException e) {
                throw new JobExecutionException(e);
            }
        }
    }

    private interface QuartzCall {
        void run() throws SchedulerException;
    }

    private static void quartz(QuartzCall call) {
        try {
            call.run();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- what both sides measure

    /** One task (or job) start: the schedule, the fire time it ran for, the instance and when. */
    record Start(String schedule, Instant fireTime, String instance, Instant at) {
    }

    /** Every start of a round, from any instance; and, for the baseline, when the last job finished. */
    static final class Starts {
        private final ConcurrentLinkedQueue<Start> starts = new ConcurrentLinkedQueue<>();
        private final AtomicReference<Instant> lastFinished = new AtomicReference<>(Instant.EPOCH);

        void started(String schedule, Instant fireTime, String instance, Instant at) {
            starts.add(new Start(schedule, fireTime, instance, at));
        }

        void finished(Instant at) {
            lastFinished.accumulateAndGet(at, (a, b) -> a.isAfter(b) ? a : b);
        }

        int count() {
            return starts.size();
        }

        List<Start> all() {
            return List.copyOf(starts);
        }

        Instant lastFinished() {
            return lastFinished.get();
        }

        void clear() {
            starts.clear();
            lastFinished.set(Instant.EPOCH);
        }
    }

    /** In milliseconds. */
    record Latency(double p50, double p99, double max) {

        static Latency of(List<Duration> durations) {
            List<Double> millis = durations.stream().map(duration -> duration.toNanos() / 1e6).sorted().toList();
            return new Latency(percentile(millis, 50), percentile(millis, 99), millis.get(millis.size() - 1));
        }

        /** Nearest rank. */
        private static double percentile(List<Double> sorted, int percent) {
            int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
            return sorted.get(Math.max(0, rank - 1));
        }
    }

    /**
     * A round's figures. Latency is from the minute every trigger was due, also for a fire Quartz
     * treated as a misfire (then it fires once, late, and reports the late time as its fire time:
     * those are counted in {@code misfired}).
     *
     * @param perSecond  runs over the time from the fire time to the last run's end
     * @param byInstance how many each instance ran
     */
    record Outcome(Latency latency, double perSecond, int misfired, Map<String, Long> byInstance,
            List<String> violations, Map<String, Double> statementsPerRun) {

        /**
         * The violations say where a schedule did not start exactly once (counted per schedule and
         * fire time, and per schedule: a misfire would fire it for a second time of its own).
         */
        static Outcome of(List<Start> starts, int schedules, Instant target, Instant lastFinished,
                Map<String, Double> statementsPerRun) {
            List<String> violations = new ArrayList<>();
            Map<String, List<Start>> bySchedule = starts.stream().collect(Collectors.groupingBy(Start::schedule));
            List<String> twice = bySchedule.entrySet().stream().filter(entry -> entry.getValue().size() > 1)
                    .map(entry -> entry.getKey() + " " + entry.getValue()).toList();
            if (!twice.isEmpty()) {
                violations.add(twice.size() + " schedules started more than once, e.g. " + twice.get(0));
            }
            if (bySchedule.size() != schedules) {
                violations.add("only " + bySchedule.size() + " of " + schedules + " schedules started");
            }
            int misfired = (int) starts.stream().filter(start -> !start.fireTime().equals(target)).count();
            Latency latency = Latency.of(starts.stream().map(start -> Duration.between(target, start.at())).toList());
            double seconds = Duration.between(target, lastFinished).toNanos() / 1e9;
            Map<String, Long> byInstance = starts.stream().collect(Collectors.groupingBy(Start::instance, TreeMap::new,
                    Collectors.counting()));
            return new Outcome(latency, schedules / seconds, misfired, byInstance, List.copyOf(violations),
                    statementsPerRun);
        }

        Outcome alsoViolating(List<String> more) {
            List<String> all = new ArrayList<>(violations);
            all.addAll(more);
            return new Outcome(latency, perSecond, misfired, byInstance, List.copyOf(all), statementsPerRun);
        }

        @Override
        public String toString() {
            String statements = statementsPerRun.entrySet().stream()
                    .map(entry -> String.format("%s %.1f", entry.getKey(), entry.getValue()))
                    .collect(Collectors.joining(", "));
            return String.format("latency p50 %,.0f ms, p99 %,.0f ms, max %,.0f ms; %.0f runs/s; misfired %d; by"
                    + " instance %s%n    SQL statements per run, by thread: %s%s", latency.p50(), latency.p99(),
                    latency.max(), perSecond, misfired, byInstance, statements,
                    violations.isEmpty() ? "" : "\n    NOT EXACTLY ONCE: " + String.join("; ", violations));
        }
    }

    /**
     * The statements run on a data source, by the kind of thread that ran them (from the thread
     * names Quartz and the engine give their threads). The same datasource-proxy listener as the
     * callback benchmark's, on the app's pool and on the baseline's, so both are counted alike.
     */
    static final class StatementCounts {
        private final Map<String, LongAdder> byThread = new ConcurrentHashMap<>();

        DataSource counting(DataSource target) {
            return ProxyDataSourceBuilder.create(target).name("counted")
                    .afterQuery((execution, queries) -> byThread.computeIfAbsent(
                            kindOf(Thread.currentThread().getName()), kind -> new LongAdder()).add(queries.size()))
                    .build();
        }

        /** Quartz names its threads after the scheduler; the engine names its pools notebook-scheduler-*. */
        private static String kindOf(String thread) {
            if (thread.endsWith("_QuartzSchedulerThread")) {
                return "Quartz acquiring";
            }
            if (thread.contains("_Worker-")) {
                return "Quartz jobs";
            }
            if (thread.startsWith("notebook-scheduler-fire-")) {
                return "engine fires";
            }
            if (thread.startsWith("notebook-scheduler-run-")) {
                return "engine runs";
            }
            if (thread.startsWith("notebook-scheduler-task-")) {
                return "engine tasks";
            }
            if (thread.startsWith("notebook-scheduler-engine-timer")) {
                return "engine heartbeat";
            }
            return "other";
        }

        void reset() {
            byThread.clear();
        }

        Map<String, Double> perRun(int runs) {
            Map<String, Double> perRun = new TreeMap<>();
            byThread.forEach((kind, count) -> perRun.put(kind, count.doubleValue() / runs));
            return perRun;
        }
    }

    // ---------------------------------------------------------------- timing the rounds

    /**
     * The first whole minute after the setup is expected to end, allowing half as long again and
     * 10 s: every trigger must be in place before it fires, or it would wait for tomorrow.
     */
    private static Instant targetMinute(Duration expectedSetup) {
        Instant earliest = Instant.now().plus(expectedSetup.multipliedBy(3).dividedBy(2)).plusSeconds(10);
        return earliest.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    }

    /** A daily Quartz cron for the target's minute, in UTC. */
    private static String dailyAt(Instant target) {
        ZonedDateTime at = target.atZone(ZoneOffset.UTC);
        return "0 " + at.getMinute() + " " + at.getHour() + " * * ?";
    }

    private static void assertBeforeFireTime(Instant target, Instant setupEnded, int schedules, Instant setupStarted) {
        Duration took = Duration.between(setupStarted, setupEnded);
        if (!setupEnded.isBefore(target.minusSeconds(1))) {
            throw new IllegalStateException("setting up " + schedules + " schedules took " + took.toSeconds()
                    + " s and ended after their fire time " + target + "; the estimate from the warm-up was too short");
        }
        System.out.printf("  %d schedules set up in %.1f s (%.0f a second); they fire at %s, %.0f s later%n", schedules,
                took.toMillis() / 1000.0, schedules * 1000.0 / Math.max(1, took.toMillis()), target,
                Duration.between(setupEnded, target).toMillis() / 1000.0);
    }

    private static void awaitCount(String what, int expected, Instant giveUp, IntSupplier count)
            throws InterruptedException {
        int seen;
        while ((seen = count.getAsInt()) < expected) {
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("gave up waiting for " + what + ": " + seen + " of " + expected);
            }
            Thread.sleep(200);
        }
    }

    private static void inParallel(int count, IntConsumer each) {
        ExecutorService threads = Executors.newFixedThreadPool(SETUP_THREADS);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                int index = i;
                done.add(threads.submit(() -> each.accept(index)));
            }
            for (Future<?> one : done) {
                one.get();
            }
        } catch (Exception e) {
            // what has not started is dropped; what has is let finish: an interrupt would close its connection
            done.forEach(one -> one.cancel(false));
            throw new IllegalStateException("setting up failed", e);
        } finally {
            threads.shutdown();
            try {
                threads.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Duration timed(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
