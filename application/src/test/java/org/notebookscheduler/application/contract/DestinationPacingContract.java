package org.notebookscheduler.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.application.fakes.Examples.NOW;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.port.out.DestinationPacing;

/** What every {@link DestinationPacing} does; the in-memory fake and the database adapter both pass it. */
public abstract class DestinationPacingContract {

    protected abstract DestinationPacing pacing();

    private static final String ROBOT = "https://oapi.dingtalk.com/…#a1b2c3";
    private static final Duration INTERVAL = Duration.ofSeconds(3);

    @Test
    void a_robot_takes_one_send_per_interval() {
        DestinationPacing pacing = pacing();

        assertThat(pacing.reserve(ROBOT, NOW, INTERVAL)).isEmpty();
        assertThat(pacing.reserve(ROBOT, NOW.plusSeconds(1), INTERVAL)).contains(NOW.plus(INTERVAL));
        assertThat(pacing.reserve(ROBOT, NOW.plus(INTERVAL), INTERVAL)).isEmpty();
    }

    @Test
    void robots_are_paced_apart() {
        DestinationPacing pacing = pacing();
        pacing.reserve(ROBOT, NOW, INTERVAL);

        assertThat(pacing.reserve("https://oapi.dingtalk.com/…#d4e5f6", NOW, INTERVAL)).isEmpty();
    }

    @Test
    void a_robot_held_after_a_failure_takes_nothing_until_then_and_a_shorter_hold_does_not_shorten_it() {
        DestinationPacing pacing = pacing();
        pacing.holdUntil(ROBOT, NOW.plusSeconds(60), NOW);
        pacing.holdUntil(ROBOT, NOW.plusSeconds(10), NOW);

        assertThat(pacing.reserve(ROBOT, NOW.plusSeconds(30), INTERVAL)).contains(NOW.plusSeconds(60));
        assertThat(pacing.reserve(ROBOT, NOW.plusSeconds(60), INTERVAL)).isEmpty();
    }

    @Test
    void an_unpaced_robot_takes_every_send_but_still_waits_out_a_hold() {
        DestinationPacing pacing = pacing();

        assertThat(pacing.reserve(ROBOT, NOW, Duration.ZERO)).isEmpty();
        assertThat(pacing.reserve(ROBOT, NOW, Duration.ZERO)).isEmpty();
        pacing.holdUntil(ROBOT, NOW.plusSeconds(30), NOW);
        assertThat(pacing.reserve(ROBOT, NOW, Duration.ZERO)).contains(NOW.plusSeconds(30));
    }

    @Test
    void the_first_failure_of_an_outage_opens_the_robots_circuit_and_later_ones_find_it_open() {
        DestinationPacing pacing = pacing();

        assertThat(pacing.holdUntil(ROBOT, NOW.plusSeconds(10), NOW)).isTrue();
        assertThat(pacing.holdUntil(ROBOT, NOW.plusSeconds(30), NOW.plusSeconds(10))).isFalse();
        assertThat(pacing.holdUntil("https://oapi.dingtalk.com/…#d4e5f6", NOW.plusSeconds(10), NOW)).isTrue();
    }

    @Test
    void a_delivery_closes_the_circuit_once_and_says_since_when_the_robot_was_failing() {
        DestinationPacing pacing = pacing();
        pacing.reserve(ROBOT, NOW, INTERVAL);
        pacing.holdUntil(ROBOT, NOW.plusSeconds(10), NOW.plusSeconds(1));

        assertThat(pacing.recovered(ROBOT)).contains(NOW.plusSeconds(1));
        assertThat(pacing.recovered(ROBOT)).isEmpty();
        assertThat(pacing.holdUntil(ROBOT, NOW.plusSeconds(90), NOW.plusSeconds(60))).isTrue();
    }

    @Test
    void a_robot_that_never_failed_has_no_circuit_to_close() {
        DestinationPacing pacing = pacing();

        assertThat(pacing.recovered(ROBOT)).isEmpty();
        pacing.reserve(ROBOT, NOW, INTERVAL);
        assertThat(pacing.recovered(ROBOT)).isEmpty();
    }

    @Test
    void relays_racing_for_a_new_robots_first_slot_give_it_to_one_and_never_fail() throws Exception {
        DestinationPacing pacing = pacing();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();
        try {
            java.util.List<java.util.concurrent.Future<?>> racers = new java.util.ArrayList<>();
            for (int racer = 0; racer < 3; racer++) {
                racers.add(pool.submit(() -> {
                    for (int robot = 0; robot < 20; robot++) {
                        if (pacing.reserve("https://oapi.dingtalk.com/…#" + robot, NOW, INTERVAL).isEmpty()) {
                            taken.incrementAndGet();
                        }
                    }
                }));
            }
            for (java.util.concurrent.Future<?> racer : racers) {
                racer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(taken.get()).isEqualTo(20);
    }
}
