package org.notebookscheduler.adapters.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.adapters.webhook.RobotStub.json;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.fakes.TestWorld;
import org.notebookscheduler.application.fakes.InMemoryNotificationOutbox;
import org.notebookscheduler.application.service.NotificationRelayService;
import org.notebookscheduler.application.settings.RelaySettings;
import org.notebookscheduler.domain.execution.ExecutionId;
import org.notebookscheduler.domain.notification.Notification;
import org.notebookscheduler.domain.notification.NotificationPolicy;
import org.notebookscheduler.domain.notification.NotificationStatus;
import org.notebookscheduler.domain.notification.WebhookKind;
import org.notebookscheduler.domain.notification.WebhookTarget;
import org.notebookscheduler.domain.schedule.ScheduleId;

/** The relay driving a real sender against a robot that fails the way robots fail. */
class RelayOverRealRobotsTest {

    private static final String HOOK = "/open-apis/bot/v2/hook/relay-token";
    private static final String SUCCESS = "{\"code\":0,\"data\":{},\"msg\":\"success\"}";

    private final RobotStub robot = new RobotStub();
    private final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox();
    private final org.notebookscheduler.application.fakes.InMemoryAuditLog audit =
            new org.notebookscheduler.application.fakes.InMemoryAuditLog();
    private final NotificationRelayService relay = new NotificationRelayService(outbox, audit,
            new org.notebookscheduler.application.fakes.FakeTransactions(outbox, audit),
            new org.notebookscheduler.application.fakes.InMemoryDestinationPacing(), robot.sender,
            RelaySettings.defaults("relay-1"), robot.clock, () -> 0.5);
    private final WebhookTarget feishu = robot.target(HOOK, WebhookKind.FEISHU, null);

    @AfterEach
    void stop() {
        robot.close();
    }

    private Notification queued() {
        Notification notification = Notification.pending(ScheduleId.newId(), ExecutionId.newId(), feishu,
                "Status: failed", robot.clock.instant());
        outbox.enqueue(notification);
        return notification;
    }

    @Test
    void a_robot_down_for_several_attempts_then_back_gets_the_message_exactly_once() {
        Notification notification = queued();
        robot.server.stubFor(post(urlPathEqualTo(HOOK)).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("still down").willReturn(aResponse().withStatus(503)));
        robot.server.stubFor(post(urlPathEqualTo(HOOK)).inScenario("outage").whenScenarioStateIs("still down")
                .willSetStateTo("rate limited").willReturn(aResponse().withStatus(502)));
        robot.server.stubFor(post(urlPathEqualTo(HOOK)).inScenario("outage").whenScenarioStateIs("rate limited")
                .willSetStateTo("back").willReturn(json(200, "{\"code\":11232,\"msg\":\"frequency limited\"}")));
        robot.server.stubFor(post(urlPathEqualTo(HOOK)).inScenario("outage").whenScenarioStateIs("back")
                .willReturn(json(200, SUCCESS)));

        for (int pass = 0; pass < 12; pass++) {
            relay.relayDue();
            robot.clock.advance(Duration.ofMinutes(2));
        }

        assertThat(outbox.findById(notification.id()).orElseThrow().status()).isEqualTo(NotificationStatus.DELIVERED);
        robot.server.verify(4, postRequestedFor(urlPathEqualTo(HOOK)));
    }

    @Test
    void a_bad_token_is_dead_at_once_and_after_replay_once_the_robot_is_fixed_it_is_delivered() {
        TestWorld world = new TestWorld(NotificationPolicy.defaults(), java.util.List.of(feishu));
        NotificationRelayService worldRelay = new NotificationRelayService(world.outbox, world.audit,
                world.transactions, world.pacing, robot.sender,
                RelaySettings.defaults("relay-1"), world.clock, () -> 0.5);
        world.onlineSchedule("daily", "nb-1");
        world.runner.failWith("boom");
        world.callbacks.handle(world.callbackFor("nb-1", "r1"));
        robot.server.stubFor(post(urlPathEqualTo(HOOK)).willReturn(json(200,
                "{\"code\":19001,\"data\":{},\"msg\":\"param invalid: incoming webhook access token invalid\"}")));

        worldRelay.relayDue();
        Notification dead = world.outbox.all().get(0);
        assertThat(dead.status()).isEqualTo(NotificationStatus.DEAD);
        assertThat(dead.attempts()).isEqualTo(1);

        robot.server.resetAll();
        robot.server.stubFor(post(urlPathEqualTo(HOOK)).willReturn(json(200, SUCCESS)));
        world.replay.replay(dead.id());
        world.clock.advance(java.time.Duration.ofSeconds(1)); // the robot's pace
        worldRelay.relayDue();

        assertThat(world.outbox.findById(dead.id()).orElseThrow().status()).isEqualTo(NotificationStatus.DELIVERED);
        robot.server.verify(1, postRequestedFor(urlPathEqualTo(HOOK)));
    }
}
