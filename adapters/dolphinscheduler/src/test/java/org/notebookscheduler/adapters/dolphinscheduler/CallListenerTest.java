package org.notebookscheduler.adapters.dolphinscheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.PROJECT;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.page;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.path;
import static org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerStub.success;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every call to the API is told to the listener, retries included, for the engine's call metrics. */
class CallListenerTest {

    private final DolphinSchedulerStub ds = new DolphinSchedulerStub();
    private final List<String> heard = new ArrayList<>();

    @AfterEach
    void stop() {
        ds.close();
    }

    @Test
    void a_call_that_succeeds_on_its_retry_is_heard_twice_unavailable_then_a_successful_retry() {
        ds.stub(get(urlPathEqualTo(path("/projects/list-paging"))).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503))
                .willSetStateTo("recovered"));
        ds.stub(get(urlPathEqualTo(path("/projects/list-paging"))).inScenario("flaky")
                .whenScenarioStateIs("recovered").willReturn(success(page("{\"id\":7,\"name\":\"" + PROJECT + "\"}",
                        1, 1, 1))));

        DolphinSchedulerEngine.create(ds.settings(), (call, outcome, took, retry) -> heard.add(call + " " + outcome
                + (retry ? " retry" : ""))).health().check();

        assertThat(heard).containsExactly("projects/list-paging UNAVAILABLE", "projects/list-paging SUCCESS retry");
    }

    @Test
    void a_refused_token_is_heard_as_refused_and_not_retried() {
        ds.stub(get(urlPathEqualTo(path("/projects/list-paging"))).willReturn(aResponse().withStatus(401)));

        DolphinSchedulerEngine.create(ds.settings(), (call, outcome, took, retry) -> heard.add(call + " " + outcome
                + (retry ? " retry" : ""))).health().check();

        assertThat(heard).containsExactly("projects/list-paging REFUSED");
    }
}
