package org.notebookscheduler.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.fakes.TestWorld;
import org.notebookscheduler.application.port.out.DeliveryOutcome;
import org.notebookscheduler.domain.notification.NotificationStatus;
import org.notebookscheduler.domain.schedule.ScheduleId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/** Dead notifications over HTTP: listed without their robots' tokens, replayed one by one or by filter. */
@SpringBootTest(classes = WebTestApplication.class)
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class NotificationApiTest {

    @Autowired
    MockMvc http;

    @Autowired
    TestWorld world;

    private ScheduleId schedule;

    @BeforeEach
    void aNotificationTheRobotRefused() {
        schedule = world.onlineSchedule("daily", "nb-1");
        world.runner.failWith("boom");
        world.callbacks.handle(world.callbackFor("nb-1", "r1"));
        world.sender.then(new DeliveryOutcome.Permanent("Feishu refused with code 19001"));
        world.relay.relayDue();
    }

    @Test
    void pending_notifications_are_listed_by_robot_with_their_next_attempt() throws Exception {
        world.runner.failWith("boom again");
        world.callbacks.handle(world.callbackFor("nb-1", "r2"));
        String robot = world.outbox.all().get(1).target().redacted();

        http.perform(get("/api/notifications/pending").param("scheduleId", schedule.toString())
                .param("destination", robot)).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].status").value("PENDING"))
                .andExpect(jsonPath("$.items[0].destination").value(robot))
                .andExpect(jsonPath("$.items[0].nextAttemptAt").exists())
                .andExpect(content().string(not(containsString("secret-token"))));
    }

    @Test
    void dead_notifications_of_a_schedule_are_listed_with_their_error_and_without_the_robots_token() throws Exception {
        http.perform(get("/api/notifications/dead?scheduleId=" + schedule)).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].destination").value(org.hamcrest.Matchers.startsWith("https://open.feishu.cn/…#")))
                .andExpect(jsonPath("$.items[0].lastError").value("Feishu refused with code 19001"))
                .andExpect(content().string(not(containsString("secret-token"))));
    }

    @Test
    void a_notification_shows_every_failed_attempt_through_its_replay() throws Exception {
        String id = world.outbox.all().get(0).id().toString();
        http.perform(post("/api/notifications/" + id + "/replay")).andExpect(status().isAccepted());
        world.clock.advance(java.time.Duration.ofSeconds(1));
        world.sender.then(new DeliveryOutcome.Retryable("HTTP 503 from open.feishu.cn", java.util.Optional.empty()));
        world.relay.relayDue();

        http.perform(get("/api/notifications/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.notification.status").value("PENDING"))
                .andExpect(jsonPath("$.notification.attempts").value(2))
                .andExpect(jsonPath("$.notification.lastError").value("HTTP 503 from open.feishu.cn"))
                .andExpect(jsonPath("$.failures.length()").value(2))
                .andExpect(jsonPath("$.failures[0].attempt").value(1))
                .andExpect(jsonPath("$.failures[0].error").value("Feishu refused with code 19001"))
                .andExpect(jsonPath("$.failures[1].attempt").value(2))
                .andExpect(jsonPath("$.failures[1].error").value("HTTP 503 from open.feishu.cn"))
                .andExpect(content().string(not(containsString("secret-token"))));
    }

    @Test
    void an_unknown_notification_is_a_404_naming_it() throws Exception {
        http.perform(get("/api/notifications/" + java.util.UUID.randomUUID())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOTIFICATION_NOT_FOUND"));
    }

    @Test
    void a_dead_notification_replayed_over_http_is_delivered_by_the_next_relay_pass() throws Exception {
        String id = world.outbox.all().get(0).id().toString();

        http.perform(post("/api/notifications/" + id + "/replay")).andExpect(status().isAccepted());
        world.clock.advance(java.time.Duration.ofSeconds(1)); // the robot's pace: one Feishu message per 0.6 s
        world.relay.relayDue();

        assertThat(world.outbox.all().get(0).status()).isEqualTo(NotificationStatus.DELIVERED);
        http.perform(post("/api/notifications/" + id + "/replay")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("NOTIFICATION_NOT_DEAD"));
    }

    @Test
    void replaying_by_filter_says_how_many() throws Exception {
        http.perform(post("/api/notifications/dead/replay?scheduleId=" + schedule + "&error=19001"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.replayed").value(1));
        http.perform(post("/api/notifications/dead/replay")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("scheduleId"));
    }
}
