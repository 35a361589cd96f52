package org.notebookscheduler.adapters.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.port.out.DeliveryOutcome;
import org.notebookscheduler.domain.notification.WebhookKind;
import org.notebookscheduler.domain.notification.WebhookTarget;

/** Any other endpoint, and what goes wrong on the way to any of them. */
class GenericWebhookTest {

    private final RobotStub robot = new RobotStub();
    private final WebhookTarget hook = robot.target("/hooks/ns?token=generic-token", null, null);

    @AfterEach
    void stop() {
        robot.close();
    }

    @Test
    void an_unknown_url_is_a_generic_webhook_and_any_2xx_is_delivered() {
        robot.server.stubFor(post(urlPathEqualTo("/hooks/ns")).willReturn(aResponse().withStatus(204)));

        assertThat(hook.kind()).isEqualTo(WebhookKind.GENERIC);
        assertThat(robot.sender.send(hook, "hello")).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(Messages.parse(robot.only().getBodyAsString()).get("text").asString()).isEqualTo("hello");
    }

    @Test
    void a_signing_secret_signs_timestamp_and_body_in_headers() throws Exception {
        robot.server.stubFor(post(urlPathEqualTo("/hooks/ns")).willReturn(aResponse().withStatus(200)));
        WebhookTarget signed = robot.target("/hooks/ns", WebhookKind.GENERIC, "generic-secret");

        robot.sender.send(signed, "hello");

        var request = robot.only();
        String timestamp = request.getHeader(GenericRobot.TIMESTAMP_HEADER);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("generic-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(
                mac.doFinal((timestamp + "." + request.getBodyAsString()).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.getHeader(GenericRobot.SIGNATURE_HEADER)).isEqualTo(expected);
    }

    @Test
    void a_server_error_is_retryable_and_a_retry_after_date_is_honoured() {
        robot.server.stubFor(post(urlPathEqualTo("/hooks/ns")).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "Tue, 24 Nov 2026 10:02:00 GMT")));

        assertThat(robot.sender.send(hook, "x")).isInstanceOfSatisfying(DeliveryOutcome.Retryable.class,
                retryable -> assertThat(retryable.retryAfter()).contains(Duration.ofMinutes(2)));
    }

    @Test
    void a_client_error_is_permanent() {
        robot.server.stubFor(post(urlPathEqualTo("/hooks/ns")).willReturn(aResponse().withStatus(400)
                .withBody("bad payload")));

        assertThat(robot.sender.send(hook, "x")).isInstanceOf(DeliveryOutcome.Permanent.class);
    }

    @Test
    void a_robot_that_cannot_be_reached_is_retryable_and_the_reason_holds_no_token() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        WebhookTarget gone = WebhookTarget.of("http://127.0.0.1:" + closedPort + "/open-apis/bot/v2/hook/secret-token",
                WebhookKind.FEISHU, null, "webhookUrl");

        assertThat(robot.sender.send(gone, "x")).isInstanceOfSatisfying(DeliveryOutcome.Retryable.class,
                retryable -> assertThat(retryable.reason()).contains("cannot reach").doesNotContain("secret-token"));
    }

    @Test
    void a_robot_that_does_not_answer_in_time_is_retryable_and_recorded_as_possibly_delivered() {
        robot.server.stubFor(post(urlPathEqualTo("/hooks/ns")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(3000)));

        assertThat(robot.sender.send(hook, "x")).isInstanceOfSatisfying(DeliveryOutcome.Retryable.class,
                retryable -> assertThat(retryable.reason()).contains("possibly delivered"));
    }

    @Test
    void retry_after_reads_seconds_and_dates_and_ignores_nonsense() {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");

        assertThat(WebhookSender.retryAfter(Optional.of("120"), now)).contains(Duration.ofMinutes(2));
        assertThat(WebhookSender.retryAfter(Optional.of("Tue, 24 Nov 2026 09:00:00 GMT"), now)).contains(Duration.ZERO);
        assertThat(WebhookSender.retryAfter(Optional.of("soon"), now)).isEmpty();
    }
}
