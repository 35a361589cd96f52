package org.notebookscheduler.benchmarks.outbox;

import com.gruelbox.transactionoutbox.DefaultPersistor;
import com.gruelbox.transactionoutbox.Dialect;
import com.gruelbox.transactionoutbox.Instantiator;
import com.gruelbox.transactionoutbox.Submitter;
import com.gruelbox.transactionoutbox.ThreadLocalContextTransactionManager;
import com.gruelbox.transactionoutbox.TransactionManager;
import com.gruelbox.transactionoutbox.TransactionOutbox;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import org.notebookscheduler.benchmarks.support.BenchmarkDatabase;

/**
 * gruelbox transaction-outbox on plain JDBC (its own {@link TransactionManager} over a Hikari pool
 * like the others'). A row is a recorded call of {@link RobotDelivery#deliver}; the library replays
 * it in one transaction that locks the row, makes the call and deletes the row.
 *
 * <p>The pool runs at READ COMMITTED, as this project's claim does. At MariaDB's default, REPEATABLE
 * READ, a relay's claim query keeps locks on rows it scanned; with three relays 12 to 14% of the rows
 * were then skipped by the entry's own lock ({@code FOR UPDATE SKIP LOCKED}) and left, silently, for
 * their next attempt two minutes on, so no measurement could finish.
 *
 * <p>A relay is one {@link TransactionOutbox} (as on one instance) whose {@link TransactionOutbox#flush()}
 * is the pass: it claims up to a batch of due rows ({@code FOR UPDATE SKIP LOCKED} on both databases,
 * pushing each row's next attempt a lease ahead) and hands each to its submitter, here one that runs
 * the call at once on the relay's own thread, as this project's relay delivers its batch itself.
 */
final class GruelboxOutbox implements Contender {

    /** The call an entry records: what the library replays when it delivers a row. */
    public interface RobotDelivery {

        void deliver(String text);
    }

    /** Posts to the sink; a failure throws, which the library counts as a failed attempt to retry. */
    public static final class SinkDelivery implements RobotDelivery {

        private final LoopbackSink sink;

        SinkDelivery(LoopbackSink sink) {
            this.sink = sink;
        }

        @Override
        public void deliver(String text) {
            sink.deliver(text);
        }
    }

    /** Rows written per staging transaction; staging is not timed, this only keeps it short. */
    private static final int STAGED_PER_TRANSACTION = 100;
    /** How long after it is written a staged row is due; {@link #stage} waits this long before it returns. */
    private static final Duration STAGED_DUE_AFTER = Duration.ofMillis(200);
    /** As this project's relay lease: a claimed row is left alone this long. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final HikariDataSource pool;
    private final ThreadLocalContextTransactionManager transactions;
    private final DefaultPersistor persistor;
    private final Instantiator instantiator;
    private final TransactionOutbox stagingOutbox;
    private final int batchSize;

    private GruelboxOutbox(HikariDataSource pool, Dialect dialect, LoopbackSink sink, int batchSize) {
        this.pool = pool;
        this.transactions = TransactionManager.fromDataSource(pool);
        this.persistor = DefaultPersistor.builder().dialect(dialect).build();
        RobotDelivery delivery = new SinkDelivery(sink);
        this.instantiator = Instantiator.using(type -> delivery);
        this.batchSize = batchSize;
        // Staging writes the backlog through the library's own schedule(...). A scheduled call is
        // normally tried right after its commit; this instance's submitter drops that first try (as
        // if the instance stopped right after each commit), and its next attempt is due shortly
        // after: the library requires it in the future when written. Building it creates the tables.
        this.stagingOutbox = TransactionOutbox.builder().transactionManager(transactions).persistor(persistor)
                .instantiator(instantiator).submitter((entry, process) -> {
                }).attemptFrequency(STAGED_DUE_AFTER).build();
    }

    static GruelboxOutbox start(BenchmarkDatabase database, int poolSize, LoopbackSink sink, int batchSize) {
        Dialect dialect = switch (database.server()) {
            case MARIADB -> Dialect.MY_SQL_8; // SKIP LOCKED, which MariaDB has had since 10.6
            case POSTGRESQL -> Dialect.POSTGRESQL_9;
            case H2 -> throw new IllegalArgumentException("the libraries are compared on MariaDB and PostgreSQL");
        };
        return new GruelboxOutbox(database.newReadCommittedPool(poolSize, "gruelbox"), dialect, sink, batchSize);
    }

    @Override
    public String name() {
        return "gruelbox";
    }

    @Override
    public void stage(List<String> messages) throws InterruptedException {
        for (int from = 0; from < messages.size(); from += STAGED_PER_TRANSACTION) {
            List<String> chunk = messages.subList(from, Math.min(from + STAGED_PER_TRANSACTION, messages.size()));
            transactions.inTransaction(() -> chunk.forEach(text ->
                    stagingOutbox.schedule(RobotDelivery.class).deliver(text)));
        }
        Thread.sleep(STAGED_DUE_AFTER.toMillis() + 1);
    }

    @Override
    public Relay newRelay(int number) {
        TransactionOutbox relay = TransactionOutbox.builder().transactionManager(transactions).persistor(persistor)
                .instantiator(instantiator).submitter(Submitter.withExecutor(Runnable::run))
                .attemptFrequency(LEASE).flushBatchSize(batchSize).build();
        return relay::flush;
    }

    @Override
    public void clear() throws Exception {
        transactions.inTransactionThrows(persistor::clear);
    }

    @Override
    public void close() {
        pool.close();
    }
}
