package org.notebookscheduler.adapters.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.adapters.webhook.RobotStub.json;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.port.out.DeliveryOutcome;
import org.notebookscheduler.domain.notification.WebhookKind;
import org.notebookscheduler.domain.notification.WebhookTarget;

class WeComAndSlackRobotTest {

    private final RobotStub robot = new RobotStub();
    private final WebhookTarget wecom = robot.target("/cgi-bin/webhook/send?key=693a91f6-wecom-key",
            WebhookKind.WECOM, null);
    private final WebhookTarget slack = robot.target("/services/T000/B000/slack-secret", WebhookKind.SLACK, null);

    @AfterEach
    void stop() {
        robot.close();
    }

    @Test
    void a_wecom_text_is_cut_to_2048_utf8_bytes_without_splitting_a_character() {
        robot.server.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).willReturn(json(200,
                "{\"errcode\":0,\"errmsg\":\"ok\"}")));

        DeliveryOutcome outcome = robot.sender.send(wecom, "错误".repeat(2000));

        String content = Messages.parse(robot.only().getBodyAsString()).get("text").get("content").asString();
        assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
        assertThat(content).endsWith("…").doesNotContain("\uFFFD");
    }

    @Test
    void a_wecom_invalid_webhook_is_permanent_and_its_reason_carries_no_key() {
        robot.server.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).willReturn(json(200,
                "{\"errcode\":93000,\"errmsg\":\"invalid webhook url, hint: [1700000000_1_abc], from ip: 203.0.113.7,"
                        + " more info at https://open.work.weixin.qq.com/devtool/query?e=93000\"}")));

        assertThat(robot.sender.send(wecom, "x")).isInstanceOfSatisfying(DeliveryOutcome.Permanent.class,
                permanent -> assertThat(permanent.reason()).contains("93000").doesNotContain("693a91f6"));
    }

    @Test
    void the_wecom_rate_limit_is_retryable_after_a_minute() {
        robot.server.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).willReturn(json(200,
                "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}")));

        assertThat(robot.sender.send(wecom, "x")).isInstanceOfSatisfying(DeliveryOutcome.Retryable.class,
                retryable -> assertThat(retryable.retryAfter()).contains(Duration.ofMinutes(1)));
    }

    @Test
    void slack_gets_escaped_text_and_ok_is_delivered() {
        robot.server.stubFor(post(urlPathEqualTo("/services/T000/B000/slack-secret"))
                .willReturn(aResponse().withStatus(200).withBody("ok")));

        DeliveryOutcome outcome = robot.sender.send(slack, "a < b & c > d");

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(Messages.parse(robot.only().getBodyAsString()).get("text").asString())
                .isEqualTo("a &lt; b &amp; c &gt; d");
    }

    @Test
    void slack_rate_limiting_honours_retry_after() {
        robot.server.stubFor(post(urlPathEqualTo("/services/T000/B000/slack-secret"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30").withBody("rate_limited")));

        assertThat(robot.sender.send(slack, "x")).isInstanceOfSatisfying(DeliveryOutcome.Retryable.class,
                retryable -> assertThat(retryable.retryAfter()).contains(Duration.ofSeconds(30)));
    }

    @Test
    void a_removed_slack_webhook_is_permanent() {
        robot.server.stubFor(post(urlPathEqualTo("/services/T000/B000/slack-secret"))
                .willReturn(aResponse().withStatus(404).withBody("no_service")));

        assertThat(robot.sender.send(slack, "x")).isInstanceOfSatisfying(DeliveryOutcome.Permanent.class,
                permanent -> assertThat(permanent.reason()).contains("404", "no_service"));
    }

    @Test
    void a_slack_server_error_is_retryable() {
        robot.server.stubFor(post(urlPathEqualTo("/services/T000/B000/slack-secret"))
                .willReturn(aResponse().withStatus(500).withBody("rollup_error")));

        assertThat(robot.sender.send(slack, "x")).isInstanceOf(DeliveryOutcome.Retryable.class);
    }
}
