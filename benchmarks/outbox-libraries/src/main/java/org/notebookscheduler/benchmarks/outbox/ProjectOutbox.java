package org.notebookscheduler.benchmarks.outbox;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import org.notebookscheduler.adapters.persistence.PersistenceConfiguration;
import org.notebookscheduler.application.port.out.AuditLog;
import org.notebookscheduler.application.port.out.DeliveryOutcome;
import org.notebookscheduler.application.port.out.DestinationPacing;
import org.notebookscheduler.application.port.out.NotificationOutbox;
import org.notebookscheduler.application.port.out.NotificationSender;
import org.notebookscheduler.application.port.out.Transactions;
import org.notebookscheduler.application.service.NotificationRelayService;
import org.notebookscheduler.application.settings.RelaySettings;
import org.notebookscheduler.benchmarks.support.BenchmarkDatabase;
import org.notebookscheduler.domain.execution.ExecutionId;
import org.notebookscheduler.domain.notification.DeliveryBackoff;
import org.notebookscheduler.domain.notification.Notification;
import org.notebookscheduler.domain.notification.WebhookTarget;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * This project's outbox: the real JPA {@link NotificationOutbox} and {@link NotificationRelayService},
 * as {@code OutboxRelayBenchmark} drives them, delivering through a {@link NotificationSender} that
 * posts to the sink. Every notification goes to the one robot at the sink's address; it is of the
 * generic kind, which has no documented rate, so no pacing slows the relay down.
 */
final class ProjectOutbox implements Contender {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(PersistenceConfiguration.class)
    static class Application {
    }

    /** Rows written per staging transaction; staging is not timed, this only keeps it short. */
    private static final int STAGED_PER_TRANSACTION = 100;
    /**
     * -Dbench.breakdown=true times every call the relays make to the outbox, the pacing, the sender
     * and the transactions around them, to say where a relay's time goes; off by default, so that the figures carry no
     * instrument.
     */
    private static final boolean BREAKDOWN = Boolean.getBoolean("bench.breakdown");

    private final CallTimes callTimes = new CallTimes();
    private final ConfigurableApplicationContext context;
    private final NotificationOutbox outbox;
    private final DestinationPacing pacing;
    private final Transactions transactions;
    private final NotificationSender sender;
    private final WebhookTarget robot;
    private final int batchSize;

    private ProjectOutbox(ConfigurableApplicationContext context, LoopbackSink sink, int batchSize) {
        this.context = context;
        this.outbox = timed(NotificationOutbox.class, context.getBean(NotificationOutbox.class), "outbox.");
        this.pacing = timed(DestinationPacing.class, context.getBean(DestinationPacing.class), "pacing.");
        // timed as a whole: the difference from the calls made within is the transactions' own cost
        this.transactions = timed(Transactions.class, context.getBean(Transactions.class), "transactions.");
        NotificationSender toSink = (target, text) -> {
            try {
                sink.deliver(text);
                return new DeliveryOutcome.Delivered();
            } catch (RuntimeException e) {
                return new DeliveryOutcome.Retryable(e.getMessage(), Optional.empty());
            }
        };
        this.sender = timed(NotificationSender.class, toSink, "sender.");
        this.robot = WebhookTarget.of(sink.uri().toString(), null, null, "url");
        this.batchSize = batchSize;
    }

    static ProjectOutbox start(BenchmarkDatabase database, int poolSize, LoopbackSink sink, int batchSize) {
        Map<String, Object> properties = new HashMap<>(database.springDataSource(poolSize, "project"));
        properties.put("spring.jpa.hibernate.ddl-auto", "validate");
        properties.put("spring.jpa.open-in-view", "false");
        ConfigurableApplicationContext context = SpringContexts.run(Application.class, properties,
                List.of("org.springframework.modulith."), Map.of());
        return new ProjectOutbox(context, sink, batchSize);
    }

    @Override
    public String name() {
        return "this project";
    }

    @Override
    public void stage(List<String> messages) {
        // written a millisecond apart, oldest first, as a backlog built up over time would be
        Instant oldest = Instant.now().minusMillis(messages.size());
        for (int from = 0; from < messages.size(); from += STAGED_PER_TRANSACTION) {
            int first = from;
            List<String> chunk = messages.subList(from, Math.min(from + STAGED_PER_TRANSACTION, messages.size()));
            transactions.run(() -> {
                for (int row = 0; row < chunk.size(); row++) {
                    outbox.enqueue(Notification.pending(ScheduleId.newId(), ExecutionId.newId(), robot, chunk.get(row),
                            oldest.plusMillis(first + row)));
                }
            });
        }
        callTimes.reset();
    }

    @Override
    public Relay newRelay(int number) {
        NotificationRelayService relay = new NotificationRelayService(outbox, context.getBean(AuditLog.class),
                transactions, pacing, sender, new RelaySettings("bench-" + number, Duration.ofMinutes(2), batchSize, DeliveryBackoff.defaults(),
                        Duration.ofDays(7)),
                Clock.systemUTC(), () -> 0.5);
        return () -> relay.relayDue().claimed() > 0;
    }

    @Override
    public void clear() {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        jdbc.update("DELETE FROM notification_attempt");
        jdbc.update("DELETE FROM notification_outbox");
    }

    @Override
    public Optional<String> timeBreakdown() {
        return BREAKDOWN ? Optional.of(callTimes.toString()) : Optional.empty();
    }

    /** With {@link #BREAKDOWN}, the same object behind a proxy that adds each call's time to {@link #callTimes}. */
    private <T> T timed(Class<T> type, T target, String prefix) {
        if (!BREAKDOWN) {
            return target;
        }
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            long started = System.nanoTime();
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                callTimes.add(prefix + method.getName(), System.nanoTime() - started);
            }
        }));
    }

    /** Calls and their summed time, by method. */
    private static final class CallTimes {

        private final Map<String, LongAdder> calls = new ConcurrentSkipListMap<>();
        private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();

        void add(String method, long elapsed) {
            calls.computeIfAbsent(method, name -> new LongAdder()).increment();
            nanos.computeIfAbsent(method, name -> new LongAdder()).add(elapsed);
        }

        void reset() {
            calls.clear();
            nanos.clear();
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("relays' time by call:");
            calls.forEach((method, count) -> text.append(String.format(" %s %,d × %.2f ms = %.2f s;", method,
                    count.sum(), nanos.get(method).sum() / 1e6 / count.sum(), nanos.get(method).sum() / 1e9)));
            return text.toString();
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
