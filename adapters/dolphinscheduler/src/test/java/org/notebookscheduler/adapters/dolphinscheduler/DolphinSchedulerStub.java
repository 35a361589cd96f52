package org.notebookscheduler.adapters.dolphinscheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.time.ZoneId;
import org.notebookscheduler.application.port.out.Engine;
import org.notebookscheduler.domain.schedule.RunSettings;
import org.notebookscheduler.domain.shared.Secret;

/**
 * A DolphinScheduler 1.3.9 API server at the HTTP level, answering with the shapes of the reference
 * (section 11, what a running server said): the envelope, HTTP 201 for creates, 401 with an empty
 * body for a bad token, GET for the deletes.
 */
final class DolphinSchedulerStub implements AutoCloseable {

    static final String CONTEXT = "/dolphinscheduler";
    static final String PROJECT = "ByzerScheduler";
    static final String AUTH_TOKEN = "ds-auth-3a9f-SECRET";
    static final String CALLBACK_TOKEN = "cb-token-77e1-SECRET";
    static final ZoneId SERVER_ZONE = ZoneId.of("Asia/Shanghai");

    final WireMockServer server = new WireMockServer(options().dynamicPort());

    DolphinSchedulerStub() {
        server.start();
    }

    DolphinSchedulerSettings settings() {
        return settingsFor(server.baseUrl());
    }

    /** The settings the adapter's tests use, for a server at {@code baseUrl}: short timeouts and waits. */
    static DolphinSchedulerSettings settingsFor(String baseUrl) {
        return new DolphinSchedulerSettings(baseUrl + CONTEXT, Secret.of(AUTH_TOKEN, "authToken"), PROJECT,
                "http://notebook:9002/", Secret.of(CALLBACK_TOKEN, "callbackToken"), SERVER_ZONE,
                Duration.ofMillis(500), Duration.ofMillis(1500), 3, Duration.ofMillis(5), RunSettings.defaults(),
                Duration.ofSeconds(10));
    }

    Engine engine() {
        return DolphinSchedulerEngine.create(settings());
    }

    static String path(String relative) {
        return CONTEXT + relative;
    }

    static String projectPath(String relative) {
        return CONTEXT + "/projects/" + PROJECT + relative;
    }

    static ResponseDefinitionBuilder envelope(int status, int code, String msg, String data) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("{\"code\":" + code + ",\"msg\":\"" + msg + "\",\"data\":" + data + "}");
    }

    static ResponseDefinitionBuilder success(String data) {
        return envelope(200, 0, "success", data);
    }

    void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    static String page(String rows, int total, int currentPage, int totalPage) {
        return "{\"totalList\":[" + rows + "],\"total\":" + total + ",\"currentPage\":" + currentPage
                + ",\"totalPage\":" + totalPage + "}";
    }

    static com.github.tomakehurst.wiremock.matching.StringValuePattern is(String value) {
        return equalTo(value);
    }

    @Override
    public void close() {
        server.stop();
    }
}
