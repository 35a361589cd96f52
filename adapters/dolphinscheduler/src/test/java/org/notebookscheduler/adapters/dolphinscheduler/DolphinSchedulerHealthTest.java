package org.notebookscheduler.adapters.dolphinscheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.AUTH_TOKEN;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.PROJECT;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.page;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.path;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.success;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notebookscheduler.application.port.out.EngineHealth;

/** What an operator's health check learns of DolphinScheduler: reachable, token accepted, project there. */
class DolphinSchedulerHealthTest {

    private final DolphinSchedulerStub ds = new DolphinSchedulerStub();

    @AfterEach
    void stop() {
        ds.close();
    }

    private EngineHealth.Check check() {
        return ds.engine().health().check();
    }

    @Test
    void a_server_that_accepts_the_token_and_has_the_project_is_up_naming_it() {
        ds.stub(get(urlPathEqualTo(path("/projects/list-paging"))).willReturn(success(page(
                "{\"id\":7,\"name\":\"" + PROJECT + "\"}", 1, 1, 1))));

        EngineHealth.Check check = check();

        assertThat(check.up()).isTrue();
        assertThat(check.details()).containsEntry("token", "accepted").containsEntry("projectPresent", true)
                .containsEntry("projectId", 7L).containsEntry("project", PROJECT);
    }

    @Test
    void a_project_not_created_yet_is_no_fault_the_first_schedule_creates_it() {
        ds.stub(get(urlPathEqualTo(path("/projects/list-paging"))).willReturn(success(page("", 0, 1, 0))));

        EngineHealth.Check check = check();

        assertThat(check.up()).isTrue();
        assertThat(check.details()).containsEntry("projectPresent", false);
    }

    @Test
    void a_token_the_server_refuses_is_down_naming_the_property_and_not_the_token() {
        ds.stub(get(urlPathEqualTo(path("/projects/list-paging"))).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Length", "0")));

        EngineHealth.Check check = check();

        assertThat(check.up()).isFalse();
        assertThat(String.valueOf(check.details().get("error"))).contains("HTTP 401", "notebook.scheduler.auth-token")
                .doesNotContain(AUTH_TOKEN);
        assertThat(check.details().toString()).doesNotContain(AUTH_TOKEN);
    }

    @Test
    void a_server_that_cannot_be_reached_is_down() {
        EngineHealth health = ds.engine().health();
        ds.server.stop();

        EngineHealth.Check check = health.check();

        assertThat(check.up()).isFalse();
        assertThat(check.details()).containsKey("error");
    }
}
