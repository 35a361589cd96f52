package org.notebookscheduler.benchmarks.outbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.notebookscheduler.benchmarks.support.BenchmarkDatabase;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Modulith's event publication registry on JDBC (Spring's JDBC transaction manager, no JPA).
 * A row is the publication of a {@link NotificationDue} event to {@link RobotNotifier}, an
 * after-commit transactional listener that posts to the sink: publishing the event in a transaction
 * stores the publication with it, and the registry marks it completed when the listener returns.
 *
 * <p>The backlog: the events are published while the robot is unreachable, so each listener call
 * throws and the registry marks its publication failed (the state, since Modulith 2.0, for
 * publications that are to be resubmitted). A relay's pass is
 * {@link FailedEventPublications#resubmit(ResubmissionOptions)} with the same batch size as the
 * other relays: it reads up to a batch of failed publications, claims each with a conditional update
 * ({@code SET STATUS = 'RESUBMITTED' ... WHERE ID = ? AND STATUS != 'RESUBMITTED'}) and calls the
 * listener on the relay's own thread, which marks it processing and then completed. That is the
 * documented way to work off failed publications, and N threads calling it stand for N instances
 * each running it on a schedule. (The claim also matches a publication that another resubmitter has
 * already moved on to processing: that is how concurrent relays come to deliver some rows twice.)
 *
 * <p>Completion mode {@code delete} by default: a completed publication is deleted, as gruelbox
 * deletes its rows. In the default mode, {@code update}, a completed publication stays, and the same
 * claim matches it too.
 */
final class ModulithRegistry implements Contender {

    /** The event: the text of one notification. */
    public record NotificationDue(String text) {
    }

    /**
     * Delivers each event after its transaction commits. A plain transactional listener rather than
     * {@code @ApplicationModuleListener}, which adds {@code @Async}: resubmission would then only hand
     * the call to Spring's task executor, and the executor's threads, not the relays, would deliver.
     */
    public static class RobotNotifier {

        private final LoopbackSink sink;
        private final AtomicBoolean robotReachable = new AtomicBoolean(true);

        public RobotNotifier(LoopbackSink sink) {
            this.sink = sink;
        }

        /** Called through the context's proxy of this bean, which is why it is a method and not a field. */
        public void robotReachable(boolean reachable) {
            robotReachable.set(reachable);
        }

        @TransactionalEventListener
        public void on(NotificationDue event) {
            if (!robotReachable.get()) {
                throw new IllegalStateException("the robot is unreachable while the backlog is staged");
            }
            sink.deliver(event.text());
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        @Bean
        RobotNotifier robotNotifier(LoopbackSink sink) {
            return new RobotNotifier(sink);
        }
    }

    /** Events published per staging transaction; staging is not timed, this only keeps it short. */
    private static final int STAGED_PER_TRANSACTION = 100;

    private final ConfigurableApplicationContext context;
    private final RobotNotifier notifier;
    private final FailedEventPublications failedPublications;
    private final int batchSize;

    private ModulithRegistry(ConfigurableApplicationContext context, int batchSize) {
        this.context = context;
        this.notifier = context.getBean(RobotNotifier.class);
        this.failedPublications = context.getBean(FailedEventPublications.class);
        this.batchSize = batchSize;
    }

    static ModulithRegistry start(BenchmarkDatabase database, int poolSize, LoopbackSink sink, int batchSize,
            String completionMode) {
        Map<String, Object> properties = new HashMap<>(database.springDataSource(poolSize, "modulith"));
        properties.put("spring.modulith.events.jdbc.schema-initialization.enabled", "true");
        properties.put("spring.modulith.events.completion-mode", completionMode);
        // every staged listener call fails on purpose; Spring logs each failure of an after-commit
        // callback with its stack trace, thousands a round
        properties.put("logging.level.org.springframework.transaction.support.TransactionSynchronizationUtils", "OFF");
        // the JPA stack and this project's Flyway are on the module's classpath for the project's outbox only
        ConfigurableApplicationContext context = SpringContexts.run(Application.class, properties,
                List.of("org.springframework.boot.hibernate.", "org.springframework.boot.data.jpa.",
                        "org.springframework.boot.flyway."),
                Map.of("sink", sink));
        return new ModulithRegistry(context, batchSize);
    }

    @Override
    public String name() {
        return "Spring Modulith";
    }

    @Override
    public void stage(List<String> messages) {
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        notifier.robotReachable(false);
        try {
            for (int from = 0; from < messages.size(); from += STAGED_PER_TRANSACTION) {
                List<String> chunk = messages.subList(from, Math.min(from + STAGED_PER_TRANSACTION, messages.size()));
                transactions.executeWithoutResult(status -> chunk.forEach(text ->
                        context.publishEvent(new NotificationDue(text))));
            }
        } finally {
            notifier.robotReachable(true);
        }
    }

    @Override
    public Relay newRelay(int number) {
        return () -> {
            // the options' filter sees each failed publication the pass read: none means nothing was due
            AtomicBoolean foundAny = new AtomicBoolean();
            failedPublications.resubmit(ResubmissionOptions.defaults().withBatchSize(batchSize)
                    .withFilter(publication -> {
                        foundAny.set(true);
                        return true;
                    }));
            return foundAny.get();
        };
    }

    @Override
    public void clear() {
        context.getBean(JdbcTemplate.class).update("DELETE FROM EVENT_PUBLICATION");
    }

    @Override
    public void close() {
        context.close();
    }
}
