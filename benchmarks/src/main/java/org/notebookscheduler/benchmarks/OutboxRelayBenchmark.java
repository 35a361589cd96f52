package org.notebookscheduler.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.notebookscheduler.adapters.persistence.PersistenceConfiguration;
import org.notebookscheduler.application.port.out.DeliveryOutcome;
import org.notebookscheduler.application.port.out.NotificationOutbox;
import org.notebookscheduler.application.port.out.NotificationSender;
import org.notebookscheduler.application.service.NotificationRelayService;
import org.notebookscheduler.application.settings.RelaySettings;
import org.notebookscheduler.benchmarks.support.Arguments;
import org.notebookscheduler.benchmarks.support.BenchmarkDatabase;
import org.notebookscheduler.domain.execution.ExecutionId;
import org.notebookscheduler.domain.notification.DeliveryBackoff;
import org.notebookscheduler.domain.notification.Notification;
import org.notebookscheduler.domain.notification.WebhookTarget;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * How fast the outbox drains: {@code relays} relays (as on that many instances) claim and deliver
 * {@code rows} due notifications through the real JPA outbox, with a robot that answers at once, so
 * the figure is the database's claim-and-update cost, not a network's. Repeated {@code rounds}
 * times on a fresh table; prints each round and the minimum, median and maximum rows per second.
 *
 * <p>Arguments: {@code h2|mariadb [rows] [relays] [batch] [rounds]}. MariaDB is the local server at
 * 127.0.0.1:3306 (root, no password) in a database created and dropped here.
 */
public final class OutboxRelayBenchmark {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(PersistenceConfiguration.class)
    static class Harness {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.of(args);
        String database = arguments.text(0, "h2");
        int rows = arguments.number(1, 5000);
        int relays = arguments.number(2, 3);
        int batch = arguments.number(3, 50);
        int rounds = arguments.number(4, 5);
        BenchmarkDatabase db = BenchmarkDatabase.create(database);
        Map<String, Object> properties = new HashMap<>(db.springDataSource());
        properties.put("spring.jpa.hibernate.ddl-auto", "validate");
        properties.put("spring.jpa.open-in-view", "false");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        properties.put("spring.datasource.hikari.maximum-pool-size", String.valueOf(relays + 2));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Harness.class)
                .web(WebApplicationType.NONE).properties(properties).run()) {
            NotificationOutbox outbox = context.getBean(NotificationOutbox.class);
            AUDIT = context.getBean(org.notebookscheduler.application.port.out.AuditLog.class);
            TRANSACTIONS = context.getBean(org.notebookscheduler.application.port.out.Transactions.class);
            PACING = context.getBean(org.notebookscheduler.application.port.out.DestinationPacing.class);
            System.out.printf("outbox relay on %s: %d rows, %d relays, batch %d%n", database, rows, relays, batch);
            List<Double> rates = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                double rate = round(outbox, rows, relays, batch);
                rates.add(rate);
                System.out.printf("round %d: %.0f rows/s%n", round, rate);
            }
            Collections.sort(rates);
            System.out.printf("rows/s min %.0f, median %.0f, max %.0f%n", rates.get(0), rates.get(rates.size() / 2),
                    rates.get(rates.size() - 1));
        } finally {
            db.close();
        }
    }

    private static org.notebookscheduler.application.port.out.AuditLog AUDIT;
    private static org.notebookscheduler.application.port.out.Transactions TRANSACTIONS;
    private static org.notebookscheduler.application.port.out.DestinationPacing PACING;

    private static double round(NotificationOutbox outbox, int rows, int relays, int batch) throws Exception {
        Instant now = Instant.now();
        // a generic webhook: no documented rate, so the relay is measured, not a robot's pace
        WebhookTarget robot = WebhookTarget.of("https://hooks.example.com/benchmark", null, null, "url");
        for (int i = 0; i < rows; i++) {
            outbox.enqueue(Notification.pending(ScheduleId.newId(), ExecutionId.newId(), robot, "message " + i,
                    now.minusMillis(i)));
        }
        AtomicInteger delivered = new AtomicInteger();
        NotificationSender instant = (target, text) -> new DeliveryOutcome.Delivered();
        ExecutorService pool = Executors.newFixedThreadPool(relays);
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int relay = 0; relay < relays; relay++) {
                NotificationRelayService service = new NotificationRelayService(outbox, AUDIT, TRANSACTIONS, PACING, instant,
                        new RelaySettings("bench-" + relay, Duration.ofMinutes(2), batch, DeliveryBackoff.defaults(),
                                Duration.ofDays(7)), Clock.systemUTC(), () -> 0.5);
                running.add(pool.submit(() -> {
                    int empty = 0;
                    while (empty < 2) {
                        int count = service.relayDue().delivered();
                        delivered.addAndGet(count);
                        empty = count == 0 ? empty + 1 : 0;
                    }
                }));
            }
            for (Future<?> relay : running) {
                relay.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (delivered.get() != rows) {
            throw new IllegalStateException("delivered " + delivered.get() + " of " + rows);
        }
        outbox.purgeDelivered(Instant.now().plusSeconds(60));
        return rows / seconds;
    }
}
