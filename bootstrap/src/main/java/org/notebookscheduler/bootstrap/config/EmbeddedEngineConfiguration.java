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

    @Bean(destroyMethod = "shutdown")
    Scheduler embeddedQuartz(DataSource dataSource, SchedulerProperties properties) throws SchedulerException {
        SchedulerProperties.Embedded embedded = properties.embedded();
        return QuartzSchedulers.clustered(dataSource, instanceId(embedded), embedded.quartzThreads(),
                embedded.clusterCheckin(), embedded.misfireThreshold());
    }

    @Bean(destroyMethod = "close")
    EmbeddedEngine embeddedEngine(Scheduler embeddedQuartz, JdbcTemplate jdbc, ScheduleStore schedules,
            RunTaskAttemptUseCase attempts, SchedulerProperties properties, Clock clock) {
        SchedulerProperties.Embedded embedded = properties.embedded();
        return new EmbeddedEngine(embeddedQuartz, jdbc, schedules, attempts, new EmbeddedSettings(
                instanceId(embedded), embedded.workers(), embedded.heartbeat(), embedded.missedHeartbeats()), clock);
    }

    @Bean
    Engine embedded(EmbeddedEngine embeddedEngine) {
        return embeddedEngine.engine();
    }

    private static String instanceId(SchedulerProperties.Embedded embedded) {
        return embedded.instanceId() != null && !embedded.instanceId().isBlank() ? embedded.instanceId()
                : SchedulerConfiguration.instanceId();
    }
}
