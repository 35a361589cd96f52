package org.notebookscheduler.bootstrap.jobs;

import org.notebookscheduler.application.port.in.ReconcileSchedulesUseCase;
import org.notebookscheduler.bootstrap.config.SchedulerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The background work of every instance: comparing the store with DolphinScheduler. */
@Configuration(proxyBeanMethods = false)
public class JobsConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(JobsConfiguration.class);

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
