package org.notebookscheduler.adapters.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.adapters.webhook.RobotStub.json;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.port.out.DeliveryOutcome;
import org.notebookscheduler.domain.notification.WebhookKind;
import org.notebookscheduler.domain.notification.WebhookTarget;

class DingTalkRobotTest {

    private static final String PATH = "/robot/send";
    private static final String SECRET = "SECb1a2c3d4e5f6";

    private final RobotStub robot = new RobotStub();
    private final WebhookTarget unsigned = robot.target(PATH + "?access_token=dt-token-123", WebhookKind.DINGTALK, null);
    private final WebhookTarget signed = robot.target(PATH + "?access_token=dt-token-123", WebhookKind.DINGTALK, SECRET);

    @AfterEach
    void stop() {
        robot.close();
    }

    private DeliveryOutcome answering(String body, WebhookTarget target) {
        robot.server.stubFor(post(urlPathEqualTo(PATH)).willReturn(json(200, body)));
        return robot.sender.send(target, "Status: failed");
    }

    @Test
    void a_message_is_a_utf8_text_message_and_errcode_zero_is_delivered() {
        DeliveryOutcome outcome = answering("{\"errcode\":0,\"errmsg\":\"ok\"}", unsigned);

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(robot.only().getHeader("Content-Type")).isEqualToIgnoringCase("application/json;charset=utf-8");
        assertThat(Messages.parse(robot.only().getBodyAsString()).get("text").get("content").asString())
                .isEqualTo("Status: failed");
        assertThat(robot.only().queryParameter("sign").isPresent()).isFalse();
    }

    @Test
    void a_signing_robot_gets_millisecond_timestamp_and_url_encoded_sign_in_the_query() throws Exception {
        answering("{\"errcode\":0,\"errmsg\":\"ok\"}", signed);

        var request = robot.only();
        String timestamp = request.queryParameter("timestamp").firstValue();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal((timestamp + "\n" + SECRET).getBytes(StandardCharsets.UTF_8)));
        assertThat(timestamp).isEqualTo(String.valueOf(RobotStub.NOW.toEpochMilli()));
        assertThat(request.queryParameter("access_token").firstValue()).isEqualTo("dt-token-123");
        assertThat(URLDecoder.decode(request.getUrl().replaceAll(".*sign=", ""), StandardCharsets.UTF_8))
                .isEqualTo(expected);
    }

    @Test
    void a_token_that_does_not_exist_is_permanent() {
        assertThat(answering("{\"errcode\":300005,\"errmsg\":\"token is not exist\"}", unsigned))
                .isInstanceOfSatisfying(DeliveryOutcome.Permanent.class, permanent -> assertThat(permanent.reason())
                        .contains("300005").doesNotContain("dt-token-123"));
    }

    @Test
    void a_signature_mismatch_is_permanent() {
        assertThat(answering("{\"errcode\":310000,\"errmsg\":\"sign not match, more: [https://ding-doc.dingtalk.com]\"}",
                signed)).isInstanceOf(DeliveryOutcome.Permanent.class);
    }

    @Test
    void a_throttled_robot_is_tried_again_after_the_ten_minute_penalty() {
        assertThat(answering("{\"errcode\":410100,\"errmsg\":\"send too fast\"}", unsigned))
                .isInstanceOfSatisfying(DeliveryOutcome.Retryable.class,
                        retryable -> assertThat(retryable.retryAfter()).contains(Duration.ofMinutes(10)));
    }

    @Test
    void system_busy_is_retryable() {
        assertThat(answering("{\"errcode\":-1,\"errmsg\":\"系统繁忙\"}", unsigned))
                .isInstanceOf(DeliveryOutcome.Retryable.class);
    }
}
