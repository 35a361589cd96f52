package org.notebookscheduler.bootstrap.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.notebookscheduler.application.port.in.RelayNotificationsUseCase;
import org.notebookscheduler.application.port.out.NotificationOutbox;

/**
 * The outbox as operators watch it: {@code notebook.scheduler.notifications} counted by outcome
 * (delivered, retried, dead) and the backlog (pending, due, dead, age of the oldest due one),
 * refreshed on every relay pass rather than queried on every scrape.
 */
public final class RelayMetrics {

    private final Counter delivered;
    private final Counter retried;
    private final Counter dead;
    private final AtomicReference<NotificationOutbox.Backlog> backlog =
            new AtomicReference<>(new NotificationOutbox.Backlog(0, 0, 0, java.util.Optional.empty()));
    private final Clock clock;

    public RelayMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.delivered = outcome(registry, "delivered");
        this.retried = outcome(registry, "retried");
        this.dead = outcome(registry, "dead");
        Gauge.builder("notebook.scheduler.outbox.backlog", backlog, b -> b.get().pending()).tag("state", "pending")
                .description("notifications not yet delivered nor dead").register(registry);
        Gauge.builder("notebook.scheduler.outbox.backlog", backlog, b -> b.get().due()).tag("state", "due")
                .description("pending notifications whose next attempt is now or past").register(registry);
        Gauge.builder("notebook.scheduler.outbox.backlog", backlog, b -> b.get().dead()).tag("state", "dead")
                .description("notifications that could not be delivered").register(registry);
        Gauge.builder("notebook.scheduler.outbox.oldest.pending.age", backlog, this::oldestPendingSeconds)
                .baseUnit("seconds").description("age, from its creation, of the oldest notification neither"
                        + " delivered nor dead; one value per database, the same on every instance")
                .register(registry);
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("notebook.scheduler.notifications").tag("outcome", outcome)
                .description("delivery attempts by outcome").register(registry);
    }

    private double oldestPendingSeconds(AtomicReference<NotificationOutbox.Backlog> current) {
        return current.get().oldestPending().map(at -> Duration.between(at, clock.instant()).toMillis() / 1000.0)
                .orElse(0.0);
    }

    void record(RelayNotificationsUseCase.Report report) {
        delivered.increment(report.delivered());
        retried.increment(report.retrying());
        dead.increment(report.dead());
    }

    void refresh(NotificationOutbox.Backlog current) {
        backlog.set(current);
    }
}
