package org.notebookscheduler.adapters.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.adapters.webhook.RobotStub.json;

import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.port.out.DeliveryOutcome;
import org.notebookscheduler.domain.notification.WebhookKind;
import org.notebookscheduler.domain.notification.WebhookTarget;
import tools.jackson.databind.JsonNode;

class FeishuRobotTest {

    private static final String HOOK = "/open-apis/bot/v2/hook/0f1e2d3c-token";
    private static final String SUCCESS = "{\"StatusCode\":0,\"StatusMessage\":\"success\",\"code\":0,\"data\":{},\"msg\":\"success\"}";

    private final RobotStub robot = new RobotStub();
    private final WebhookTarget unsigned = robot.target(HOOK, WebhookKind.FEISHU, null);
    private final WebhookTarget signed = robot.target(HOOK, WebhookKind.FEISHU, "feishu-secret");

    @AfterEach
    void stop() {
        robot.close();
    }

    private DeliveryOutcome answering(int status, String body, WebhookTarget target) {
        robot.server.stubFor(post(urlPathEqualTo(HOOK)).willReturn(json(status, body)));
        return robot.sender.send(target, "Byzer Notebook Schedule Task Notification:\nStatus: failed");
    }

    @Test
    void a_message_is_a_text_message_and_the_success_answer_is_delivered() {
        DeliveryOutcome outcome = answering(200, SUCCESS, unsigned);

        JsonNode body = Messages.parse(robot.only().getBodyAsString());
        assertThat(outcome).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(body.get("msg_type").asString()).isEqualTo("text");
        assertThat(body.get("content").get("text").asString()).startsWith("Byzer Notebook Schedule Task Notification:");
        assertThat(body.has("sign")).isFalse();
    }

    @Test
    void a_signed_bot_gets_timestamp_and_sign_in_the_body_computed_with_the_key_being_timestamp_and_secret()
            throws Exception {
        answering(200, SUCCESS, signed);

        JsonNode body = Messages.parse(robot.only().getBodyAsString());
        String timestamp = body.get("timestamp").asString();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec((timestamp + "\n" + "feishu-secret").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        assertThat(timestamp).isEqualTo(String.valueOf(RobotStub.NOW.getEpochSecond()));
        assertThat(body.get("sign").asString()).isEqualTo(Base64.getEncoder().encodeToString(mac.doFinal(new byte[0])));
    }

    @Test
    void the_legacy_answer_with_only_a_status_code_counts() {
        assertThat(answering(200, "{\"StatusCode\":0,\"StatusMessage\":\"success\"}", unsigned))
                .isInstanceOf(DeliveryOutcome.Delivered.class);
    }

    @Test
    void a_bad_token_is_permanent_although_the_http_status_is_200() {
        DeliveryOutcome outcome = answering(200,
                "{\"code\":19001,\"data\":{},\"msg\":\"param invalid: incoming webhook access token invalid\"}", unsigned);

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Permanent.class,
                permanent -> assertThat(permanent.reason()).contains("19001", "access token invalid")
                        .doesNotContain("0f1e2d3c-token"));
    }

    @Test
    void a_bad_signature_is_permanent() {
        assertThat(answering(200, "{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour"
                + " from current time\"}", signed)).isInstanceOf(DeliveryOutcome.Permanent.class);
    }

    @Test
    void the_frequency_limit_is_retryable() {
        assertThat(answering(200, "{\"code\":11232,\"msg\":\"frequency limited psm[lark.oapi.app_platform_runtime]"
                + "appID[1]\"}", unsigned)).isInstanceOf(DeliveryOutcome.Retryable.class);
    }

    @Test
    void too_many_requests_answered_with_http_400_is_read_from_the_body_and_retryable() {
        assertThat(answering(400, "{\"StatusCode\":0,\"StatusMessage\":\"\",\"code\":9499,\"msg\":\"too many request\"}",
                unsigned)).isInstanceOf(DeliveryOutcome.Retryable.class);
    }

    @Test
    void a_malformed_message_answer_is_permanent() {
        assertThat(answering(200, "{\"code\":9499,\"msg\":\"Bad Request\",\"data\":{}}", unsigned))
                .isInstanceOf(DeliveryOutcome.Permanent.class);
    }

    @Test
    void a_very_long_message_is_cut_to_stay_under_the_20_kb_body_limit() {
        robot.server.stubFor(post(urlPathEqualTo(HOOK)).willReturn(json(200, SUCCESS)));

        robot.sender.send(unsigned, "error: " + "x".repeat(50_000));

        assertThat(robot.only().getBody().length).isLessThan(20 * 1024);
        assertThat(Optional.of(robot.only().getBodyAsString())).get().asString().contains("…");
    }
}
