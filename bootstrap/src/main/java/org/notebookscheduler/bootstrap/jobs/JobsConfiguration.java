package org.notebookscheduler.bootstrap.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.notebookscheduler.application.port.in.ReconcileSchedulesUseCase;
import org.notebookscheduler.application.port.in.RelayNotificationsUseCase;
import org.notebookscheduler.application.settings.RelaySettings;
import org.notebookscheduler.bootstrap.config.SchedulerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The background work of every instance: relaying the outbox (the claim keeps instances off each
 * other's rows), purging delivered notifications past their retention, and comparing the store
 * with DolphinScheduler.
 */
@Configuration(proxyBeanMethods = false)
public class JobsConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(JobsConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    StartupReport startupReport(org.notebookscheduler.application.service.Engines engines,
            org.notebookscheduler.application.port.out.NotebookRunner runner,
            org.springframework.core.env.Environment environment) {
        return new StartupReport(engines, runner, environment);
    }

    @Bean
    @ConditionalOnMissingBean
    RelayMetrics relayMetrics(ObjectProvider<MeterRegistry> registry, Clock clock) {
        return new RelayMetrics(registry.getIfAvailable(SimpleMeterRegistry::new), clock);
    }

    @Bean
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    @ConditionalOnMissingBean
    JobsEndpoint notebookSchedulerJobsEndpoint(java.util.List<PeriodicJob> jobs) {
        return new JobsEndpoint(jobs);
    }

    /** Passes back to back while batches come back full, so a backlog drains without waiting for the interval. */
    @Bean
    @ConditionalOnProperty(prefix = SchedulerProperties.PREFIX, name = "relay.enabled", havingValue = "true",
            matchIfMissing = true)
    PeriodicJob relayJob(RelayNotificationsUseCase relay, SchedulerProperties properties, RelaySettings settings,
            RelayMetrics metrics) {
        return new PeriodicJob("relay", properties.relay().pollInterval(), () -> {
            RelayNotificationsUseCase.Report report;
            do {
                report = relay.relayDue();
                metrics.record(report);
            } while (report.claimed() == settings.batchSize());
            metrics.refresh(relay.backlog());
        });
    }

    @Bean
    PeriodicJob purgeJob(RelayNotificationsUseCase relay, SchedulerProperties properties) {
        return new PeriodicJob("purge", properties.relay().purgeInterval(), () -> {
            int purged = relay.purgeDelivered();
            if (purged > 0) {
                LOG.info("Purged {} delivered notifications older than {}", purged, properties.relay().retention());
            }
        });
    }

    @Bean
    @ConditionalOnProperty(prefix = SchedulerProperties.PREFIX, name = "enable", havingValue = "true")
    PeriodicJob reconciliationJob(ReconcileSchedulesUseCase reconciliation, SchedulerProperties properties) {
        return new PeriodicJob("reconciliation", properties.dolphinscheduler().reconcileInterval(), () -> {
            ReconcileSchedulesUseCase.Report report = reconciliation.reconcile();
            if (report.recorded() > 0 || report.unreachable() > 0) {
                LOG.warn("Reconciliation: {} schedules checked, {} differ from DolphinScheduler ({} newly recorded),"
                        + " {} could not be checked", report.checked(), report.drifted(), report.recorded(),
                        report.unreachable());
            }
        });
    }
}
