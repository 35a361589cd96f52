package org.notebookscheduler.adapters.persistence.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.application.fakes.Examples.NOW;
import static org.notebookscheduler.application.fakes.Examples.notification;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.adapters.persistence.TestDatabase;
import org.notebookscheduler.adapters.persistence.UtcTime;
import org.notebookscheduler.domain.notification.Notification;
import org.notebookscheduler.application.port.out.NotificationOutbox;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The claim on the databases whose relays lock with {@code SKIP LOCKED} (MySQL 8, MariaDB 10.6+,
 * PostgreSQL): relays on several instances pass each other's rows instead of waiting for them.
 */
abstract class OutboxClaimSuite {

    protected abstract TestDatabase db();

    /**
     * Found by the relay benchmark: the claim's order was not the due index's, so MariaDB sorted
     * every due row after reading, and locking, all of them; a second relay's claim meanwhile found
     * none free, and three relays drained barely twice as fast as one.
     */
    @Test
    void a_claim_not_yet_committed_leaves_the_other_due_rows_to_a_second_relay() throws Exception {
        db().clean();
        NotificationOutbox outbox = db().bean(NotificationOutbox.class);
        for (int i = 0; i < 100; i++) {
            outbox.enqueue(notification(ScheduleId.newId(), NOW.minusSeconds(100 - i)));
        }
        OutboxClaim claim = new OutboxClaim(new NamedParameterJdbcTemplate(db().bean(DataSource.class)));
        TransactionTemplate transaction = new TransactionTemplate(db().bean(PlatformTransactionManager.class));
        transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);

        CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            List<String> ids = idsOf(claim.claim("relay-1", NOW, NOW.plus(Duration.ofMinutes(5)), 10));
            firstClaimed.countDown();
            try {
                secondDone.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ids;
        }));
        assertThat(firstClaimed.await(20, TimeUnit.SECONDS)).isTrue();
        List<String> second;
        try {
            second = CompletableFuture.supplyAsync(() -> transaction.execute(status ->
                    idsOf(claim.claim("relay-2", NOW, NOW.plus(Duration.ofMinutes(5)), 10)))).get(20, TimeUnit.SECONDS);
        } finally {
            secondDone.countDown();
        }

        assertThat(first.get(20, TimeUnit.SECONDS)).hasSize(10);
        assertThat(second).as("the second relay's batch").hasSize(10).doesNotContainAnyElementsOf(first.get());
    }

    @Test
    void a_claimed_row_comes_back_whole_and_leased_to_its_relay() {
        db().clean();
        NotificationOutbox outbox = db().bean(NotificationOutbox.class);
        Notification staged = notification(ScheduleId.newId(), NOW.minusSeconds(10));
        outbox.enqueue(staged);
        OutboxClaim claim = new OutboxClaim(new NamedParameterJdbcTemplate(db().bean(DataSource.class)));
        TransactionTemplate transaction = new TransactionTemplate(db().bean(PlatformTransactionManager.class));

        List<NotificationEntity> claimed = transaction.execute(status ->
                claim.claim("relay-1", NOW, NOW.plus(Duration.ofMinutes(5)), 10));

        assertThat(claimed).singleElement().satisfies(row -> {
            assertThat(row.id).isEqualTo(staged.id().toString());
            assertThat(row.body).isEqualTo(staged.text());
            assertThat(row.targetUrl).isEqualTo(staged.target().url().reveal());
            assertThat(UtcTime.instant(row.createdAt)).isEqualTo(staged.createdAt());
            assertThat(row.status).isEqualTo("PENDING");
            assertThat(row.claimedBy).isEqualTo("relay-1");
            assertThat(UtcTime.instant(row.leaseUntil)).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        });
    }

    private static List<String> idsOf(List<NotificationEntity> rows) {
        return rows.stream().map(row -> row.id).toList();
    }
}
