package org.notebookscheduler.bootstrap.config;

import java.time.Clock;
import javax.sql.DataSource;
import org.notebookscheduler.adapters.embedded.EmbeddedEngine;
import org.notebookscheduler.adapters.embedded.EmbeddedSettings;
import org.notebookscheduler.adapters.embedded.QuartzSchedulers;
import org.notebookscheduler.application.port.in.RunTaskAttemptUseCase;
import org.notebookscheduler.application.port.out.Engine;
import org.notebookscheduler.application.port.out.ScheduleStore;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded engine, when {@code notebook.scheduler.scheduler-name=Embedded}: Quartz on the
 * application's own database (clustered across the instances that share it) and runs executed
 * in-process. No scheduler URL or token is needed.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EngineConditions.EmbeddedWanted.class)
public class EmbeddedEngineConfiguration {

    /**
     * One name per instance for Quartz's cluster and for the runs it owns: the default has a
     * random part, so it is drawn once, here.
     */
    @Bean
    @ConditionalOnMissingBean
    EmbeddedSettings embeddedSettings(SchedulerProperties properties) {
        SchedulerProperties.Embedded embedded = properties.embedded();
        String instanceId = embedded.instanceId() != null && !embedded.instanceId().isBlank() ? embedded.instanceId()
                : SchedulerConfiguration.instanceId();
        return new EmbeddedSettings(instanceId, embedded.workers(), embedded.heartbeat(), embedded.missedHeartbeats());
    }

    /**
     * The engine owns its Quartz scheduler, which is no bean: a host's own Quartz (Spring Boot's
     * starter) stays the only {@code Scheduler} it can inject.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    EmbeddedEngine embeddedEngine(DataSource dataSource, JdbcTemplate jdbc, ScheduleStore schedules,
            RunTaskAttemptUseCase attempts, EmbeddedSettings settings, SchedulerProperties properties, Clock clock)
            throws SchedulerException {
        SchedulerProperties.Embedded embedded = properties.embedded();
        Scheduler quartz = QuartzSchedulers.clustered(dataSource, settings.instanceId(), embedded.quartzThreads(),
                embedded.clusterCheckin(), embedded.misfireThreshold());
        return new EmbeddedEngine(quartz, jdbc, schedules, attempts, settings, clock);
    }

    @Bean
    Engine embedded(EmbeddedEngine embeddedEngine) {
        return embeddedEngine.engine();
    }
}
