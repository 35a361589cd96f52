package org.notebookscheduler.bootstrap.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.application.fakes.Examples.NOW;
import static org.notebookscheduler.application.fakes.Examples.notification;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.fakes.TestWorld;
import org.notebookscheduler.application.port.out.DeliveryOutcome;
import org.notebookscheduler.domain.schedule.ScheduleId;

/** The relay's gauges as an operator reads them during a robot outage. */
class RelayMetricsTest {

    private final TestWorld world = new TestWorld();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RelayMetrics metrics = new RelayMetrics(registry, world.clock);

    private void pass() {
        metrics.record(world.relay.relayDue());
        metrics.refresh(world.relay.backlog());
    }

    private double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    /** Observed: the age gauge stayed at 0–2 s through a 60 s outage while 420 rows waited. */
    @Test
    void the_oldest_pending_age_rises_through_an_outage_while_the_rows_back_off() {
        world.outbox.enqueue(notification(ScheduleId.newId(), NOW));
        for (int failure = 0; failure < 10; failure++) {
            world.sender.then(new DeliveryOutcome.Retryable("HTTP 503", Optional.empty()));
        }

        pass();
        double atFirstFailure = gauge("notebook.scheduler.outbox.oldest.pending.age");
        world.clock.advance(Duration.ofSeconds(30));
        pass();
        double halfAMinuteIn = gauge("notebook.scheduler.outbox.oldest.pending.age");
        world.clock.advance(Duration.ofSeconds(30));
        pass();

        assertThat(atFirstFailure).isZero();
        assertThat(halfAMinuteIn).isEqualTo(30.0);
        assertThat(gauge("notebook.scheduler.outbox.oldest.pending.age")).isEqualTo(60.0);
        assertThat(gauge("notebook.scheduler.outbox.backlog", "state", "pending")).isEqualTo(1.0);
        assertThat(registry.get("notebook.scheduler.notifications").tags("outcome", "retried").counter().count())
                .isEqualTo(3.0);
    }

    @Test
    void once_the_robot_is_back_the_age_falls_to_zero_and_the_backlog_empties() {
        world.outbox.enqueue(notification(ScheduleId.newId(), NOW));
        world.sender.then(new DeliveryOutcome.Retryable("HTTP 503", Optional.empty()));

        pass();
        world.clock.advance(Duration.ofMinutes(1));
        pass();

        assertThat(gauge("notebook.scheduler.outbox.oldest.pending.age")).isZero();
        assertThat(gauge("notebook.scheduler.outbox.backlog", "state", "pending")).isZero();
        assertThat(registry.get("notebook.scheduler.notifications").tags("outcome", "delivered").counter().count())
                .isEqualTo(1.0);
    }
}
