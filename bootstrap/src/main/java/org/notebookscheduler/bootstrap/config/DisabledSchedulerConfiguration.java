package org.notebookscheduler.bootstrap.config;

import org.notebookscheduler.application.service.Engines;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** With {@code notebook.scheduler.enable=false} (the seed's default) schedules can be read but not changed or run. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = SchedulerProperties.PREFIX, name = "enable", havingValue = "false",
        matchIfMissing = true)
public class DisabledSchedulerConfiguration {

    @Bean
    Engines engines() {
        return Engines.servingEverySchedule(DisabledEngine.engine());
    }
}
