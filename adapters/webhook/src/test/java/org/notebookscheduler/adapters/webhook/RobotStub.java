package org.notebookscheduler.adapters.webhook;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.notebookscheduler.application.fakes.MutableClock;
import org.notebookscheduler.domain.notification.WebhookKind;
import org.notebookscheduler.domain.notification.WebhookTarget;

/** A robot at the HTTP level that answers the way the reference (im-webhooks.md) says each kind answers. */
final class RobotStub implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    final WireMockServer server = new WireMockServer(options().dynamicPort());
    final MutableClock clock = new MutableClock(NOW);
    final WebhookSender sender = new WebhookSender(Duration.ofMillis(500), Duration.ofMillis(1500), clock);

    RobotStub() {
        server.start();
    }

    WebhookTarget target(String path, WebhookKind kind, String secret) {
        return WebhookTarget.of(server.baseUrl() + path, kind, secret, "webhookUrl");
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body);
    }

    LoggedRequest only() {
        List<LoggedRequest> all = server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
        if (all.size() != 1) {
            throw new AssertionError("expected one request, got " + all.size());
        }
        return all.get(0);
    }

    @Override
    public void close() {
        server.stop();
    }
}
