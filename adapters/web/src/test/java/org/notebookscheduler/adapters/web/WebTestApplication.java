package org.notebookscheduler.adapters.web;

import java.time.Clock;
import java.time.ZoneId;
import org.notebookscheduler.application.fakes.TestWorld;
import org.notebookscheduler.application.port.in.ControlRunUseCase;
import org.notebookscheduler.application.port.in.HandleExecutionCallbackUseCase;
import org.notebookscheduler.application.port.in.ManageSchedulesUseCase;
import org.notebookscheduler.application.port.in.QueryHistoryUseCase;
import org.notebookscheduler.application.port.in.ReconcileSchedulesUseCase;
import org.notebookscheduler.application.port.in.ReplayDeadNotificationsUseCase;
import org.notebookscheduler.domain.schedule.RunSettings;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The web adapter over the in-memory world: real MVC, real JSON, real errors; fakes behind the ports. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(WebConfiguration.class)
public class WebTestApplication {

    /** Small enough that a test can send a body over it. */
    static final long MAX_REQUEST_BYTES = 64 * 1024;

    @Bean
    TestWorld world() {
        return new TestWorld();
    }

    @Bean
    ManageSchedulesUseCase manageSchedules(TestWorld world) {
        return world.scheduleService;
    }

    @Bean
    ControlRunUseCase controlRuns(TestWorld world) {
        return world.runControl;
    }

    @Bean
    QueryHistoryUseCase history(TestWorld world) {
        return world.history;
    }

    @Bean
    HandleExecutionCallbackUseCase callbacks(TestWorld world) {
        return world.callbacks;
    }

    @Bean
    ReconcileSchedulesUseCase reconciliation(TestWorld world) {
        return world.reconciliation;
    }

    @Bean
    ReplayDeadNotificationsUseCase replay(TestWorld world) {
        return world.replay;
    }

    @Bean
    RunSettings defaultRunSettings() {
        return RunSettings.defaults();
    }

    @Bean
    Clock clock(TestWorld world) {
        return world.clock;
    }

    @Bean
    WebConfiguration.WebSettings webSettings() {
        return new WebConfiguration.WebSettings(MAX_REQUEST_BYTES, 8 * 1024, ZoneId.of("Asia/Shanghai"));
    }
}
