package org.notebookscheduler.bootstrap.health;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.notebookscheduler.application.port.out.Engine;
import org.notebookscheduler.application.port.out.NotificationOutbox;
import org.notebookscheduler.application.service.Engines;
import org.notebookscheduler.bootstrap.config.SchedulerProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One health component, {@code notebookScheduler}, under which each engine this instance runs
 * ({@code engines/Embedded}, {@code engines/DolphinScheduler}) and the outbox report: one name in the
 * host's health endpoint, beside the host's own components.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthContributor.class)
public class HealthConfiguration {

    @Bean
    HealthContributor notebookSchedulerHealthContributor(Engines engines, NotificationOutbox outbox,
            SchedulerProperties properties, Clock clock) {
        Map<String, HealthContributor> engineChecks = new LinkedHashMap<>();
        for (Engine engine : engines.all()) {
            engineChecks.put(engine.name(), new EngineHealthIndicator(engine));
        }
        Map<String, HealthContributor> parts = new LinkedHashMap<>();
        parts.put("engines", CompositeHealthContributor.fromMap(engineChecks));
        parts.put("outbox", new OutboxHealthIndicator(outbox, properties.health().outboxMaxAge(), clock));
        return CompositeHealthContributor.fromMap(parts);
    }
}
