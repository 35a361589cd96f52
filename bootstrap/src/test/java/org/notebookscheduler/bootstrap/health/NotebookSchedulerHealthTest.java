package org.notebookscheduler.bootstrap.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.fakes.Examples;
import org.notebookscheduler.application.fakes.FakeEngine;
import org.notebookscheduler.application.fakes.TestWorld;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** What the health endpoint says of the engines and the outbox. */
class NotebookSchedulerHealthTest {

    private final TestWorld world = new TestWorld();

    @Test
    void an_engine_that_is_down_is_down_with_its_reason() {
        FakeEngine dolphin = new FakeEngine("DolphinScheduler");
        dolphin.healthDown("HTTP 401: notebook.scheduler.auth-token was refused");

        Health health = new EngineHealthIndicator(dolphin.engine()).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("error", "HTTP 401: notebook.scheduler.auth-token was refused");
        assertThat(new EngineHealthIndicator(world.engine.engine()).health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void an_outbox_whose_oldest_waiting_notification_is_older_than_the_limit_is_down_with_its_backlog() {
        world.outbox.enqueue(Examples.notification(ScheduleId.newId(), world.clock.instant()));
        OutboxHealthIndicator indicator = new OutboxHealthIndicator(world.outbox, Duration.ofMinutes(15), world.clock);

        Health fresh = indicator.health();
        world.clock.advance(Duration.ofMinutes(16));
        Health stale = indicator.health();

        assertThat(fresh.getStatus()).isEqualTo(Status.UP);
        assertThat(fresh.getDetails()).containsEntry("pending", 1L).containsEntry("maxAgeSeconds", 900L);
        assertThat(stale.getStatus()).isEqualTo(Status.DOWN);
        assertThat(stale.getDetails()).containsEntry("oldestPendingSeconds", 960L);
        assertThat(List.of(fresh, stale)).allSatisfy(health -> assertThat(health.getDetails()).containsKeys("due",
                "dead"));
    }
}
