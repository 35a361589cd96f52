package org.notebookscheduler.bootstrap.config;

import java.util.List;
import org.notebookscheduler.application.port.out.Engine;
import org.notebookscheduler.application.service.Engines;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With scheduling on: every engine configured, new schedules going to the one
 * {@code notebook.scheduler.scheduler-name} names, existing ones to the engine they were created on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = SchedulerProperties.PREFIX, name = "enable", havingValue = "true")
public class EnginesConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Engines engines(List<Engine> engines, SchedulerProperties properties) {
        return new Engines(properties.embeddedByDefault() ? SchedulerProperties.EMBEDDED
                : SchedulerProperties.DOLPHIN_SCHEDULER, engines);
    }
}
