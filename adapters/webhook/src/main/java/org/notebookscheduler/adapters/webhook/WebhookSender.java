package org.notebookscheduler.adapters.webhook;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.notebookscheduler.application.port.out.DeliveryOutcome;
import org.notebookscheduler.application.port.out.NotificationSender;
import org.notebookscheduler.domain.notification.WebhookKind;
import org.notebookscheduler.domain.notification.WebhookTarget;

/**
 * Delivers one message to one robot over the JDK's HTTP client, phrased and judged the way that
 * robot's kind wants. It never throws for a delivery failure and never puts the URL (which holds
 * the robot's token) or a signing secret into a reason.
 */
public final class WebhookSender implements NotificationSender {

    private final HttpClient.Builder clientSettings;
    /**
     * Built on the first delivery, not with the sender: building it sets up TLS (the JDK's default
     * SSLContext and its trust store), about 1% of the standalone app's start in a profile, for a
     * client that may not be used for minutes.
     */
    private HttpClient client;
    private final Duration requestTimeout;
    private final Clock clock;
    private final Map<WebhookKind, Robot> robots = new EnumMap<>(WebhookKind.class);

    public WebhookSender(Duration connectTimeout, Duration requestTimeout, Clock clock) {
        this.clientSettings = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        this.requestTimeout = requestTimeout;
        this.clock = clock;
        robots.put(WebhookKind.FEISHU, new FeishuRobot());
        robots.put(WebhookKind.DINGTALK, new DingTalkRobot());
        robots.put(WebhookKind.WECOM, new WeComRobot());
        robots.put(WebhookKind.SLACK, new SlackRobot());
        robots.put(WebhookKind.GENERIC, new GenericRobot());
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = clientSettings.build();
        }
        return client;
    }

    @Override
    public DeliveryOutcome send(WebhookTarget target, String text) {
        Robot robot = robots.get(target.kind());
        Robot.Request request = robot.request(target, text, clock.instant());
        HttpRequest.Builder http = HttpRequest.newBuilder(request.uri()).timeout(requestTimeout)
                .POST(HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach(http::header);
        try {
            HttpResponse<String> response = client().send(http.build(), HttpResponse.BodyHandlers.ofString());
            return robot.judge(new Robot.Answer(response.statusCode(), response.body(),
                    retryAfter(response.headers().firstValue("Retry-After"), clock.instant())));
        } catch (HttpTimeoutException e) {
            // the robot may have taken the message and not answered in time: a retry can repeat it
            return new DeliveryOutcome.Retryable("no answer from " + target.redacted() + " within the request"
                    + " timeout: possibly delivered, retrying may repeat the message", Optional.empty());
        } catch (IOException e) {
            return new DeliveryOutcome.Retryable("cannot reach " + target.redacted() + ": "
                    + e.getClass().getSimpleName(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryOutcome.Retryable("interrupted while sending to " + target.redacted(), Optional.empty());
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }
}
