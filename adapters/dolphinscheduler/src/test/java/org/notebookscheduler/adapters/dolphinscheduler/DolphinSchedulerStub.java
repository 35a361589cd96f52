package org.notebookscheduler.adapters.dolphinscheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
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
        return new DolphinSchedulerSettings(server.baseUrl() + CONTEXT, Secret.of(AUTH_TOKEN, "authToken"), PROJECT,
                "http://notebook:9002/", Secret.of(CALLBACK_TOKEN, "callbackToken"), SERVER_ZONE,
                Duration.ofMillis(500), Duration.ofMillis(1500), 3, Duration.ofMillis(5), RunSettings.defaults(),
                Duration.ofSeconds(10));
    }

    DolphinSchedulerGateway gateway() {
        return new DolphinSchedulerGateway(settings());
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

    static ResponseDefinitionBuilder created(String data) {
        return envelope(201, 0, "success", data);
    }

    static String page(String rows, int total, int currentPage, int totalPage) {
        return "{\"totalList\":[" + rows + "],\"total\":" + total + ",\"currentPage\":" + currentPage
                + ",\"totalPage\":" + totalPage + "}";
    }

    static String processRow(long id, String name, String releaseState, String description) {
        return "{\"id\":" + id + ",\"name\":\"" + name.replace("\"", "\\\"") + "\",\"version\":0,\"releaseState\":\""
                + releaseState + "\",\"projectId\":1,\"userId\":2,\"description\":\"" + description
                + "\",\"globalParams\":\"[]\",\"flag\":\"YES\",\"processDefinitionJson\":null,\"locations\":null,"
                + "\"connects\":null,\"timeout\":0,\"tenantId\":-1,\"updateTime\":\"2026-11-24T11:03:13.988+0800\","
                + "\"createTime\":\"2026-11-24T11:03:13.988+0800\",\"scheduleReleaseState\":null,\"userName\":\"notebook\"}";
    }

    static String scheduleRow(long id, long processId, String crontab, String releaseState) {
        return "{\"id\":" + id + ",\"processDefinitionId\":" + processId + ",\"processDefinitionName\":\"p\","
                + "\"projectName\":\"" + PROJECT + "\",\"definitionDescription\":null,"
                + "\"startTime\":\"2026-01-01T00:00:00.000+0800\",\"endTime\":\"2126-01-01T00:00:00.000+0800\","
                + "\"crontab\":\"" + crontab + "\",\"failureStrategy\":\"END\",\"warningType\":\"ALL\","
                + "\"createTime\":\"2026-11-24T11:03:13.988+0800\",\"updateTime\":\"2026-11-24T11:03:13.988+0800\","
                + "\"userId\":2,\"userName\":\"notebook\",\"releaseState\":\"" + releaseState + "\","
                + "\"warningGroupId\":1,\"processInstancePriority\":\"MEDIUM\",\"workerGroup\":\"default\"}";
    }

    /** The project exists already. */
    void projectExists() {
        server.stubFor(get(urlPathEqualTo(path("/projects/list-paging"))).willReturn(success(page(
                "{\"id\":1,\"userId\":2,\"userName\":\"notebook\",\"name\":\"" + PROJECT + "\",\"description\":\"\","
                        + "\"perm\":7,\"defCount\":0,\"instRunningCount\":0}", 1, 1, 1))));
    }

    void stub(MappingBuilder mapping) {
        server.stubFor(mapping);
    }

    /** Every stub a successful register of a new process {@code processId} with cron schedule {@code scheduleId} needs. */
    void registerSucceeds(long processId, long scheduleId, String processName) {
        projectExists();
        stub(get(urlPathEqualTo(projectPath("/process/verify-name"))).willReturn(success("null")));
        stub(post(urlPathEqualTo(projectPath("/process/save"))).willReturn(created("null")));
        stub(get(urlPathEqualTo(projectPath("/process/list-paging")))
                .willReturn(success(page(processRow(processId, processName, "OFFLINE", "x"), 1, 1, 1))));
        stub(post(urlPathEqualTo(projectPath("/process/release"))).willReturn(success("null")));
        stub(get(urlPathEqualTo(projectPath("/schedule/list-paging"))).inScenario("cron")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(success(page("", 0, 1, 1))));
        stub(post(urlPathEqualTo(projectPath("/schedule/create"))).inScenario("cron")
                .willSetStateTo("created").willReturn(created("null")));
        stub(get(urlPathEqualTo(projectPath("/schedule/list-paging"))).inScenario("cron")
                .whenScenarioStateIs("created")
                .willReturn(success(page(scheduleRow(scheduleId, processId, "0 0 2 * * ? *", "OFFLINE"), 1, 1, 1))));
    }

    List<LoggedRequest> requests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    /** The calls made, as {@code METHOD /path-after-the-project}, in order. */
    List<String> calls() {
        return requests().stream().map(request -> request.getMethod() + " " + request.getUrl()
                .replace(CONTEXT + "/projects/" + PROJECT, "").replace(CONTEXT, "").replaceAll("\\?.*", "")).toList();
    }

    String formField(String pathRelativeToProject, String field) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlPathEqualTo(projectPath(pathRelativeToProject)))).get(0).formParameters().get(field).firstValue();
    }

    static com.github.tomakehurst.wiremock.matching.StringValuePattern is(String value) {
        return equalTo(value);
    }

    @Override
    public void close() {
        server.stop();
    }
}
