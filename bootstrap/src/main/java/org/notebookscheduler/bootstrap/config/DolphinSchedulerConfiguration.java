package org.notebookscheduler.bootstrap.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerEngine;
import org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerSettings;
import org.notebookscheduler.application.port.out.Engine;
import org.notebookscheduler.bootstrap.metrics.Meters;
import org.notebookscheduler.domain.schedule.RunSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * DolphinScheduler as an engine, when scheduling is on and it is the default engine or its URL is
 * set (so the schedules created on it are still served when the default is the embedded engine).
 * Nothing is called at startup: the project is ensured on the first create.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EngineConditions.DolphinSchedulerWanted.class)
public class DolphinSchedulerConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DolphinSchedulerSettings dolphinSchedulerSettings(SchedulerProperties properties, SchedulerEndpoints endpoints,
            RunSettings defaultRunSettings) {
        SchedulerProperties.DolphinScheduler ds = properties.dolphinscheduler();
        return new DolphinSchedulerSettings(endpoints.schedulerUrl(), properties.authToken(), properties.projectName(),
                endpoints.callbackUrl(), properties.callbackToken(), ds.serverTimeZone(), ds.connectTimeout(),
                ds.readTimeout(), ds.maxAttempts(), ds.retryWait(), defaultRunSettings,
                ds.requestDeadline());
    }

    @Bean
    Engine dolphinSchedulerEngine(DolphinSchedulerSettings settings, ObjectProvider<MeterRegistry> meters) {
        return DolphinSchedulerEngine.create(settings, Meters.dolphinSchedulerCalls(meters));
    }
}
