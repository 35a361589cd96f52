package org.notebookscheduler.bootstrap.config;

import org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerEngine;
import org.notebookscheduler.adapters.dolphinscheduler.DolphinSchedulerSettings;
import org.notebookscheduler.application.service.Engines;
import org.notebookscheduler.domain.schedule.RunSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * DolphinScheduler as the scheduler, when {@code notebook.scheduler.enable=true}. Nothing is called
 * at startup: the project is ensured on the first create.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = SchedulerProperties.PREFIX, name = "enable", havingValue = "true")
public class DolphinSchedulerConfiguration {

    @Bean
    DolphinSchedulerSettings dolphinSchedulerSettings(SchedulerProperties properties, SchedulerEndpoints endpoints,
            RunSettings defaultRunSettings) {
        SchedulerProperties.DolphinScheduler ds = properties.dolphinscheduler();
        return new DolphinSchedulerSettings(endpoints.schedulerUrl(), properties.authToken(), properties.projectName(),
                endpoints.callbackUrl(), properties.callbackToken(), ds.serverTimeZone(), ds.connectTimeout(),
                ds.readTimeout(), ds.maxAttempts(), ds.retryWait(), defaultRunSettings,
                ds.requestDeadline());
    }

    @Bean
    Engines engines(DolphinSchedulerSettings settings) {
        return Engines.only(DolphinSchedulerEngine.create(settings));
    }
}
